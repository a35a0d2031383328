import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-vpc-securitygroupingressrule-disallow-public-ingress";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:ec2/securityGroupRule:SecurityGroupRule",
      "a legacy egress rule to anywhere (not ingress)",
      (p) => {
        p.type = "egress";
        p.cidrBlocks = ["0.0.0.0/0"];
        p.fromPort = 0;
        p.toPort = 0;
        p.protocol = "-1";
      },
    ),
    passes(
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "443 from anywhere on an allow-listed group's rule",
      (p) => (p.cidrIpv4 = "0.0.0.0/0"),
      {
        name: "public-alb-https",
        config: { publicHttpsAllowList: ["public-alb-https"] },
      },
    ),
  ],
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
    violates(
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "443 from ::/0, not allow-listed",
      (p) => {
        delete p.cidrIpv4;
        p.cidrIpv6 = "::/0";
      },
      /ingress 443-443 is open to ::\/0/,
    ),
    violates(
      "aws:ec2/securityGroupRule:SecurityGroupRule",
      "a legacy rule from IPv6 anywhere",
      (p) => {
        p.cidrBlocks = [];
        p.ipv6CidrBlocks = ["::/0"];
      },
      /open to ::\/0/,
    ),
  ],
});
