import { ANYWHERE } from "../../lib/props";
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
    const open = [
      props.cidrIpv4,
      props.cidrIpv6,
      ...(props.cidrBlocks ?? []),
      ...(props.ipv6CidrBlocks ?? []),
    ].filter((c) => ANYWHERE.includes(c));
    if (open.length === 0) return undefined;
    const httpsOnly = Number(props.fromPort) === 443 && Number(props.toPort) === 443;
    return httpsOnly && config.publicHttpsAllowList.includes(name)
      ? undefined
      : `ingress ${props.fromPort ?? "all"}-${props.toPort ?? "all"} is open to ${open.join(", ")}`;
  },
);
