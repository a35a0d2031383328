import { isWildcardPrincipal, statements } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-iam-role-disallow-wildcard-trust",
    description: "No role can be assumed by any principal (`*`) without a condition.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §7.2.2"],
    topic: "iam",
    types: ["aws:iam/role:Role"],
    remediation:
      "Trust a named service or account, with aws:SourceAccount/ExternalId conditions where a service assumes it.",
  },
  (props) =>
    statements(props.assumeRolePolicy).map((s, i) =>
      s.Effect === "Allow" && isWildcardPrincipal(s.Principal) && !s.Condition
        ? `trust statement ${i} lets anyone assume the role`
        : undefined,
    ),
);
