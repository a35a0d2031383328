import { describeResourceRule, passes, violates, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-apigateway-stage-enable-access-logs";
const V2 = "aws:apigatewayv2/stage:Stage";
const V1 = "aws:apigateway/stage:Stage";

describeResourceRule(RULE, {
  passes: [
    passes(
      V2,
      "a log group ARN computed during a preview",
      (p) => (p.accessLogSettings.destinationArn = UNKNOWN),
    ),
  ],
  violations: [
    violates(V2, "no access logs", (p) => delete p.accessLogSettings, /access logging is off/),
    violates(
      V1,
      "a v1 stage with settings but no destination",
      (p) => delete p.accessLogSettings.destinationArn,
      /access logging is off \(accessLogSettings.destinationArn\)/,
    ),
  ],
});
