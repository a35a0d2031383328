import { stackRule } from "../../lib/rule";

const ACL = "aws:wafv2/webAcl:WebAcl";
const LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";

export default stackRule(
  {
    name: "aws-wafv2-webacl-missing-logging",
    description: "Every WAFv2 web ACL has a logging configuration.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: [ACL, LOGGING],
    remediation: "Add aws.wafv2.WebAclLoggingConfiguration with resourceArn = the web ACL's ARN.",
  },
  (stack) =>
    stack
      .ofType(ACL)
      .filter((acl) => stack.referencing(acl, [LOGGING], "resourceArn").length === 0)
      .map((resource) => ({ resource, message: "no logging configuration" })),
);
