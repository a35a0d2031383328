import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-ec2-launchtemplate-configure-customer-managed-key";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "a key ARN computed during a preview",
      (p) => (p.blockDeviceMappings[0].ebs.kmsKeyId = UNKNOWN),
    ),
    passes(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "a mapping without an EBS volume (instance store)",
      (p) => (p.blockDeviceMappings = [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }]),
    ),
  ],
  violations: [
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "root volume on aws/ebs",
      (p) => delete p.blockDeviceMappings[0].ebs.kmsKeyId,
      /volume \/dev\/xvda uses the AWS managed key/,
    ),
    violates(
      "aws:ec2/launchTemplate:LaunchTemplate",
      "a second volume on aws/ebs",
      (p) => p.blockDeviceMappings.push({ deviceName: "/dev/xvdb", ebs: { encrypted: "true" } }),
      /volume \/dev\/xvdb uses the AWS managed key \(no kmsKeyId\)/,
    ),
  ],
});
