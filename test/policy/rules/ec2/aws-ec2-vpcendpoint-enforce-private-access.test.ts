import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-ec2-vpcendpoint-enforce-private-access";
const EP = "aws:ec2/vpcEndpoint:VpcEndpoint";
const gateway = (routeTableIds?: unknown) => (p: Record<string, unknown>) => {
  p.vpcEndpointType = "Gateway";
  p.serviceName = "com.amazonaws.ap-south-1.s3";
  delete p.privateDnsEnabled;
  delete p.securityGroupIds;
  delete p.subnetIds;
  if (routeTableIds !== undefined) p.routeTableIds = routeTableIds;
};

describeResourceRule(RULE, {
  passes: [
    passes(
      EP,
      "an interface endpoint whose security groups are computed during a preview",
      (p) => (p.securityGroupIds = UNKNOWN),
    ),
    passes(EP, 'private DNS given as the string "true"', (p) => (p.privateDnsEnabled = "true")),
    passes(EP, "a gateway endpoint on the private route tables", gateway(["rtb-priv", "rtb-data"])),
    passes(
      EP,
      "a gateway endpoint whose route tables are computed during a preview",
      gateway(UNKNOWN),
    ),
    passes(EP, "a Gateway Load Balancer endpoint (neither kind's settings apply)", (p) => {
      gateway()(p);
      p.vpcEndpointType = "GatewayLoadBalancer";
    }),
  ],
  violations: [
    violates(
      EP,
      "an interface endpoint without private DNS",
      (p) => (p.privateDnsEnabled = false),
      /private DNS is off/,
    ),
    violates(
      EP,
      "an interface endpoint without a security group",
      (p) => (p.securityGroupIds = []),
      /no security group limits who reaches the endpoint/,
    ),
    violates(
      EP,
      "a gateway endpoint on no route table",
      (p) => {
        p.vpcEndpointType = "Gateway";
        p.routeTableIds = [];
      },
      /a gateway endpoint attached to no route table/,
    ),
    violates(
      EP,
      "private DNS left out",
      (p) => delete p.privateDnsEnabled,
      /private DNS is off: clients resolve the service's public endpoint/,
    ),
    violates(
      EP,
      "the type left to the default (Gateway) and no route table",
      (p) => {
        gateway()(p);
        delete p.vpcEndpointType;
      },
      /a gateway endpoint attached to no route table/,
    ),
  ],
});
