import { isSet } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-dynamodb-table-configure-customer-managed-key",
    description: "DynamoDB tables and replicas encrypt with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.6.1"],
    topic: "encryption-at-rest",
    types: ["aws:dynamodb/table:Table", "aws:dynamodb/tableReplica:TableReplica"],
    remediation: "Table: serverSideEncryption { enabled: true, kmsKeyArn }. Replica: kmsKeyArn.",
  },
  (props, ctx) => {
    if (ctx.type === "aws:dynamodb/tableReplica:TableReplica") {
      return isSet(props, "kmsKeyArn")
        ? undefined
        : "replica has no customer managed key (kmsKeyArn is empty)";
    }
    const sse = props.serverSideEncryption ?? {};
    return isTrue(sse.enabled) && isSet(sse, "kmsKeyArn")
      ? undefined
      : "no customer managed key (serverSideEncryption.enabled with kmsKeyArn)";
  },
);
