import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-apigateway-domainname-configure-tls";
const V2 = "aws:apigatewayv2/domainName:DomainName";
const V1 = "aws:apigateway/domainName:DomainName";

describeResourceRule(RULE, {
  violations: [
    violates(
      V2,
      "TLS 1.0 domain",
      (p) => (p.domainNameConfiguration.securityPolicy = "TLS_1_0"),
      /TLS_1_0 allows TLS below 1.2/,
    ),
    violates(
      V2,
      "v2 security policy left to the default",
      (p) => delete p.domainNameConfiguration.securityPolicy,
      /security policy \(default TLS_1_0\) allows TLS below 1.2/,
    ),
    violates(V1, "v1 default policy", (p) => delete p.securityPolicy, /default TLS_1_0/),
    violates(
      V1,
      "v1 TLS 1.0 policy",
      (p) => (p.securityPolicy = "TLS_1_0"),
      /security policy TLS_1_0 allows TLS below 1.2/,
    ),
  ],
});
