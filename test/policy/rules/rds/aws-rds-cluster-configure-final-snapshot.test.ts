import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-rds-cluster-configure-final-snapshot";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:rds/cluster:Cluster",
      "skips the final snapshot",
      (p) => (p.skipFinalSnapshot = true),
      /no final snapshot/,
    ),
    violates(
      "aws:rds/instance:Instance",
      "instance skips the final snapshot",
      (p) => {
        p.skipFinalSnapshot = true;
        delete p.finalSnapshotIdentifier;
      },
      /no final snapshot/,
    ),
    violates(
      "aws:rds/cluster:Cluster",
      "no snapshot identifier",
      (p) => delete p.finalSnapshotIdentifier,
      /no final snapshot on deletion/,
    ),
    violates(
      "aws:rds/cluster:Cluster",
      'skip given as the string "true"',
      (p) => (p.skipFinalSnapshot = "true"),
      /no final snapshot/,
    ),
  ],
});
