import { isSet, peek } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-vpcendpoint-enforce-private-access",
    description:
      "Interface endpoints resolve the service's public name privately and are reached only through a security group; gateway endpoints are attached to route tables, so the traffic they exist for never leaves the VPC.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.3.1"],
    topic: "network-exposure",
    types: ["aws:ec2/vpcEndpoint:VpcEndpoint"],
    remediation:
      "Interface: privateDnsEnabled: true and securityGroupIds (443 from the VPC). Gateway: routeTableIds of the private and data tiers.",
  },
  (props) => {
    // vpcEndpointType defaults to Gateway (aws provider); Interface endpoints need their own SGs.
    const type = props.vpcEndpointType ?? "Gateway";
    const groups = peek(props, "securityGroupIds");
    const hasGroups = Array.isArray(groups) ? groups.length > 0 : isSet(props, "securityGroupIds");
    if (type === "Interface") {
      return [
        props.privateDnsEnabled === true || props.privateDnsEnabled === "true"
          ? undefined
          : "private DNS is off: clients resolve the service's public endpoint",
        hasGroups ? undefined : "no security group limits who reaches the endpoint",
      ];
    }
    const tables = peek(props, "routeTableIds");
    const attached = Array.isArray(tables) ? tables.length > 0 : isSet(props, "routeTableIds");
    return type === "Gateway" && !attached
      ? "a gateway endpoint attached to no route table"
      : undefined;
  },
);
