import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-kms-key-enable-rotation";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:kms/key:Key",
      'rotation given as the string "true"',
      (p) => (p.enableKeyRotation = "true"),
    ),
  ],
  violations: [
    violates(
      "aws:kms/key:Key",
      "rotation off",
      (p) => (p.enableKeyRotation = false),
      /key rotation is off/,
    ),
    violates(
      "aws:kms/key:Key",
      "rotation left to the default (off)",
      (p) => delete p.enableKeyRotation,
      /key rotation is off \(enableKeyRotation is not true\)/,
    ),
  ],
});
