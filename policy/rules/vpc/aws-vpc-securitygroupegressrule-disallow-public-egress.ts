import { ANYWHERE } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule<{ publicEgressPorts: number[]; publicEgressAllowList: string[] }>(
  {
    name: "aws-vpc-securitygroupegressrule-disallow-public-egress",
    description:
      "Egress rule resources open to 0.0.0.0/0 or ::/0 allow only TCP on the allowed ports (443), except allow-listed rules: the node groups' egress, which leaves through the NAT gateways and the VPC endpoints.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.3.2"],
    topic: "network-exposure",
    types: ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"],
    remediation:
      "Reference a security group or a prefix list, or narrow the rule to tcp on an allowed port; add the rule's name to publicEgressAllowList only for NAT-bound nodes.",
    configSchema: {
      properties: {
        publicEgressPorts: { type: "array", items: { type: "number" }, default: [443] },
        // network-workloads-egress: EKS nodes and pods pull images and call AWS APIs through the
        // NAT gateways (private subnets only, checked by the placement rules).
        publicEgressAllowList: {
          type: "array",
          items: { type: "string" },
          default: ["network-workloads-egress"],
        },
      },
    },
  },
  (props, { name, config }) => {
    const open = [props.cidrIpv4, props.cidrIpv6].filter((c) => ANYWHERE.includes(c));
    if (open.length === 0 || config.publicEgressAllowList.includes(name)) return undefined;
    const from = Number(props.fromPort);
    const to = Number(props.toPort);
    const allowed =
      // The API takes a protocol name or number (tcp is 6).
      ["tcp", "6"].includes(String(props.ipProtocol)) &&
      from === to &&
      config.publicEgressPorts.includes(from);
    return allowed
      ? undefined
      : `egress ${props.ipProtocol ?? "?"} ${props.fromPort ?? "all"}-${props.toPort ?? "all"} is open to ${open.join(", ")}`;
  },
);
