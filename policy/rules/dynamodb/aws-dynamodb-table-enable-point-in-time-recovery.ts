import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-dynamodb-table-enable-point-in-time-recovery",
    description: "DynamoDB tables and replicas have point-in-time recovery on.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:dynamodb/table:Table", "aws:dynamodb/tableReplica:TableReplica"],
    remediation:
      "Table: pointInTimeRecovery { enabled: true }. Replica: pointInTimeRecovery: true.",
  },
  (props, { type }) => {
    const on =
      type === "aws:dynamodb/table:Table"
        ? isTrue(props.pointInTimeRecovery?.enabled)
        : isTrue(props.pointInTimeRecovery);
    return on ? undefined : "point-in-time recovery is off";
  },
);
