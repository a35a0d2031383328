import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-route53-record-missing-failover-health-check";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:route53/record:Record",
      "a health check id computed during a preview",
      (p) => (p.healthCheckId = UNKNOWN),
    ),
    passes("aws:route53/record:Record", "a SECONDARY record without a health check", (p) => {
      p.failoverRoutingPolicies = [{ type: "SECONDARY" }];
      delete p.healthCheckId;
    }),
    passes("aws:route53/record:Record", "a simple record", (p) => {
      delete p.failoverRoutingPolicies;
      delete p.healthCheckId;
      delete p.setIdentifier;
    }),
  ],
  violations: [
    violates(
      "aws:route53/record:Record",
      "PRIMARY without health check",
      (p) => delete p.healthCheckId,
      /PRIMARY failover record without a health check/,
    ),
  ],
});
