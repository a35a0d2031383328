import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudfront-distribution-configure-origin-failover";
const TYPE = "aws:cloudfront/distribution:Distribution";

describeResourceRule(RULE, {
  passes: [
    passes(TYPE, "failover on every 4xx and 5xx CloudFront accepts", (p) => {
      p.originGroups[0].failoverCriteria.statusCodes = [400, 403, 404, 416, 500, 502, 503, 504];
    }),
  ],
  violations: [
    violates(
      TYPE,
      "a single storefront origin",
      (p) => (p.defaultCacheBehavior.targetOriginId = "web"),
      /the default behavior targets web, not an origin group/,
    ),
    violates(
      TYPE,
      "a group member that is no origin",
      (p) => (p.originGroups[0].members[1].originId = "gone"),
      /origin group web-failover does not name two of the distribution's origins/,
    ),
    violates(
      TYPE,
      "a group of one",
      (p) => p.originGroups[0].members.pop(),
      /origin group web-failover does not name two of the distribution's origins/,
    ),
    violates(
      TYPE,
      "no failover on 503",
      (p) => (p.originGroups[0].failoverCriteria.statusCodes = [403, 500, 502, 504]),
      /does not fail over on 500, 502, 503 and 504/,
    ),
  ],
});
