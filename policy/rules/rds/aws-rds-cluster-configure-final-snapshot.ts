import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-rds-cluster-configure-final-snapshot",
    description: "Deleting an Aurora/RDS cluster or instance takes a final snapshot.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:rds/cluster:Cluster", "aws:rds/instance:Instance"],
    remediation: "Set skipFinalSnapshot: false and finalSnapshotIdentifier.",
  },
  (props) =>
    !isTrue(props.skipFinalSnapshot) && props.finalSnapshotIdentifier
      ? undefined
      : "no final snapshot on deletion (skipFinalSnapshot / finalSnapshotIdentifier)",
);
