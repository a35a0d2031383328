import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-dynamodb-table-enable-deletion-protection",
    description: "DynamoDB tables and replicas have AWS deletion protection on.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:dynamodb/table:Table", "aws:dynamodb/tableReplica:TableReplica"],
    remediation: "Set deletionProtectionEnabled: true.",
  },
  (props) => (isTrue(props.deletionProtectionEnabled) ? undefined : "deletion protection is off"),
);
