import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-secretsmanager-secret-configure-customer-managed-key";

describeResourceRule(RULE, {
  passes: [
    passes("aws:secretsmanager/secret:Secret", "keys computed during a preview", (p) => {
      p.kmsKeyId = UNKNOWN;
      p.replicas[0].kmsKeyId = UNKNOWN;
    }),
    passes("aws:secretsmanager/secret:Secret", "no replicas", (p) => delete p.replicas),
  ],
  violations: [
    violates(
      "aws:secretsmanager/secret:Secret",
      "default key",
      (p) => delete p.kmsKeyId,
      /no customer managed key/,
    ),
    violates(
      "aws:secretsmanager/secret:Secret",
      "replica with default key",
      (p) => delete p.replicas[0].kmsKeyId,
      /replica in ap-southeast-1 has no customer managed key/,
    ),
    violates(
      "aws:secretsmanager/secret:Secret",
      "a replica without a region or key",
      (p) => p.replicas.push({}),
      /replica in \? has no customer managed key/,
    ),
  ],
});
