import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudtrail-trail-configure-customer-managed-key",
    description:
      "CloudTrail log files are encrypted with a customer managed KMS key (SSE-KMS), whose policy decides who may read them.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.5", "PCI-DSS 4.0 §10.3.1"],
    topic: "encryption-at-rest",
    types: ["aws:cloudtrail/trail:Trail"],
    remediation: "Set kmsKeyId to the ARN of a customer managed key that admits CloudTrail.",
  },
  // The key is another resource: during a first preview its ARN is unknown, so presence decides.
  (props) =>
    isSet(props, "kmsKeyId") ? undefined : "log files use S3's default encryption, not a KMS key",
);
