import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cognito-userpoolclient-enforce-code-flow";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cognito/userPoolClient:UserPoolClient",
      "token revocation left to the default (on)",
      (p) => delete p.enableTokenRevocation,
    ),
  ],
  violations: [
    violates(
      "aws:cognito/userPoolClient:UserPoolClient",
      "implicit grant",
      (p) => p.allowedOauthFlows.push("implicit"),
      /implicit grant/,
    ),
    violates(
      "aws:cognito/userPoolClient:UserPoolClient",
      "token revocation off",
      (p) => (p.enableTokenRevocation = false),
      /tokens cannot be revoked/,
    ),
  ],
});
