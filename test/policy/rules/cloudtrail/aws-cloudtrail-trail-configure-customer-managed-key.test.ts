import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-cloudtrail-trail-configure-customer-managed-key";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudtrail/trail:Trail",
      "a key ARN computed during a preview",
      (p) => (p.kmsKeyId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:cloudtrail/trail:Trail",
      "S3-managed encryption",
      (p) => delete p.kmsKeyId,
      /not a KMS key/,
    ),
  ],
});
