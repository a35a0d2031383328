import { isWildcardPrincipal, statements } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-kms-key-disallow-public-principal",
    description:
      "KMS key policies never grant use of the key to any principal (`*`) without a condition.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §1.16", "PCI-DSS 4.0 §3.6.1"],
    topic: "iam",
    types: ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"],
    remediation: "Grant the account root and named service principals only.",
  },
  (props) =>
    statements(props.policy).map((s, i) =>
      s.Effect === "Allow" && isWildcardPrincipal(s.Principal) && !s.Condition
        ? `key policy statement ${i} grants the key to anyone`
        : undefined,
    ),
);
