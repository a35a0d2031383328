import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-ec2-launchtemplate-enforce-imdsv2";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "IMDSv1 allowed",
      (p) => (p.metadataOptions.httpTokens = "optional"),
      /IMDSv2 is not required/,
    ),
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "no metadata options",
      (p) => delete p.metadataOptions,
      /IMDSv2 is not required \(metadataOptions.httpTokens\)/,
    ),
  ],
});
