import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-ec2-launchtemplate-enable-ebs-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "encrypted given as a boolean",
      (p) => (p.blockDeviceMappings[0].ebs.encrypted = true),
    ),
  ],
  violations: [
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "unencrypted root volume",
      (p) => (p.blockDeviceMappings[0].ebs.encrypted = "false"),
      /volume \/dev\/xvda is not encrypted/,
    ),
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "encryption left out",
      (p) => delete p.blockDeviceMappings[0].ebs.encrypted,
      /volume \/dev\/xvda is not encrypted/,
    ),
  ],
});
