import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-apigateway-domainname-configure-tls",
    description: "API Gateway custom domains require TLS 1.2.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:apigatewayv2/domainName:DomainName", "aws:apigateway/domainName:DomainName"],
    remediation:
      "Set domainNameConfiguration.securityPolicy (v2) or securityPolicy (v1) to TLS_1_2.",
  },
  (props, { type }) => {
    const policy = type.startsWith("aws:apigatewayv2")
      ? props.domainNameConfiguration?.securityPolicy
      : props.securityPolicy;
    return policy === "TLS_1_2"
      ? undefined
      : `security policy ${policy ?? "(default TLS_1_0)"} allows TLS below 1.2`;
  },
);
