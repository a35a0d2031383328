import { resourceRule } from "../../lib/rule";

/**
 * Resources whose deletion loses data or locks it away: databases, tables and their replicas,
 * buckets, the keys that encrypt them (a deleted key makes its ciphertext unreadable), secrets, and
 * the cache's replication group (its snapshots go with it). AWS deletion protection, where a
 * service has it, is checked by each service's own rule; Pulumi `protect` also stops a `pulumi up`
 * that would replace or delete one, and `pulumi destroy`.
 */
export const STATEFUL_TYPES = [
  "aws:rds/globalCluster:GlobalCluster",
  "aws:rds/cluster:Cluster",
  "aws:dynamodb/table:Table",
  "aws:dynamodb/tableReplica:TableReplica",
  "aws:s3/bucket:Bucket",
  "aws:kms/key:Key",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:secretsmanager/secret:Secret",
  "aws:elasticache/replicationGroup:ReplicationGroup",
];

export default resourceRule<{ unprotected: string[] }>(
  {
    name: "aws-stateful-resource-enable-pulumi-protect",
    description:
      "Stateful resources (Aurora global and regional clusters, DynamoDB tables and replicas, S3 buckets, KMS keys and replica keys, Secrets Manager secrets, ElastiCache replication groups) carry Pulumi `protect`, so no `pulumi up` or `pulumi destroy` deletes or replaces them.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topic: "availability",
    types: STATEFUL_TYPES,
    remediation:
      'Keep ecommerce:protect true (the default), or register the resource with { protect: true }. A stack that is meant to be destroyed (ecommerce:protect=false) runs with `--policy-pack-config` mapping this rule to "advisory", or names the resources it may leave unprotected in `unprotected`.',
    configSchema: {
      properties: {
        unprotected: { type: "array", items: { type: "string" }, default: [] },
      },
    },
  },
  (_props, { protect, name, config }) =>
    protect || config.unprotected.includes(name)
      ? undefined
      : "Pulumi protect is off: a pulumi up that replaces it, or pulumi destroy, would delete it",
);
