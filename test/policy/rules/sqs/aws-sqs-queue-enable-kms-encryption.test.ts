import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-sqs-queue-enable-kms-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:sqs/queue:Queue",
      "a key ARN computed during a preview",
      (p) => (p.kmsMasterKeyId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:sqs/queue:Queue",
      "SQS-managed SSE only",
      (p) => {
        delete p.kmsMasterKeyId;
        p.sqsManagedSseEnabled = true;
      },
      /kmsMasterKeyId is empty/,
    ),
    violates(
      "aws:sqs/queue:Queue",
      "no encryption at all",
      (p) => delete p.kmsMasterKeyId,
      /messages are not encrypted with a customer managed key \(kmsMasterKeyId is empty\)/,
    ),
  ],
});
