import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "aws-vpc-securitygroupegressrule-disallow-public-egress";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "all protocols to anywhere",
      (p) => {
        p.ipProtocol = "-1";
        delete p.fromPort;
        delete p.toPort;
      },
      /egress -1 all-all is open to 0.0.0.0\/0/,
    ),
    violates(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "a port range to ::/0",
      (p) => {
        delete p.cidrIpv4;
        p.cidrIpv6 = "::/0";
        p.toPort = 8443;
      },
      /egress tcp 443-8443 is open to ::\/0/,
    ),
    violates(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "UDP on 443",
      (p) => (p.ipProtocol = "udp"),
      /egress udp 443-443/,
    ),
  ],
});
