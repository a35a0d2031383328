import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-rds-cluster-configure-customer-managed-key",
    description:
      "Aurora/RDS clusters encrypt with a customer managed KMS key, so key policy and rotation are ours.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.6.1"],
    topic: "encryption-at-rest",
    types: ["aws:rds/cluster:Cluster"],
    remediation: "Set kmsKeyId to the ARN of a customer managed key.",
  },
  (props) =>
    isSet(props, "kmsKeyId")
      ? undefined
      : "no customer managed key (kmsKeyId is empty: the AWS managed key would be used)",
);
