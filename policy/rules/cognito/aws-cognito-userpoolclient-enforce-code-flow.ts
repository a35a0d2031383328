import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cognito-userpoolclient-enforce-code-flow",
    description:
      "Cognito app clients use the authorization-code flow (no implicit grant) with token revocation on.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §8.3.1"],
    topic: "iam",
    types: ["aws:cognito/userPoolClient:UserPoolClient"],
    remediation: 'Set allowedOauthFlows: ["code"] and enableTokenRevocation: true.',
  },
  (props) => [
    asArray(props.allowedOauthFlows).includes("implicit")
      ? "the implicit grant hands tokens to the browser's URL"
      : undefined,
    props.enableTokenRevocation === false ? "tokens cannot be revoked" : undefined,
  ],
);
