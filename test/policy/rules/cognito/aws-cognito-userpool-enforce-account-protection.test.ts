import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cognito-userpool-enforce-account-protection";
const POOL = "aws:cognito/userPool:UserPool";

describeResourceRule(RULE, {
  passes: [
    passes(POOL, "MFA required (ON)", (p) => (p.mfaConfiguration = "ON")),
    passes(POOL, "exactly 12 characters", (p) => (p.passwordPolicy.minimumLength = 12)),
  ],
  violations: [
    violates(POOL, "MFA off", (p) => (p.mfaConfiguration = "OFF"), /MFA is off/),
    violates(
      POOL,
      "short passwords",
      (p) => (p.passwordPolicy.minimumLength = 8),
      /passwords may be 8 characters/,
    ),
    violates(
      POOL,
      "threat protection audit only",
      (p) => (p.userPoolAddOns.advancedSecurityMode = "AUDIT"),
      /threat protection is not enforced/,
    ),
    violates(POOL, "MFA left to the default (OFF)", (p) => delete p.mfaConfiguration, /MFA is off/),
    violates(
      POOL,
      "11-character passwords",
      (p) => (p.passwordPolicy.minimumLength = 11),
      /passwords may be 11 characters/,
    ),
    violates(
      POOL,
      "no password policy (Cognito's 8 characters)",
      (p) => delete p.passwordPolicy,
      /passwords may be 8 characters/,
    ),
    ...["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"].map((k) =>
      violates(
        POOL,
        `${k} off`,
        (p) => (p.passwordPolicy[k] = false),
        new RegExp(`passwordPolicy.${k} is off`),
      ),
    ),
    violates(
      POOL,
      "no threat protection add-on",
      (p) => delete p.userPoolAddOns,
      /threat protection is not enforced \(advancedSecurityMode\)/,
    ),
  ],
});
