import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-apigateway-stage-enable-access-logs",
    description: "API Gateway stages write access logs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: ["aws:apigatewayv2/stage:Stage", "aws:apigateway/stage:Stage"],
    remediation: "Set accessLogSettings { destinationArn, format }.",
  },
  (props) =>
    isSet(props, "accessLogSettings.destinationArn")
      ? undefined
      : "access logging is off (accessLogSettings.destinationArn)",
);
