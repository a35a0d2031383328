import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-cloudwatch-metricalarm-missing-actions";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:cloudwatch/metricAlarm:MetricAlarm",
      "silent alarm",
      (p) => delete p.alarmActions,
      /notifies no one/,
    ),
    violates(
      "aws:cloudwatch/metricAlarm:MetricAlarm",
      "recovery unannounced",
      (p) => (p.okActions = []),
      /recovery is not announced/,
    ),
    violates(
      "aws:cloudwatch/metricAlarm:MetricAlarm",
      "an empty alarm action list",
      (p) => (p.alarmActions = []),
      /the alarm notifies no one \(alarmActions is empty\)/,
    ),
    violates(
      "aws:cloudwatch/metricAlarm:MetricAlarm",
      "OK actions left out",
      (p) => delete p.okActions,
      /recovery is not announced \(okActions is empty\)/,
    ),
  ],
});
