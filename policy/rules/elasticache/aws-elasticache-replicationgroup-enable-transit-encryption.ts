import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-elasticache-replicationgroup-enable-transit-encryption",
    description:
      "ElastiCache replication groups require TLS and authenticated clients (a user group, or an AUTH token).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
      "Set transitEncryptionEnabled: true and userGroupIds (role-based access, e.g. IAM-authenticated users), or authToken (from @pulumi/random, as a secret).",
  },
  (props) => [
    isTrue(props.transitEncryptionEnabled)
      ? undefined
      : "in-transit encryption is off (transitEncryptionEnabled is not true)",
    // The user group's id is another resource's output: presence decides, not the value.
    (Array.isArray(props.userGroupIds) && props.userGroupIds.length > 0) || props.authToken
      ? undefined
      : "no client authentication (neither userGroupIds nor authToken is set)",
  ],
);
