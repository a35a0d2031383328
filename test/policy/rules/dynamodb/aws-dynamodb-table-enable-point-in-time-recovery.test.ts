import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-dynamodb-table-enable-point-in-time-recovery";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:dynamodb/table:Table",
      "PITR off",
      (p) => (p.pointInTimeRecovery = { enabled: false }),
      /point-in-time recovery is off/,
    ),
    violates(
      "aws:dynamodb/tableReplica:TableReplica",
      "replica PITR off",
      (p) => (p.pointInTimeRecovery = false),
      /point-in-time recovery is off/,
    ),
    violates(
      "aws:dynamodb/table:Table",
      "PITR left out",
      (p) => delete p.pointInTimeRecovery,
      /point-in-time recovery is off/,
    ),
  ],
});
