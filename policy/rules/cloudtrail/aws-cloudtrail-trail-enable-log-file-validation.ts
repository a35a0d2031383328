import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudtrail-trail-enable-log-file-validation",
    description:
      "CloudTrail writes signed digest files, so any change to a delivered log file can be detected.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.2", "PCI-DSS 4.0 §10.3.2"],
    topic: "logging",
    types: ["aws:cloudtrail/trail:Trail"],
    remediation: "Set enableLogFileValidation: true.",
  },
  (props) => (isTrue(props.enableLogFileValidation) ? undefined : "log file validation is off"),
);
