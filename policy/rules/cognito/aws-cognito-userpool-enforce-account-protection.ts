import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cognito-userpool-enforce-account-protection",
    description:
      "Cognito user pools offer MFA, require 12-character mixed passwords and enforce threat protection.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §8.3.6", "PCI-DSS 4.0 §8.4.2"],
    topic: "iam",
    types: ["aws:cognito/userPool:UserPool"],
    remediation:
      "Set mfaConfiguration ON or OPTIONAL, passwordPolicy.minimumLength ≥ 12 with all four character classes, and userPoolAddOns.advancedSecurityMode ENFORCED.",
  },
  (props) => {
    const p = props.passwordPolicy ?? {};
    return [
      ["ON", "OPTIONAL"].includes(props.mfaConfiguration) ? undefined : "MFA is off",
      (p.minimumLength ?? 8) >= 12
        ? undefined
        : `passwords may be ${p.minimumLength ?? 8} characters`,
      ...["requireLowercase", "requireUppercase", "requireNumbers", "requireSymbols"].map((k) =>
        p[k] === true ? undefined : `passwordPolicy.${k} is off`,
      ),
      props.userPoolAddOns?.advancedSecurityMode === "ENFORCED"
        ? undefined
        : "threat protection is not enforced (advancedSecurityMode)",
    ];
  },
);
