import { isSet } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-fis-experimenttemplate-configure-stop-condition",
    description: "FIS experiment templates stop on a CloudWatch alarm, never run unguarded.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §6.5.1"],
    topic: "availability",
    types: ["aws:fis/experimentTemplate:ExperimentTemplate"],
    remediation: 'Add stopConditions [{ source: "aws:cloudwatch:alarm", value: <alarm ARN> }].',
  },
  // Presence of the alarm's ARN only: it is unknown until the alarm exists, so it is read with
  // isSet (a plain read of it throws in a first preview, and the check would not run).
  (props) =>
    asArray<{ source?: string; value?: unknown }>(props.stopConditions).some(
      (c) => c.source === "aws:cloudwatch:alarm" && isSet(c, "value"),
    )
      ? undefined
      : "no CloudWatch alarm stop condition",
);
