import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-fis-experimenttemplate-configure-stop-condition";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:fis/experimentTemplate:ExperimentTemplate",
      "an alarm ARN computed during a preview",
      (p) => (p.stopConditions[0].value = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:fis/experimentTemplate:ExperimentTemplate",
      "unguarded",
      (p) => (p.stopConditions = [{ source: "none" }]),
      /no CloudWatch alarm stop condition/,
    ),
    violates(
      "aws:fis/experimentTemplate:ExperimentTemplate",
      "an alarm stop condition that names no alarm",
      (p) => delete p.stopConditions[0].value,
      /no CloudWatch alarm stop condition/,
    ),
    violates(
      "aws:fis/experimentTemplate:ExperimentTemplate",
      "no stop conditions",
      (p) => delete p.stopConditions,
      /no CloudWatch alarm stop condition/,
    ),
  ],
});
