import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-rds-instance-enable-storage-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:rds/instance:Instance",
      "a key ARN computed during a preview",
      (p) => (p.kmsKeyId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:rds/instance:Instance",
      "unencrypted instance",
      (p) => (p.storageEncrypted = false),
      /storage is not encrypted/,
    ),
    violates(
      "aws:rds/instance:Instance",
      "instance without CMK",
      (p) => delete p.kmsKeyId,
      /no customer managed key/,
    ),
    violates(
      "aws:rds/instance:Instance",
      "encryption left to the default (off)",
      (p) => delete p.storageEncrypted,
      /storage is not encrypted/,
    ),
  ],
});
