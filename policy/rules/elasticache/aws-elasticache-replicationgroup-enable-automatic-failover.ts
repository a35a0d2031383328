import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-elasticache-replicationgroup-enable-automatic-failover",
    description:
      "ElastiCache replication groups are Multi-AZ with automatic failover and at least two nodes.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:elasticache/replicationGroup:ReplicationGroup"],
    remediation:
      "Set automaticFailoverEnabled: true, multiAzEnabled: true and numCacheClusters >= 2.",
  },
  (props) => [
    isTrue(props.automaticFailoverEnabled) ? undefined : "automatic failover is off",
    isTrue(props.multiAzEnabled) ? undefined : "Multi-AZ is off",
    props.numCacheClusters !== undefined && Number(props.numCacheClusters) < 2
      ? "fewer than two nodes"
      : undefined,
  ],
);
