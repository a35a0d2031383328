import { isSet } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-elasticache-replicationgroup-enable-transit-encryption",
    description: "ElastiCache replication groups require TLS and an AUTH token.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
      "Set transitEncryptionEnabled: true and authToken (from @pulumi/random, as a secret).",
  },
  (props) => [
    isTrue(props.transitEncryptionEnabled)
      ? undefined
      : "in-transit encryption is off (transitEncryptionEnabled is not true)",
    isSet(props, "authToken") ? undefined : "no AUTH token (authToken is empty)",
  ],
);
