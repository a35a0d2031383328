import { publicIngressFinding } from "../../lib/ingress";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

interface Ingress {
  cidrBlocks?: string[];
  ipv6CidrBlocks?: string[];
  fromPort?: number;
  toPort?: number;
}

export default resourceRule<{ publicHttpsAllowList: string[] }>(
  {
    name: "aws-ec2-securitygroup-disallow-public-ingress",
    description:
      "Security groups' inline rules admit nothing from 0.0.0.0/0 or ::/0, except 443 on allow-listed public load balancers.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §5.2", "PCI-DSS 4.0 §1.3.1"],
    topic: "network-exposure",
    types: ["aws:ec2/securityGroup:SecurityGroup"],
    remediation:
      "Admit a security group or a private CIDR; add the group's name to publicHttpsAllowList only for a public load balancer on 443.",
    configSchema: {
      properties: {
        publicHttpsAllowList: { type: "array", items: { type: "string" }, default: [] },
      },
    },
  },
  (props, { name, config }) =>
    asArray<Ingress>(props.ingress).map((rule) =>
      publicIngressFinding(
        [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])],
        rule.fromPort,
        rule.toPort,
        config.publicHttpsAllowList.includes(name),
      ),
    ),
);
