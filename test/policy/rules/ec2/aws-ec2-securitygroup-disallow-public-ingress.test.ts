import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-ec2-securitygroup-disallow-public-ingress";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const fromAnywhere = (port: number) => (p: Record<string, unknown>) =>
  (p.ingress = [{ cidrBlocks: ["0.0.0.0/0"], fromPort: port, toPort: port }]);

describeResourceRule(RULE, {
  passes: [
    passes(
      SG,
      "443 from anywhere on an allow-listed public load balancer group",
      fromAnywhere(443),
      {
        name: "public-alb",
        config: { publicHttpsAllowList: ["public-alb"] },
      },
    ),
    passes(SG, "no inline rules", (p) => delete p.ingress),
  ],
  violations: [
    violates(
      SG,
      "SSH from anywhere",
      (p) => (p.ingress = [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 22, toPort: 22 }]),
      /ingress 22-22 is open to 0.0.0.0\/0/,
    ),
    violates(
      SG,
      "IPv6 anywhere",
      (p) => (p.ingress = [{ ipv6CidrBlocks: ["::/0"], fromPort: 443, toPort: 443 }]),
      /open to ::\/0/,
    ),
    violates(
      SG,
      "443 from anywhere, not allow-listed",
      (p) => (p.ingress = [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443 }]),
      /ingress 443-443 is open/,
      { config: { publicHttpsAllowList: ["other-lb"] } },
    ),
    violates(
      SG,
      "SSH from anywhere on an allow-listed group",
      fromAnywhere(22),
      /ingress 22-22 is open to 0.0.0.0\/0/,
      {
        name: "public-alb",
        config: { publicHttpsAllowList: ["public-alb"] },
      },
    ),
    violates(
      SG,
      "every port from anywhere (ports left out)",
      (p) => (p.ingress = [{ cidrBlocks: ["0.0.0.0/0"], protocol: "-1" }]),
      /ingress all-all is open to 0.0.0.0\/0/,
    ),
  ],
});
