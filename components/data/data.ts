import * as pulumi from "@pulumi/pulumi";
import type * as aws from "@pulumi/aws";
import { AURORA_PORT, createAurora } from "./aurora";
import { BUCKETS, BucketName } from "./buckets";
import { CACHE_PORT, createCache } from "./cache";
import { KEY_PURPOSES, KeyPurpose, replicaKeyArn } from "./keyPolicy";
import { createPrimaryKeys, createReplicaKey } from "./keys";
import { databaseHosts } from "./endpoints";
import { DataPosture } from "./posture";
import { createOrderEvents } from "./queues";
import { createReplication } from "./replication";
import { storeSecurityGroup } from "./security";
import { TABLES, TableName, createTableReplicas, createTables } from "./tables";
import { ComponentScope, scopeOf } from "../shared/scope";
import {
  SecureBucket,
  cloudFrontReads,
  s3AccessLogDelivery,
  secureBucket,
} from "../shared/secureBucket";

/** What the standby needs from the primary's data layer (read through the StackReference). */
export interface PrimaryData {
  region: pulumi.Input<string>;
  globalClusterId: pulumi.Input<string>;
  /** The global database's writer endpoint: it follows a switchover or failover by itself. */
  globalWriterEndpoint: pulumi.Input<string>;
  keyArns: pulumi.Input<Record<KeyPurpose, string>>;
  tableArns: pulumi.Input<Record<TableName, string>>;
  buckets: pulumi.Input<Record<BucketName, { name: string; arn: string }>>;
  /**
   * The name the primary gave this region's `web` replica: its storefront distribution already
   * names that bucket as the origin group's secondary.
   */
  webReplicaBucketName: pulumi.Input<string>;
  dbSecretArn: pulumi.Input<string>;
}

/** The data layer's args that both roles pass (some, such as `aurora.maxRpoSeconds`, act in one). */
export interface DataCommonArgs {
  /** The stack's region (key policies, replica keys, replication destinations). */
  region: string;
  /** Account that owns the keys, buckets and stores (key and bucket policies, bucket names). */
  accountId: pulumi.Input<string>;
  /** Prefix for physical names and `Name` tags, unique per account and region. */
  namePrefix: string;
  /** Pulumi `protect` on keys, clusters, tables, buckets and secrets. Default true. */
  protect?: boolean;
  /** The VPC of the stores' security group. */
  vpcId: pulumi.Input<string>;
  /** Data-tier subnets (no internet route): databases and caches live only here. */
  dataSubnetIds: pulumi.Input<string[]>;
  /** The AZs of the data subnets (Aurora instances and cache nodes are spread over them). */
  availabilityZones: string[];
  /** The network's workloads group: the only source admitted to the stores. */
  workloadSecurityGroupId: pulumi.Input<string>;
  /**
   * Aurora PostgreSQL: instance class (e.g. `db.r7g.large`), instances (writer plus readers),
   * engine version, automated backup retention in days (1-35), and the primary's enforced RPO.
   */
  aurora: {
    instanceClass: string;
    instances: number;
    engineVersion: string;
    backupDays: number;
    /** Primary: the enforced RPO, seconds (`rds.global_db_rpo`); unset, none is enforced. */
    maxRpoSeconds?: number;
  };
  /**
   * ElastiCache Valkey: node type (e.g. `cache.r7g.large`), nodes (primary plus replicas), engine
   * version.
   */
  cache: { nodeType: string; nodes: number; engineVersion: string };
  /** The cache-bound services: one IAM-authenticated Valkey user each. */
  cacheServices: string[];
  /** SQS: receives of a message before it moves to the dead-letter queue. */
  queues: { maxReceiveCount: number };
  /**
   * The CloudFront distribution that serves the `web` bucket, the only reader its policy admits.
   * The primary's edge creates the distribution from this layer's bucket, so the primary passes a
   * deferred output here and resolves it once the edge exists; the standby passes the same
   * distribution's ARN from the StackReference (its `web` replica is the origin group's secondary).
   * Unset: no CloudFront access.
   */
  webDistributionArn?: pulumi.Input<string>;
}

/** The primary: it creates the global stores (keys, global database, global tables). */
export interface PrimaryDataArgs extends DataCommonArgs {
  /** Discriminant: the primary's posture. */
  posture: "active";
  /** Regions its secrets (and the secrets key) are replicated to. Default: none. */
  secretReplicaRegions?: string[];
}

