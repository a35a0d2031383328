import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-elasticache-replicationgroup-enable-at-rest-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "a key ARN computed during a preview",
      (p) => (p.kmsKeyId = UNKNOWN),
    ),
    passes(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      'at rest given as the string "true"',
      (p) => (p.atRestEncryptionEnabled = "true"),
    ),
  ],
  violations: [
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "at rest off",
      (p) => (p.atRestEncryptionEnabled = false),
      /at-rest encryption is off/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "no CMK",
      (p) => delete p.kmsKeyId,
      /no customer managed key/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "at rest left to the default (off)",
      (p) => delete p.atRestEncryptionEnabled,
      /at-rest encryption is off \(atRestEncryptionEnabled is not true\)/,
    ),
  ],
});
