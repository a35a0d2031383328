import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-sqs-queue-enable-kms-encryption",
    description:
      "SQS queues (including dead-letter queues) encrypt messages with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:sqs/queue:Queue"],
    remediation:
      "Set kmsMasterKeyId to a customer managed key (SQS-managed SSE keeps the key out of our control).",
  },
  (props) =>
    isSet(props, "kmsMasterKeyId")
      ? undefined
      : "messages are not encrypted with a customer managed key (kmsMasterKeyId is empty)",
);
