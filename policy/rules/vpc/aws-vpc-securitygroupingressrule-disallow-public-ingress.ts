import { publicIngressFinding } from "../../lib/ingress";
import { resourceRule } from "../../lib/rule";

export default resourceRule<{ publicHttpsAllowList: string[] }>(
  {
    name: "aws-vpc-securitygroupingressrule-disallow-public-ingress",
    description:
      "Separate ingress rule resources admit nothing from 0.0.0.0/0 or ::/0, except 443 on allow-listed rules.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §5.2", "PCI-DSS 4.0 §1.3.1"],
    topic: "network-exposure",
    types: [
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "aws:ec2/securityGroupRule:SecurityGroupRule",
    ],
    remediation:
      "Reference a security group or a private CIDR; allow-list the rule's name only for a public load balancer on 443.",
    configSchema: {
      properties: {
        publicHttpsAllowList: { type: "array", items: { type: "string" }, default: [] },
      },
    },
  },
  (props, { type, name, config }) => {
    if (type === "aws:ec2/securityGroupRule:SecurityGroupRule" && props.type !== "ingress")
      return undefined;
    const cidrs = [
      props.cidrIpv4,
      props.cidrIpv6,
      ...(props.cidrBlocks ?? []),
      ...(props.ipv6CidrBlocks ?? []),
    ];
    return publicIngressFinding(
      cidrs,
      props.fromPort,
      props.toPort,
      config.publicHttpsAllowList.includes(name),
    );
  },
);
