import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-rds-cluster-configure-customer-managed-key";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:rds/cluster:Cluster",
      "a key ARN computed during a preview",
      (p) => (p.kmsKeyId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:rds/cluster:Cluster",
      "AWS managed key",
      (p) => delete p.kmsKeyId,
      /no customer managed key/,
    ),
  ],
});
