import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-eks-accessentry-disallow-broad-principal";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:eks/accessEntry:AccessEntry",
      "a role ARN computed during a preview",
      (p) => (p.principalArn = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:eks/accessEntry:AccessEntry",
      "the account root",
      (p) => (p.principalArn = "arn:aws:iam::123456789012:root"),
      /stands for more than one identity/,
    ),
    violates(
      "aws:eks/accessEntry:AccessEntry",
      "a wildcard principal",
      (p) => (p.principalArn = "arn:aws:iam::123456789012:role/*"),
      /principal arn:aws:iam::123456789012:role\/\* stands for more than one identity/,
    ),
  ],
});
