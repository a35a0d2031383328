import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-rds-cluster-enable-deletion-protection";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:rds/cluster:Cluster",
      "unprotected cluster",
      (p) => (p.deletionProtection = false),
      /deletion protection is off/,
    ),
    violates(
      "aws:rds/globalCluster:GlobalCluster",
      "unprotected global cluster",
      (p) => delete p.deletionProtection,
      /deletion protection is off/,
    ),
    violates(
      "aws:rds/instance:Instance",
      "unprotected instance",
      (p) => (p.deletionProtection = "false"),
      /deletion protection is off/,
    ),
  ],
});