/** The standby: it joins the primary's global stores, in its DR mode. */
export interface StandbyDataArgs extends DataCommonArgs {
  /** Discriminant: the standby's DR mode (see posture.ts). */
  posture: Exclude<DataPosture, "active">;
  /** The primary's data outputs, read through the StackReference. */
  primary: PrimaryData;
}

/** The role decides which fields exist: only the standby names the primary's stores. */
export type DataArgs = PrimaryDataArgs | StandbyDataArgs;

/**
 * The shop's data layer in one region: multi-region KMS keys (or their replicas), an Aurora
 * PostgreSQL global database (primary writer or secondary per DR mode), a Valkey cache, DynamoDB
 * global tables (or replicas), S3 buckets (with cross-region replication from the standby), and
 * the order-events queue with its dead-letter queue.
 */
export class Data extends pulumi.ComponentResource {
  public readonly keyArns: pulumi.Output<Record<KeyPurpose, string>>;
  public readonly globalClusterId: pulumi.Output<string>;
  public readonly auroraEndpoint: pulumi.Output<string>;
  public readonly auroraReaderEndpoint: pulumi.Output<string>;
  /** The global database's writer endpoint (`aws.rds.GlobalCluster.endpoint`). */
  public readonly globalWriterEndpoint: pulumi.Output<string>;
  /** Where this posture's services write (`DB_HOST`) and read (`DB_READER_HOST`): endpoints.ts. */
  public readonly dbHost: pulumi.Output<string>;
  public readonly dbReaderHost: pulumi.Output<string>;
  public readonly auroraClusterResourceId: pulumi.Output<string>;
  public readonly auroraClusterArn: pulumi.Output<string>;
  /** The regional cluster's identifier (the CloudWatch dimension of its metrics). */
  public readonly auroraClusterIdentifier: pulumi.Output<string>;
  public readonly dbSecretArn: pulumi.Output<string>;
  public readonly cacheEndpoint: pulumi.Output<string>;
  /** The disabled default user's password (break-glass); no service reads it. */
  public readonly cacheSecretArn: pulumi.Output<string>;
  /** The replication group's id and ARN (a Valkey IAM token is signed for the id). */
  public readonly cacheName: pulumi.Output<string>;
  public readonly cacheArn: pulumi.Output<string>;
  /** Each cache-bound service's Valkey user id (== user name) and ARN. */
  public readonly cacheUsers: pulumi.Output<Record<string, { id: string; arn: string }>>;
  /**
   * Primary only: the Aurora writer and the master secret's value, which the database bootstrap
   * must wait for. Empty in the standby.
   */
  public readonly auroraWriterReady: pulumi.Resource[];
  /** The cache's nodes (`CacheClusterId`s), whose CPU and evictions are alarmed on. */
  public readonly cacheNodeIds: pulumi.Output<string[]>;
  public readonly tableNames: pulumi.Output<Record<TableName, string>>;
  public readonly tableArns: pulumi.Output<Record<TableName, string>>;
  public readonly buckets: pulumi.Output<
    Record<BucketName | "logs", { name: string; arn: string }>
  >;
  public readonly queueUrls: pulumi.Output<{ orderEvents: string; orderEventsDlq: string }>;
  public readonly queueArns: pulumi.Output<{ orderEvents: string; orderEventsDlq: string }>;
  public readonly queueNames: pulumi.Output<{ orderEvents: string; orderEventsDlq: string }>;

