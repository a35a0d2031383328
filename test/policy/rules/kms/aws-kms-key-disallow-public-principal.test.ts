import { describeResourceRule, passes, violates } from "../../ruleSuite";
import { wildcardDoc } from "../../fixtures/common";

const RULE = "aws-kms-key-disallow-public-principal";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:kms/key:Key",
      "anyone under a condition (a service via kms:ViaService)",
      (p) =>
        (p.policy = JSON.stringify({
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: "*" },
              Action: "kms:Decrypt",
              Resource: "*",
              Condition: { StringEquals: { "kms:ViaService": "s3.ap-south-1.amazonaws.com" } },
            },
          ],
        })),
    ),
    passes(
      "aws:kms/replicaKey:ReplicaKey",
      "a Deny to anyone",
      (p) =>
        (p.policy = JSON.stringify({
          Statement: [{ Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }],
        })),
    ),
  ],
  violations: [
    violates(
      "aws:kms/key:Key",
      "key for anyone",
      (p) => (p.policy = wildcardDoc({ AWS: "*" })),
      /grants the key to anyone/,
    ),
    violates(
      "aws:kms/replicaKey:ReplicaKey",
      "replica key for anyone",
      (p) => (p.policy = wildcardDoc("*")),
      /grants the key to anyone/,
    ),
  ],
});
