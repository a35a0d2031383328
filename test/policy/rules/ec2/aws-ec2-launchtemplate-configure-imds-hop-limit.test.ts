import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-ec2-launchtemplate-configure-imds-hop-limit";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "hop limit 2",
      (p) => (p.metadataOptions.httpPutResponseHopLimit = 2),
      /IMDS hop limit is 2, not 1/,
    ),
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "hop limit left to the AMI",
      (p) => delete p.metadataOptions.httpPutResponseHopLimit,
      /IMDS hop limit is unset, not 1/,
    ),
  ],
});
