import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-cloudwatch-loggroup-missing-kms-key";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudwatch/logGroup:LogGroup",
      "a key ARN computed during a preview",
      (p) => (p.kmsKeyId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:cloudwatch/logGroup:LogGroup",
      "no key",
      (p) => delete p.kmsKeyId,
      /not encrypted with a customer managed key/,
    ),
    violates(
      "aws:cloudwatch/logGroup:LogGroup",
      "an empty key",
      (p) => (p.kmsKeyId = ""),
      /\(kmsKeyId is empty\)/,
    ),
  ],
});
