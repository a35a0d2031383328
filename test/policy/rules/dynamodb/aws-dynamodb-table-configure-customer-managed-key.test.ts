import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-dynamodb-table-configure-customer-managed-key";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:dynamodb/table:Table",
      "a key ARN computed during a preview",
      (p) => (p.serverSideEncryption.kmsKeyArn = UNKNOWN),
    ),
    passes(
      "aws:dynamodb/tableReplica:TableReplica",
      "a replica key ARN computed during a preview",
      (p) => (p.kmsKeyArn = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:dynamodb/table:Table",
      "AWS owned key",
      (p) => (p.serverSideEncryption = { enabled: false }),
      /no customer managed key/,
    ),
    violates(
      "aws:dynamodb/tableReplica:TableReplica",
      "replica without key",
      (p) => delete p.kmsKeyArn,
      /replica has no customer managed key/,
    ),
    violates(
      "aws:dynamodb/table:Table",
      "SSE on with the AWS managed key (no kmsKeyArn)",
      (p) => delete p.serverSideEncryption.kmsKeyArn,
      /no customer managed key \(serverSideEncryption.enabled with kmsKeyArn\)/,
    ),
    violates(
      "aws:dynamodb/table:Table",
      "no serverSideEncryption block",
      (p) => delete p.serverSideEncryption,
      /no customer managed key/,
    ),
  ],
});
