import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "eks-cluster-enable-secrets-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:eks/cluster:Cluster",
      "a key ARN computed during a preview",
      (p) => (p.encryptionConfig.provider.keyArn = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:eks/cluster:Cluster",
      "no encryption config",
      (p) => delete p.encryptionConfig,
      /secrets are not encrypted/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "key without secrets resource",
      (p) => (p.encryptionConfig.resources = []),
      /secrets are not encrypted/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "secrets listed without a key",
      (p) => delete p.encryptionConfig.provider,
      /Kubernetes secrets are not encrypted with a KMS key \(encryptionConfig\)/,
    ),
  ],
});
