import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudtrail-trail-enable-multi-region",
    description:
      "CloudTrail trails record every region and global service events, so no API call goes unaudited.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.1", "PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: ["aws:cloudtrail/trail:Trail"],
    remediation: "Set isMultiRegionTrail: true and leave includeGlobalServiceEvents on (true).",
  },
  (props) => [
    isTrue(props.isMultiRegionTrail) ? undefined : "the trail records one region only",
    // The provider defaults includeGlobalServiceEvents to true; only an explicit false loses IAM.
    props.includeGlobalServiceEvents === false || props.includeGlobalServiceEvents === "false"
      ? "global service events (IAM, STS) are excluded"
      : undefined,
  ],
);
