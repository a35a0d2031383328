import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-ec2-defaultsecuritygroup-disallow-rules";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      "default group with a rule",
      (p) => (p.ingress = [{ self: true, protocol: "-1", fromPort: 0, toPort: 0 }]),
      /the default security group has rules/,
    ),
    violates(
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      "default group with an egress rule",
      (p) => (p.egress = [{ cidrBlocks: ["0.0.0.0/0"], protocol: "-1", fromPort: 0, toPort: 0 }]),
      /the default security group has rules/,
    ),
  ],
});
