import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudtrail-trail-enable-multi-region";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudtrail/trail:Trail",
      "global service events left to the provider default (on)",
      (p) => delete p.includeGlobalServiceEvents,
    ),
  ],
  violations: [
    violates(
      "aws:cloudtrail/trail:Trail",
      "single-region trail",
      (p) => delete p.isMultiRegionTrail,
      /the trail records one region only/,
    ),
    violates(
      "aws:cloudtrail/trail:Trail",
      "global service events excluded",
      (p) => (p.includeGlobalServiceEvents = false),
      /global service events \(IAM, STS\) are excluded/,
    ),
    violates(
      "aws:cloudtrail/trail:Trail",
      'global service events excluded as the string "false"',
      (p) => (p.includeGlobalServiceEvents = "false"),
      /global service events \(IAM, STS\) are excluded/,
    ),
  ],
});
