import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-iam-policy-disallow-wildcard-admin";

const doc = (statement: Record<string, unknown>) => JSON.stringify({ Statement: [statement] });

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:iam/rolePolicy:RolePolicy",
      "a Deny of * on *",
      (p) => (p.policy = doc({ Effect: "Deny", Action: "*", Resource: "*" })),
    ),
    passes(
      "aws:iam/rolePolicy:RolePolicy",
      "* on one bucket's objects",
      (p) => (p.policy = doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::assets/*" })),
    ),
    passes(
      "aws:iam/rolePolicy:RolePolicy",
      "a service wildcard (s3:*) on *",
      (p) => (p.policy = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" })),
    ),
  ],
  violations: [
    violates(
      "aws:iam/rolePolicy:RolePolicy",
      "* on *",
      (p) =>
        (p.policy = JSON.stringify({
          Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
        })),
      /statement 0 allows "\*" on "\*"/,
    ),
    violates(
      "aws:iam/policy:Policy",
      "*:* on * in a list",
      (p) =>
        (p.policy = {
          Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: ["*"] }],
        }),
      /allows "\*" on "\*"/,
    ),
    violates(
      "aws:iam/role:Role",
      "* on * in a role's inline policy",
      (p) =>
        (p.inlinePolicies = [
          {
            name: "admin",
            policy: JSON.stringify({
              Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
            }),
          },
        ]),
      /inline policy admin: statement 0 allows "\*" on "\*"/,
    ),
    violates(
      "aws:iam/userPolicy:UserPolicy",
      "* on * for a user",
      (p) => (p.policy = doc({ Effect: "Allow", Action: "*", Resource: "*" })),
      /^fixture: statement 0 allows "\*" on "\*"$/,
    ),
    violates(
      "aws:iam/groupPolicy:GroupPolicy",
      "*:* on * for a group",
      (p) => (p.policy = doc({ Effect: "Allow", Action: "*:*", Resource: "*" })),
      /statement 0 allows "\*" on "\*"/,
    ),
    violates(
      "aws:iam/role:Role",
      "* on * in an unnamed inline policy, after a harmless one",
      (p) =>
        (p.inlinePolicies = [
          { name: "read", policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) },
          { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) },
        ]),
      /inline policy \?: statement 0 allows "\*" on "\*"/,
    ),
  ],
});
