import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudtrail-trail-enable-log-file-validation";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudtrail/trail:Trail",
      'validation given as the string "true"',
      (p) => (p.enableLogFileValidation = "true"),
    ),
  ],
  violations: [
    violates(
      "aws:cloudtrail/trail:Trail",
      "no digest files",
      (p) => (p.enableLogFileValidation = false),
      /log file validation is off/,
    ),
    violates(
      "aws:cloudtrail/trail:Trail",
      "validation left to the default (off)",
      (p) => delete p.enableLogFileValidation,
      /log file validation is off/,
    ),
  ],
});
