import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudfront-distribution-enable-logging",
    description: "CloudFront distributions write access logs and sit behind a WAF web ACL.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.2.1", "PCI-DSS 4.0 §6.4.2"],
    topic: "logging",
    types: ["aws:cloudfront/distribution:Distribution"],
    remediation: "Set loggingConfig { bucket } and webAclId.",
  },
  (props) => [
    isSet(props, "loggingConfig.bucket") ? undefined : "access logging is off",
    isSet(props, "webAclId") ? undefined : "no WAF web ACL",
  ],
);
