import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-subnet-disallow-public-ip",
    description: "Subnets outside the public tier never give instances a public IP on launch.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.4.4"],
    topic: "network-exposure",
    types: ["aws:ec2/subnet:Subnet"],
    remediation: "Set mapPublicIpOnLaunch: false.",
  },
  (props) =>
    isTrue(props.mapPublicIpOnLaunch) && props.tags?.tier !== "public"
      ? `maps public IPs on launch in the ${props.tags?.tier ?? "untagged"} tier`
      : undefined,
);
