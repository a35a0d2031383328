import { isSet } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-elasticache-replicationgroup-enable-at-rest-encryption",
    description: "ElastiCache replication groups encrypt data at rest with a customer managed key.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation: "Set atRestEncryptionEnabled: true and kmsKeyId to a customer managed key.",
  },
  (props) => [
    isTrue(props.atRestEncryptionEnabled)
      ? undefined
      : "at-rest encryption is off (atRestEncryptionEnabled is not true)",
    isSet(props, "kmsKeyId") ? undefined : "no customer managed key (kmsKeyId is empty)",
  ],
);
