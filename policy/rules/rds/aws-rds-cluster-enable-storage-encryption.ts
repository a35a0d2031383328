import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-rds-cluster-enable-storage-encryption",
    description: "Aurora/RDS clusters and global clusters encrypt their storage.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.3.1", "PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster"],
    remediation:
      "Set storageEncrypted: true (it cannot be changed after creation: restore from an encrypted snapshot).",
  },
  (props) =>
    isTrue(props.storageEncrypted)
      ? undefined
      : "storage is not encrypted (storageEncrypted is not true)",
);
