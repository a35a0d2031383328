import { isSet } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-rds-instance-enable-storage-encryption",
    description: "Standalone RDS instances encrypt their storage with a customer managed key.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.3.1", "PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:rds/instance:Instance"],
    remediation: "Set storageEncrypted: true and kmsKeyId to a customer managed key.",
  },
  (props) => [
    isTrue(props.storageEncrypted)
      ? undefined
      : "storage is not encrypted (storageEncrypted is not true)",
    isSet(props, "kmsKeyId") ? undefined : "no customer managed key (kmsKeyId is empty)",
  ],
);