  constructor(name: string, args: DataArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:data:Data", name, {}, opts);
    const active = args.posture === "active";
    const standby = args.posture === "active" ? undefined : args;
    const scope = scopeOf(name, this, args);

    // Keys: the primary's multi-region keys, or replicas of them in this region. The secrets key
    // is replicated by the primary itself, because its secrets need the replica first.
    const { arns: keyArns, secretReplicaKeys } = this.createKeys(scope, args);
    const key = (purpose: KeyPurpose) => keyArns.apply((k) => k[purpose]);

    const dbSg = storeSecurityGroup(
      scope,
      "aurora",
      AURORA_PORT,
      args.vpcId,
      args.workloadSecurityGroupId,
    );
    const cacheSg = storeSecurityGroup(
      scope,
      "cache",
      CACHE_PORT,
      args.vpcId,
      args.workloadSecurityGroupId,
    );

    const aurora = createAurora(scope, {
      posture: args.posture,
      ...args.aurora,
      availabilityZones: args.availabilityZones,
      dataSubnetIds: args.dataSubnetIds,
      securityGroupId: dbSg.id,
      kmsKeyArn: key("database"),
      secretsKeyArn: key("secrets"),
      // The replica key itself, not its computed ARN: Secrets Manager rejects a replica whose key
      // does not exist yet, so the secret must wait for the ReplicaKey on a first deploy.
      secretReplicas: active ? secretReplicaKeys : undefined,
      globalClusterId: standby?.primary.globalClusterId,
    });
    const cache = createCache(scope, {
      ...args.cache,
      availabilityZones: args.availabilityZones,
      dataSubnetIds: args.dataSubnetIds,
      securityGroupId: cacheSg.id,
      kmsKeyArn: key("cache"),
      secretsKeyArn: key("secrets"),
      services: args.cacheServices,
    });

    let tableNames: pulumi.Output<Record<TableName, string>>;
    let tableArns: pulumi.Output<Record<TableName, string>>;
    if (!standby) {
      const tables = createTables(scope, key("database"));
      tableNames = pulumi.output(
        Object.fromEntries(TABLES.map((t) => [t, tables[t].name])) as Record<
          TableName,
          pulumi.Output<string>
        >,
      );
      tableArns = pulumi.output(
        Object.fromEntries(TABLES.map((t) => [t, tables[t].arn])) as Record<
          TableName,
          pulumi.Output<string>
        >,
      );
    } else {
      const primaryArns = pulumi.output(standby.primary.tableArns);
      createTableReplicas(scope, primaryArns, key("database"));
      // A replica carries the global table's name; its ARN is the table's in this region.
      tableNames = primaryArns.apply(
        (arns) =>
          Object.fromEntries(TABLES.map((t) => [t, arns[t].split("/").pop() as string])) as Record<
            TableName,
            string
          >,
      );
      tableArns = pulumi.output(
        Object.fromEntries(
          TABLES.map((t) => [
            t,
            pulumi.interpolate`arn:aws:dynamodb:${args.region}:${args.accountId}:table/${tableNames.apply((n) => n[t])}`,
          ]),
        ) as Record<TableName, pulumi.Output<string>>,
      );
    }

    const logs = secureBucket(scope, "logs", {
      noncurrentDays: 30,
      expireDays: 365,
      extraPolicy: s3AccessLogDelivery,
    });
    const buckets = Object.fromEntries(
      BUCKETS.map((b) => [
        b,
        secureBucket(scope, b, {
          bucketName: b === "web" ? standby?.primary.webReplicaBucketName : undefined,
          kmsKeyArn: key("storage"),
          logBucket: logs.bucket,
          noncurrentDays: 90,
          // The SPA is served by the storefront's CloudFront distribution (origin access control):
          // from the primary's bucket, and from this replica when the origin group fails over.
          extraPolicy:
            b === "web" && args.webDistributionArn !== undefined
              ? cloudFrontReads(args.webDistributionArn)
              : undefined,
        }),
      ]),
    ) as Record<BucketName, SecureBucket>;
    if (standby) {
      createReplication(scope, {
        primaryRegion: standby.primary.region,
        primaryBuckets: standby.primary.buckets,
        primaryStorageKeyArn: pulumi.output(standby.primary.keyArns).apply((k) => k.storage),
        replicaStorageKeyArn: key("storage"),
        destinations: buckets,
      });
    }

    const queues = createOrderEvents(scope, key("messaging"), args.queues.maxReceiveCount);

    this.keyArns = keyArns;
    this.globalClusterId = aurora.globalCluster
      ? aurora.globalCluster.id
      : pulumi.output(standby?.primary.globalClusterId ?? "");
    this.auroraEndpoint = aurora.cluster.endpoint;
    this.auroraReaderEndpoint = aurora.cluster.readerEndpoint;
    this.globalWriterEndpoint = aurora.globalCluster
      ? aurora.globalCluster.endpoint
      : pulumi.output(standby?.primary.globalWriterEndpoint ?? "");
    const hosts = databaseHosts(args.posture);
    const endpoint = {
      globalWriter: this.globalWriterEndpoint,
      clusterReader: this.auroraReaderEndpoint,
    };
    this.dbHost = endpoint[hosts.writes];
    this.dbReaderHost = endpoint[hosts.reads];
    this.auroraClusterResourceId = aurora.cluster.clusterResourceId;
    this.auroraClusterArn = aurora.cluster.arn;
    this.auroraClusterIdentifier = aurora.cluster.clusterIdentifier;
    this.dbSecretArn = aurora.masterSecret
      ? aurora.masterSecret.arn
      : pulumi
          .output(standby?.primary.dbSecretArn ?? "")
          .apply((arn) => arn.replace(/^(arn:aws:secretsmanager:)[^:]+/, `$1${args.region}`));
    this.cacheEndpoint = cache.group.primaryEndpointAddress;
    this.cacheSecretArn = cache.authSecret.arn;
    this.cacheName = cache.group.replicationGroupId;
    this.cacheArn = cache.group.arn;
    this.cacheUsers = pulumi.output(
      Object.fromEntries(
        Object.entries(cache.users).map(([service, u]) => [service, { id: u.userId, arn: u.arn }]),
      ),
    ) as pulumi.Output<Record<string, { id: string; arn: string }>>;
    this.auroraWriterReady = active
      ? [
          aurora.cluster,
          ...aurora.instances,
          ...(aurora.masterSecretVersion ? [aurora.masterSecretVersion] : []),
        ]
      : [];
    this.cacheNodeIds = cache.group.memberClusters;
    this.tableNames = tableNames;
    this.tableArns = tableArns;
    this.buckets = pulumi.output({
      assets: { name: buckets.assets.bucket.bucket, arn: buckets.assets.bucket.arn },
      web: { name: buckets.web.bucket.bucket, arn: buckets.web.bucket.arn },
      logs: { name: logs.bucket.bucket, arn: logs.bucket.arn },
    });
    this.queueUrls = pulumi.output({
      orderEvents: queues.queue.url,
      orderEventsDlq: queues.deadLetter.url,
    });
    this.queueArns = pulumi.output({
      orderEvents: queues.queue.arn,
      orderEventsDlq: queues.deadLetter.arn,
    });
    this.queueNames = pulumi.output({
      orderEvents: queues.queue.name,
      orderEventsDlq: queues.deadLetter.name,
    });
    this.registerOutputs({
      keyArns: this.keyArns,
      globalClusterId: this.globalClusterId,
      auroraEndpoint: this.auroraEndpoint,
      auroraReaderEndpoint: this.auroraReaderEndpoint,
      globalWriterEndpoint: this.globalWriterEndpoint,
      dbHost: this.dbHost,
      dbReaderHost: this.dbReaderHost,
      auroraClusterResourceId: this.auroraClusterResourceId,
      dbSecretArn: this.dbSecretArn,
      cacheEndpoint: this.cacheEndpoint,
      cacheSecretArn: this.cacheSecretArn,
      cacheName: this.cacheName,
      cacheUsers: this.cacheUsers,
      tableNames: this.tableNames,
      tableArns: this.tableArns,
      buckets: this.buckets,
      queueUrls: this.queueUrls,
      queueArns: this.queueArns,
    });
  }

