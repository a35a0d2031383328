import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-config-recorder-enable-all-supported";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:cfg/recorder:Recorder",
      "a chosen list of types",
      (p) => (p.recordingGroup = { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] }),
      /records a chosen list of resource types/,
    ),
    violates(
      "aws:cfg/recorder:Recorder",
      "no recording group",
      (p) => delete p.recordingGroup,
      /the recorder records a chosen list of resource types, not all supported ones/,
    ),
  ],
});
