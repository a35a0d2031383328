import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-rds-cluster-enable-deletion-protection",
    description:
      "Aurora/RDS clusters, global clusters and instances have AWS deletion protection on.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: [
      "aws:rds/cluster:Cluster",
      "aws:rds/globalCluster:GlobalCluster",
      "aws:rds/instance:Instance",
    ],
    remediation: "Set deletionProtection: true.",
  },
  (props) => (isTrue(props.deletionProtection) ? undefined : "deletion protection is off"),
);
