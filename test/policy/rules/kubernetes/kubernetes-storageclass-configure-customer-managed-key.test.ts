import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "kubernetes-storageclass-configure-customer-managed-key";
const SC = "kubernetes:storage.k8s.io/v1:StorageClass";

describeResourceRule(RULE, {
  passes: [
    passes(SC, "a key ARN computed during a preview", (p) => (p.parameters.kmsKeyId = UNKNOWN)),
    passes(
      SC,
      "parameter names in another case (the driver ignores case)",
      (p) => (p.parameters = { Encrypted: "true", KmsKeyId: "arn:aws:kms:k" }),
    ),
    passes(SC, "another provisioner", (p) => {
      p.provisioner = "efs.csi.aws.com";
      delete p.parameters;
    }),
  ],
  violations: [
    violates(SC, "aws/ebs", (p) => delete p.parameters.kmsKeyId, /AWS managed key/),
    violates(SC, "unencrypted", (p) => (p.parameters.encrypted = "false"), /not encrypted/),
    violates(
      SC,
      "no parameters",
      (p) => delete p.parameters,
      /volumes are not encrypted \(parameters.encrypted\)/,
    ),
  ],
});
