import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-dynamodb-table-enable-deletion-protection";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:dynamodb/table:Table",
      "unprotected table",
      (p) => (p.deletionProtectionEnabled = false),
      /deletion protection is off/,
    ),
    violates(
      "aws:dynamodb/tableReplica:TableReplica",
      "unprotected replica",
      (p) => delete p.deletionProtectionEnabled,
      /deletion protection is off/,
    ),
  ],
});
