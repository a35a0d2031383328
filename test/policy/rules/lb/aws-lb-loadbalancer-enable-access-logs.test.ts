import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-lb-loadbalancer-enable-access-logs";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:alb/loadBalancer:LoadBalancer",
      "a network load balancer, which has no headers to drop",
      (p) => {
        p.loadBalancerType = "network";
        delete p.dropInvalidHeaderFields;
      },
    ),
    passes(
      "aws:lb/loadBalancer:LoadBalancer",
      "a log bucket computed during a preview",
      (p) => (p.accessLogs.bucket = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:alb/loadBalancer:LoadBalancer",
      "no access logs",
      (p) => (p.accessLogs = { enabled: false }),
      /access logs are off/,
    ),
    violates(
      "aws:lb/loadBalancer:LoadBalancer",
      "keeps invalid headers",
      (p) => (p.dropInvalidHeaderFields = false),
      /invalid header fields are not dropped/,
    ),
    violates(
      "aws:alb/loadBalancer:LoadBalancer",
      "logs enabled without a bucket",
      (p) => delete p.accessLogs.bucket,
      /access logs are off/,
    ),
    violates(
      "aws:lb/loadBalancer:LoadBalancer",
      "the type left to the default (application), headers kept",
      (p) => {
        delete p.loadBalancerType;
        delete p.dropInvalidHeaderFields;
      },
      /invalid header fields are not dropped/,
    ),
  ],
});
