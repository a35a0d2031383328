import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-elasticache-replicationgroup-enable-transit-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "an AUTH token instead of a user group",
      (p) => {
        delete p.userGroupIds;
        p.authToken = "[secret]";
      },
    ),
    passes(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "an AUTH token computed during a preview",
      (p) => {
        delete p.userGroupIds;
        p.authToken = UNKNOWN;
      },
    ),
    passes(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "a user group list computed as a whole during a preview",
      (p) => (p.userGroupIds = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "plaintext",
      (p) => (p.transitEncryptionEnabled = false),
      /in-transit encryption is off/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "no user group and no AUTH token",
      (p) => delete p.userGroupIds,
      /no client authentication \(neither userGroupIds nor authToken is set\)/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "an empty user group list",
      (p) => (p.userGroupIds = []),
      /no client authentication \(neither userGroupIds nor authToken is set\)/,
    ),
    violates(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "transit encryption left to the default (off)",
      (p) => delete p.transitEncryptionEnabled,
      /in-transit encryption is off \(transitEncryptionEnabled is not true\)/,
    ),
  ],
});
