import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { DataScope, stateful } from "./scope";

export const CACHE_PORT = 6379;

export interface CacheSettings {
  nodeType: string;
  nodes: number;
  engineVersion: string;
  availabilityZones: string[];
  dataSubnetIds: pulumi.Input<string[]>;
  securityGroupId: pulumi.Input<string>;
  kmsKeyArn: pulumi.Input<string>;
  secretsKeyArn: pulumi.Input<string>;
}

export interface Cache {
  group: aws.elasticache.ReplicationGroup;
  authSecret: aws.secretsmanager.Secret;
}

/** A Valkey replication group per region: Multi-AZ, automatic failover, TLS + AUTH, CMK at rest. */
export function createCache(scope: DataScope, s: CacheSettings): Cache {
  const parent = { parent: scope.parent };
  const subnets = new aws.elasticache.SubnetGroup(
    `${scope.name}-cache`,
    {
      description: "Valkey in the data subnets",
      subnetIds: s.dataSubnetIds,
      tags: { Name: `${scope.namePrefix}-cache` },
    },
    parent,
  );
  // ElastiCache AUTH tokens: 16–128 printable characters; alphanumerics avoid the forbidden ones.
  const token = new random.RandomPassword(
    `${scope.name}-cache-auth`,
    { length: 64, special: false },
    parent,
  );
  const authSecret = new aws.secretsmanager.Secret(
    `${scope.name}-cache-auth`,
    {
      name: `${scope.namePrefix}/cache/auth`,
      description: "Valkey AUTH token",
      kmsKeyId: s.secretsKeyArn,
      recoveryWindowInDays: 30,
    },
    stateful(scope),
  );
  new aws.secretsmanager.SecretVersion(
    `${scope.name}-cache-auth`,
    { secretId: authSecret.id, secretString: token.result },
    parent,
  );

  const group = new aws.elasticache.ReplicationGroup(
    `${scope.name}-cache`,
    {
      replicationGroupId: `${scope.namePrefix}-cache`.slice(0, 40),
      description: "Shop cache (product and inventory reads, rate limits)",
      engine: "valkey",
      engineVersion: s.engineVersion,
      parameterGroupName: `default.valkey${s.engineVersion.split(".")[0]}`,
      nodeType: s.nodeType,
      numCacheClusters: s.nodes,
      preferredCacheClusterAzs: Array.from(
        { length: s.nodes },
        (_, i) => s.availabilityZones[i % s.availabilityZones.length],
      ),
      port: CACHE_PORT,
      subnetGroupName: subnets.name,
      securityGroupIds: [s.securityGroupId],
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      atRestEncryptionEnabled: true,
      kmsKeyId: s.kmsKeyArn,
      transitEncryptionEnabled: true,
      authToken: token.result,
      snapshotRetentionLimit: 7,
      snapshotWindow: "18:00-19:00",
      maintenanceWindow: "sun:21:30-sun:22:30",
      autoMinorVersionUpgrade: true,
      tags: { Name: `${scope.namePrefix}-cache` },
    },
    parent,
  );
  return { group, authSecret };
}
