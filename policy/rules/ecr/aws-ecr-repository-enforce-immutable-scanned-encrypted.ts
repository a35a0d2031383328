import { isSet } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ecr-repository-enforce-immutable-scanned-encrypted",
    description:
      "ECR repositories keep tags immutable, scan images on push and encrypt with a KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §6.3.3", "PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:ecr/repository:Repository", "awsx:ecr:Repository"],
    remediation:
      'Set imageTagMutability: "IMMUTABLE", imageScanningConfiguration.scanOnPush: true and encryptionConfigurations [{ encryptionType: "KMS", kmsKey }].',
  },
  (props) => [
    props.imageTagMutability === "IMMUTABLE" ? undefined : "image tags can be overwritten",
    props.imageScanningConfiguration?.scanOnPush === true
      ? undefined
      : "images are not scanned on push",
    asArray<{ encryptionType?: string; kmsKey?: unknown }>(props.encryptionConfigurations).some(
      (e) => e.encryptionType === "KMS" && isSet(e, "kmsKey"),
    )
      ? undefined
      : "images are not encrypted with a customer managed KMS key",
  ],
);