  private createKeys(
    scope: ComponentScope,
    args: DataArgs,
  ): {
    arns: pulumi.Output<Record<KeyPurpose, string>>;
    /** Primary: the secrets key's replica in each region its secrets replicate to. */
    secretReplicaKeys: { region: string; key: aws.kms.ReplicaKey }[];
  } {
    if (args.posture === "active") {
      const keys = createPrimaryKeys(scope);
      const secretsKey = keys.secrets;
      const secretReplicaKeys = (args.secretReplicaRegions ?? []).map((region) => ({
        region,
        key: createReplicaKey(scope, "secrets", secretsKey.arn, region, `-${region}`),
      }));
      const arns = pulumi.output(
        Object.fromEntries(KEY_PURPOSES.map((p) => [p, keys[p].arn])) as Record<
          KeyPurpose,
          pulumi.Output<string>
        >,
      );
      return { arns, secretReplicaKeys };
    }
    const primaryKeys = pulumi.output(args.primary.keyArns);
    const replicas = Object.fromEntries(
      KEY_PURPOSES.filter((p) => p !== "secrets").map((p) => [
        p,
        createReplicaKey(
          scope,
          p,
          primaryKeys.apply((k) => k[p]),
          args.region,
        ).arn,
      ]),
    );
    const arns = pulumi.output({
      ...replicas,
      secrets: primaryKeys.apply((k) => replicaKeyArn(k.secrets, args.region)),
    } as Record<KeyPurpose, pulumi.Output<string>>);
    return { arns, secretReplicaKeys: [] };
  }
}
