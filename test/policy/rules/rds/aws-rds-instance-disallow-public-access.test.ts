import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-rds-instance-disallow-public-access";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:rds/instance:Instance",
      "public access left to the default (off)",
      (p) => delete p.publiclyAccessible,
    ),
  ],
  violations: [
    violates(
      "aws:rds/clusterInstance:ClusterInstance",
      "public Aurora instance",
      (p) => (p.publiclyAccessible = true),
      /publicly accessible/,
    ),
    violates(
      "aws:rds/instance:Instance",
      "public RDS instance",
      (p) => (p.publiclyAccessible = true),
      /publicly accessible/,
    ),
    violates(
      "aws:rds/clusterInstance:ClusterInstance",
      'public given as the string "true"',
      (p) => (p.publiclyAccessible = "true"),
      /publicly accessible \(publiclyAccessible is true\)/,
    ),
  ],
});
