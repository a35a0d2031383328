import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-rds-cluster-configure-backup-retention";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:rds/cluster:Cluster",
      "exactly the default minimum of 7 days",
      (p) => (p.backupRetentionPeriod = 7),
    ),
    passes(
      "aws:rds/cluster:Cluster",
      "a configured minimum",
      (p) => (p.backupRetentionPeriod = 3),
      { config: { minimumDays: 3 } },
    ),
  ],
  violations: [
    violates(
      "aws:rds/cluster:Cluster",
      "one day of backups",
      (p) => (p.backupRetentionPeriod = 1),
      /backups kept 1 day\(s\), below the minimum of 7/,
    ),
    violates(
      "aws:rds/cluster:Cluster",
      "one day below the default minimum",
      (p) => (p.backupRetentionPeriod = 6),
      /backups kept 6 day\(s\), below the minimum of 7/,
    ),
    violates(
      "aws:rds/cluster:Cluster",
      "retention left to the AWS default (1 day)",
      (p) => delete p.backupRetentionPeriod,
      /backups kept 1 day\(s\)/,
    ),
    violates(
      "aws:rds/cluster:Cluster",
      "below a configured minimum",
      (p) => (p.backupRetentionPeriod = 14),
      /backups kept 14 day\(s\), below the minimum of 35/,
      { config: { minimumDays: 35 } },
    ),
  ],
});
