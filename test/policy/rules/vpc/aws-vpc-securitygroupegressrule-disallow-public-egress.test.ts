import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-vpc-securitygroupegressrule-disallow-public-egress";

const allProtocols = (p: Record<string, unknown>) => {
  p.ipProtocol = "-1";
  delete p.fromPort;
  delete p.toPort;
};

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "the node groups' egress to anywhere (on the default allow-list)",
      allProtocols,
      { name: "network-workloads-egress" },
    ),
    passes(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "HTTPS by protocol number",
      (p) => (p.ipProtocol = "6"),
    ),
    passes(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "a rule to a security group",
      (p) => {
        delete p.cidrIpv4;
        p.referencedSecurityGroupId = "sg-1";
        p.fromPort = 8080;
        p.toPort = 8080;
      },
    ),
    passes(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "all protocols to a private CIDR",
      (p) => {
        allProtocols(p);
        p.cidrIpv4 = "10.10.0.0/16";
      },
    ),
    passes(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "a port the config allows",
      (p) => {
        p.fromPort = 5432;
        p.toPort = 5432;
      },
      { config: { publicEgressPorts: [443, 5432] } },
    ),
  ],
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
    violates(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "a single port off the default list",
      (p) => {
        p.fromPort = 80;
        p.toPort = 80;
      },
      /egress tcp 80-80 is open to 0.0.0.0\/0/,
    ),
    violates(
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      "the allow-listed name once the list is emptied",
      allProtocols,
      /egress -1 all-all is open/,
      {
        name: "network-workloads-egress",
        config: { publicEgressAllowList: [] },
      },
    ),
  ],
});
