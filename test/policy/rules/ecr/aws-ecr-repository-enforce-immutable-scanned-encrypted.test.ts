import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-ecr-repository-enforce-immutable-scanned-encrypted";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:ecr/repository:Repository",
      "a key ARN computed during a preview",
      (p) => (p.encryptionConfigurations[0].kmsKey = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "awsx:ecr:Repository",
      "mutable tags",
      (p) => (p.imageTagMutability = "MUTABLE"),
      /image tags can be overwritten/,
    ),
    violates(
      "aws:ecr/repository:Repository",
      "no scanning",
      (p) => (p.imageScanningConfiguration.scanOnPush = false),
      /not scanned on push/,
    ),
    violates(
      "aws:ecr/repository:Repository",
      "AES256",
      (p) => (p.encryptionConfigurations = [{ encryptionType: "AES256" }]),
      /not encrypted with a customer managed KMS key/,
    ),
    violates(
      "awsx:ecr:Repository",
      "KMS with the AWS managed key",
      (p) => delete p.encryptionConfigurations[0].kmsKey,
      /not encrypted with a customer managed KMS key/,
    ),
    violates(
      "awsx:ecr:Repository",
      "no scanning configuration",
      (p) => delete p.imageScanningConfiguration,
      /images are not scanned on push/,
    ),
    violates(
      "aws:ecr/repository:Repository",
      "tag mutability left to the default (MUTABLE)",
      (p) => delete p.imageTagMutability,
      /image tags can be overwritten/,
    ),
  ],
});
