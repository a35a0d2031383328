import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-defaultsecuritygroup-disallow-rules",
    description:
      "The VPC's default security group allows no traffic, so nothing can use it by accident.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §5.4"],
    topic: "network-exposure",
    types: ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"],
    remediation: "Manage the default security group with no ingress and no egress rules.",
  },
  (props) =>
    asArray(props.ingress).length + asArray(props.egress).length > 0
      ? "the default security group has rules"
      : undefined,
);
