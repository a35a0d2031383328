import { resourceRule } from "../../lib/rule";

export default resourceRule<{ minimumDays: number }>(
  {
    name: "aws-cloudwatch-loggroup-configure-retention",
    description:
      "CloudWatch log groups keep events for a bounded period of at least the configured minimum.",
    severity: "low",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.5.1"],
    topic: "logging",
    types: ["aws:cloudwatch/logGroup:LogGroup"],
    remediation: "Set retentionInDays to a CloudWatch value of at least minimumDays (default 90).",
    configSchema: { properties: { minimumDays: { type: "integer", default: 90 } } },
  },
  (props, { config }) => {
    const days = Number(props.retentionInDays ?? 0);
    if (!days) return "no retention set: events are kept forever, unbounded in cost and exposure";
    return days < config.minimumDays
      ? `retention ${days} days is below the minimum of ${config.minimumDays}`
      : undefined;
  },
);
