import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-elasticache-user-disallow-open-access";

describeResourceRule(RULE, {
  passes: [
    passes("aws:elasticache/user:User", "a passwordless user that is off", (p) => {
      p.authenticationMode = { type: "no-password-required" };
      p.accessString = "off ~* +@all";
    }),
    passes("aws:elasticache/user:User", "an IAM-authenticated user that is on", (p) => {
      p.authenticationMode = { type: "iam" };
      p.accessString = "on ~cart:* +@read";
    }),
  ],
  violations: [
    violates(
      "aws:elasticache/user:User",
      "an enabled user without a password",
      (p) => {
        p.authenticationMode = { type: "no-password-required" };
        p.accessString = "on ~* +@all";
      },
      /user default needs no password and is on/,
    ),
    violates(
      "aws:elasticache/user:User",
      "an enabled user flagged noPasswordRequired",
      (p) => {
        delete p.authenticationMode;
        p.noPasswordRequired = true;
        p.accessString = "on ~app:* +@read";
      },
      /needs no password and is on/,
    ),
    violates(
      "aws:elasticache/user:User",
      'a passwordless user whose access string starts "offline" (not off)',
      (p) => {
        p.noPasswordRequired = "true";
        p.accessString = "offline";
      },
      /needs no password and is on \(accessString offline\)/,
    ),
  ],
});
