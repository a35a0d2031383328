import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-sns-topic-enable-kms-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:sns/topic:Topic",
      "a key ARN computed during a preview",
      (p) => (p.kmsMasterKeyId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:sns/topic:Topic",
      "unencrypted topic",
      (p) => delete p.kmsMasterKeyId,
      /not encrypted/,
    ),
  ],
});
