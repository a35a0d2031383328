/** What the data tests share: resource types and small readers of the plans. */
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { ofType } from "../../helpers";

export const T = {
  key: "aws:kms/key:Key",
  replicaKey: "aws:kms/replicaKey:ReplicaKey",
  global: "aws:rds/globalCluster:GlobalCluster",
  cluster: "aws:rds/cluster:Cluster",
  instance: "aws:rds/clusterInstance:ClusterInstance",
  dbSubnets: "aws:rds/subnetGroup:SubnetGroup",
  params: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
  cache: "aws:elasticache/replicationGroup:ReplicationGroup",
  cacheSubnets: "aws:elasticache/subnetGroup:SubnetGroup",
  table: "aws:dynamodb/table:Table",
  tableReplica: "aws:dynamodb/tableReplica:TableReplica",
  bucket: "aws:s3/bucket:Bucket",
  secret: "aws:secretsmanager/secret:Secret",
  secretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
  password: "random:index/randomPassword:RandomPassword",
  queue: "aws:sqs/queue:Queue",
  replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  sg: "aws:ec2/securityGroup:SecurityGroup",
};

export const inData = (r: PlannedResource) => r.urn.includes("ecommerce:data:Data$");

export const keyArn = (p: StackPlan, purpose: string) => {
  const key = [...ofType(p, T.key), ...ofType(p, T.replicaKey)].find(
    (k) => k.name === `data-${purpose}`,
  );
  if (!key) throw new Error(`no ${purpose} key in ${p.stack}`);
  return key.outputs.arn;
};
