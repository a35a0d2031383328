import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-config-recorder-enable-all-supported",
    description:
      "AWS Config recorders record every supported resource type (a resource list misses new types).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.3", "PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: ["aws:cfg/recorder:Recorder"],
    remediation:
      "Set recordingGroup.allSupported: true (with includeGlobalResourceTypes in one region).",
  },
  (props) =>
    isTrue(props.recordingGroup?.allSupported)
      ? undefined
      : "the recorder records a chosen list of resource types, not all supported ones",
);
