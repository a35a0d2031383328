import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-kms-key-enable-rotation",
    description: "Customer managed KMS keys rotate their key material yearly (or faster).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.6", "PCI-DSS 4.0 §3.7.4"],
    topic: "encryption-at-rest",
    types: ["aws:kms/key:Key"],
    remediation: "Set enableKeyRotation: true.",
  },
  (props) =>
    isTrue(props.enableKeyRotation)
      ? undefined
      : "key rotation is off (enableKeyRotation is not true)",
);
