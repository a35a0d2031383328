import { asArray, statements } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-iam-policy-disallow-wildcard-admin",
    description: "No policy the program creates allows every action (`*`) on every resource (`*`).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §1.16", "PCI-DSS 4.0 §7.2.2"],
    topic: "iam",
    types: [
      "aws:iam/policy:Policy",
      "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/userPolicy:UserPolicy",
      "aws:iam/groupPolicy:GroupPolicy",
    ],
    remediation: "Name the actions and the resources the role needs.",
  },
  (props) =>
    statements(props.policy).map((s, i) =>
      s.Effect === "Allow" &&
      asArray(s.Action).some((a) => a === "*" || a === "*:*") &&
      asArray(s.Resource).includes("*")
        ? `statement ${i} allows "*" on "*"`
        : undefined,
    ),
);
