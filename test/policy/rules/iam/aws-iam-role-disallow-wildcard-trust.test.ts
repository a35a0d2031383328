import { describeResourceRule, passes, violates } from "../../ruleSuite";
import { wildcardDoc } from "../../fixtures/common";

const RULE = "aws-iam-role-disallow-wildcard-trust";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:iam/role:Role",
      "a wildcard principal under an organization condition",
      (p) =>
        (p.assumeRolePolicy = JSON.stringify({
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: "*" },
              Action: "sts:AssumeRole",
              Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
            },
          ],
        })),
    ),
    passes(
      "aws:iam/role:Role",
      "a Deny to anyone",
      (p) =>
        (p.assumeRolePolicy = JSON.stringify({
          Statement: [{ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }],
        })),
    ),
  ],
  violations: [
    violates(
      "aws:iam/role:Role",
      "anyone may assume",
      (p) => (p.assumeRolePolicy = wildcardDoc("*")),
      /trust statement 0 lets anyone assume the role/,
    ),
    violates(
      "aws:iam/role:Role",
      "any AWS principal",
      (p) => (p.assumeRolePolicy = wildcardDoc({ AWS: ["*"] })),
      /lets anyone assume/,
    ),
    violates(
      "aws:iam/role:Role",
      "anyone in the second statement, given as an object",
      (p) => {
        const trust = JSON.parse(p.assumeRolePolicy);
        trust.Statement.push({
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "sts:AssumeRole",
        });
        p.assumeRolePolicy = trust;
      },
      /trust statement 1 lets anyone assume the role/,
    ),
  ],
});
