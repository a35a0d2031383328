import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudwatch-loggroup-configure-retention";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudwatch/logGroup:LogGroup",
      "exactly the default minimum of 90 days",
      (p) => (p.retentionInDays = 90),
    ),
    passes(
      "aws:cloudwatch/logGroup:LogGroup",
      "exactly a configured minimum",
      (p) => (p.retentionInDays = 365),
      { config: { minimumDays: 365 } },
    ),
  ],
  violations: [
    violates(
      "aws:cloudwatch/logGroup:LogGroup",
      "kept forever",
      (p) => delete p.retentionInDays,
      /no retention set/,
    ),
    violates(
      "aws:cloudwatch/logGroup:LogGroup",
      "below the configured minimum",
      (p) => (p.retentionInDays = 180),
      /retention 180 days is below the minimum of 365/,
      { config: { minimumDays: 365 } },
    ),
    violates(
      "aws:cloudwatch/logGroup:LogGroup",
      "one day below the default minimum",
      (p) => (p.retentionInDays = 89),
      /retention 89 days is below the minimum of 90/,
    ),
    violates(
      "aws:cloudwatch/logGroup:LogGroup",
      "retention 0 (never expire)",
      (p) => (p.retentionInDays = 0),
      /no retention set: events are kept forever/,
    ),
  ],
});
