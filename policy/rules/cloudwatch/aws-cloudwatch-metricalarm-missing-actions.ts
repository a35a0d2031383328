import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudwatch-metricalarm-missing-actions",
    description: "CloudWatch alarms notify someone: each has an alarm action and an OK action.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.7.2"],
    topic: "logging",
    types: ["aws:cloudwatch/metricAlarm:MetricAlarm"],
    remediation:
      "Set alarmActions (and okActions, so on-call learns of recovery) to the region's alarm topic.",
  },
  (props) => {
    const has = (field: string) => Array.isArray(props[field]) && props[field].length > 0;
    // An alarm nobody hears fails silently; without the OK notice on-call never stands down.
    return [
      has("alarmActions") ? undefined : "the alarm notifies no one (alarmActions is empty)",
      has("okActions") ? undefined : "recovery is not announced (okActions is empty)",
    ];
  },
);
