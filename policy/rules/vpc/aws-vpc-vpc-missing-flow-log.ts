import { stackRule } from "../../lib/rule";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

export default stackRule(
  {
    name: "aws-vpc-vpc-missing-flow-log",
    description: "Every VPC has a flow log capturing all traffic.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.7", "PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: [VPC, FLOW_LOG],
    remediation: "Add an aws.ec2.FlowLog with vpcId and trafficType ALL.",
  },
  (stack) =>
    stack.ofType(VPC).flatMap((vpc) => {
      const logs = stack.referencing(vpc, [FLOW_LOG], "vpcId");
      if (logs.length === 0) return [{ resource: vpc, message: "no flow log" }];
      return logs.some((l) => l.props?.trafficType === "ALL")
        ? []
        : [{ resource: vpc, message: "flow logs do not capture ALL traffic" }];
    }),
);
