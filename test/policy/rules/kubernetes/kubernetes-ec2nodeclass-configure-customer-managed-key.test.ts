import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "kubernetes-ec2nodeclass-configure-customer-managed-key";
const NC = "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass";

describeResourceRule(RULE, {
  passes: [
    passes(
      NC,
      "a key ARN computed during a preview",
      (p) => (p.spec.blockDeviceMappings[0].ebs.kmsKeyID = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      NC,
      "node volume on aws/ebs",
      (p) => delete p.spec.blockDeviceMappings[0].ebs.kmsKeyID,
      /volume \/dev\/xvda is not encrypted with a customer managed key/,
    ),
    violates(
      NC,
      "Karpenter's default volume",
      (p) => delete p.spec.blockDeviceMappings,
      /no blockDeviceMappings/,
    ),
    violates(
      NC,
      "an unencrypted volume with a key",
      (p) => (p.spec.blockDeviceMappings[0].ebs.encrypted = false),
      /volume \/dev\/xvda is not encrypted with a customer managed key/,
    ),
    violates(
      NC,
      "a mapping without an EBS block",
      (p) => delete p.spec.blockDeviceMappings[0].ebs,
      /volume \/dev\/xvda is not encrypted with a customer managed key/,
    ),
  ],
});
