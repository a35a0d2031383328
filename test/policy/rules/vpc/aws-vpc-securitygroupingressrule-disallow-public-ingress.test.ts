import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-vpc-securitygroupingressrule-disallow-public-ingress";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "Postgres from anywhere",
      (p) => {
        p.cidrIpv4 = "0.0.0.0/0";
        p.fromPort = 5432;
        p.toPort = 5432;
      },
      /ingress 5432-5432 is open to 0.0.0.0\/0/,
    ),
    violates(
      "aws:ec2/securityGroupRule:SecurityGroupRule",
      "legacy rule resource",
      (p) => (p.cidrBlocks = ["0.0.0.0/0"]),
      /open to 0.0.0.0\/0/,
    ),
  ],
});
