import { isComputed, isSet, peek } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

/** A user group's id is another resource's output: presence decides, not the value. */
function hasUserGroup(props: Record<string, unknown>): boolean {
  const groups = peek(props, "userGroupIds");
  return isComputed(groups) || (Array.isArray(groups) && groups.length > 0);
}

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
    hasUserGroup(props) || isSet(props, "authToken")
      ? undefined
      : "no client authentication (neither userGroupIds nor authToken is set)",
  ],
);
