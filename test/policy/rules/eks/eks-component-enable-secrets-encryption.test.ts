import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "eks-component-enable-secrets-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "eks:index:Cluster",
      "a key ARN computed during a preview",
      (p) => (p.encryptionConfigKeyArn = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "eks:index:Cluster",
      "no key",
      (p) => delete p.encryptionConfigKeyArn,
      /secrets are not encrypted/,
    ),
  ],
});
