import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-rds-instance-disallow-public-access",
    description: "RDS and Aurora instances are never publicly accessible.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.3.3", "PCI-DSS 4.0 §1.4.1"],
    topic: "network-exposure",
    types: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance"],
    remediation: "Set publiclyAccessible: false.",
  },
  (props) =>
    isTrue(props.publiclyAccessible)
      ? "publicly accessible (publiclyAccessible is true)"
      : undefined,
);
