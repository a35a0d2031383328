import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-sns-topic-enable-kms-encryption",
    description: "SNS topics encrypt messages with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:sns/topic:Topic"],
    remediation: "Set kmsMasterKeyId to a customer managed key.",
  },
  (props) =>
    isSet(props, "kmsMasterKeyId")
      ? undefined
      : "messages are not encrypted (kmsMasterKeyId is empty)",
);
