import { stackRule } from "../../lib/rule";

const HUB = "aws:securityhub/account:Account";
const SUBSCRIPTION = "aws:securityhub/standardsSubscription:StandardsSubscription";
/** Standards the shop is assessed against, by the path in their ARNs (any version). */
const REQUIRED: Record<string, string> = {
  "AWS Foundational Security Best Practices": "/aws-foundational-security-best-practices/",
  "CIS AWS Foundations Benchmark": "/cis-aws-foundations-benchmark/",
  "PCI DSS": "/pci-dss/",
};

export default stackRule(
  {
    name: "aws-securityhub-account-enable-standards",
    description:
      "Where Security Hub is enabled, the AWS Foundational Security Best Practices, CIS AWS Foundations and PCI DSS standards are subscribed in the same region.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topic: "governance",
    types: [HUB, SUBSCRIPTION],
    remediation:
      "Add aws.securityhub.StandardsSubscription resources for arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0, …/cis-aws-foundations-benchmark/v/3.0.0 and …/pci-dss/v/4.0.1.",
  },
  (stack) =>
    stack.ofType(HUB).flatMap((resource) => {
      // Subscriptions are regional; a region not known yet (first preview) matches any.
      const region = resource.props?.region;
      const arns = stack
        .ofType(SUBSCRIPTION)
        .filter((s) => !region || !s.props?.region || s.props.region === region)
        .map((s) => String(s.props?.standardsArn ?? ""));
      return Object.entries(REQUIRED)
        .filter(([, path]) => !arns.some((a) => a.includes(path)))
        .map(([standard]) => ({ resource, message: `${standard} is not subscribed` }));
    }),
);
