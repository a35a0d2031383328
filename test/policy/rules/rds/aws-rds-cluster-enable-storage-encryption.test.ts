import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-rds-cluster-enable-storage-encryption";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:rds/cluster:Cluster",
      'encryption given as the string "true"',
      (p) => (p.storageEncrypted = "true"),
    ),
  ],
  violations: [
    violates(
      "aws:rds/cluster:Cluster",
      "unencrypted cluster",
      (p) => (p.storageEncrypted = false),
      /storage is not encrypted/,
    ),
    violates(
      "aws:rds/globalCluster:GlobalCluster",
      "unencrypted global cluster",
      (p) => delete p.storageEncrypted,
      /storage is not encrypted/,
    ),
    violates(
      "aws:rds/cluster:Cluster",
      "encryption left to the default (off)",
      (p) => delete p.storageEncrypted,
      /storage is not encrypted \(storageEncrypted is not true\)/,
    ),
  ],
});
