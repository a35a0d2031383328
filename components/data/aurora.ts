import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { DataPosture, auroraPosture } from "./posture";
import { ComponentScope, stateful } from "../shared/scope";

export const AURORA_PORT = 5432;
const ENGINE = "aurora-postgresql";
const DATABASE = "shop";
/** The master user: the bootstrap Job logs in as it; services never do. */
export const MASTER_USER = "shop_admin";

export interface AuroraSettings {
  posture: DataPosture;
  instanceClass: string;
  instances: number;
  engineVersion: string;
  backupDays: number;
  availabilityZones: string[];
  dataSubnetIds: pulumi.Input<string[]>;
  securityGroupId: pulumi.Input<string>;
  /** The database key in this region (primary key or its replica). */
  kmsKeyArn: pulumi.Input<string>;
  /** The secrets key in this region, for the master-password secret (primary only). */
  secretsKeyArn?: pulumi.Input<string>;
  /**
   * Primary: regions the master-password secret is replicated to, each with the secrets key's
   * replica there (the resource, so the secret depends on it).
   */
  secretReplicas?: { region: string; key: aws.kms.ReplicaKey }[];
  /** Standby: the primary's global cluster. */
  globalClusterId?: pulumi.Input<string>;
  /** Primary: the enforced RPO, seconds (`rds.global_db_rpo`); unset enforces none. */
  maxRpoSeconds?: number;
}

export interface Aurora {
  globalCluster?: aws.rds.GlobalCluster;
  cluster: aws.rds.Cluster;
  instances: aws.rds.ClusterInstance[];
  masterSecret?: aws.secretsmanager.Secret;
  /** The master secret's value: what reads the secret must wait for it. */
  masterSecretVersion?: aws.secretsmanager.SecretVersion;
}

/**
 * What `pulumi up` leaves alone on the cluster. Upgrades go through the global cluster's
 * engineVersion; members follow (the provider's documented pattern, without which an upgrade fails
 * with an inconsistent plan). The global cluster and the Region switch plan own the replication
 * source and the membership in BOTH stacks: a switchover or failover changes which member writes,
 * and `pulumi up` must neither try to undo it nor touch the cluster on the way. That holds for the
 * primary's cluster too: once the plan has activated the standby it is a secondary with a
 * replication source, and an update that saw `replication_source_identifier` go from set to unset
 * (after a refresh) would call PromoteReadReplicaDBCluster and detach it, a second writer
 * (cluster.go's update path; the aws_rds_cluster docs tell global members to ignore it). In the
 * standby, write forwarding is the plan's too.
 * terraform-provider-aws `internal/service/rds/cluster.go` (resourceClusterUpdate) sends every
 * changed setting, `enable_global_write_forwarding` included, in one ModifyDBCluster, retried on
 * InvalidDBClusterStateFault for five minutes, before it looks at `global_cluster_identifier`
 * (RemoveFromGlobalCluster): with the primary's Region down that call fails and nothing after it
 * runs. Ignoring these keys in every standby mode keeps every mode change free of both calls.
 */
export function clusterIgnoreChanges(posture: DataPosture): string[] {
  if (posture === "active") {
    return ["engineVersion", "replicationSourceIdentifier", "globalClusterIdentifier"];
  }
  return [
    "engineVersion",
    "replicationSourceIdentifier",
    "globalClusterIdentifier",
    "enableGlobalWriteForwarding",
  ];
}

export function createAurora(scope: ComponentScope, s: AuroraSettings): Aurora {
  const parent = { parent: scope.parent };
  const posture = auroraPosture(s.posture);
  const major = s.engineVersion.split(".")[0];

  const subnets = new aws.rds.SubnetGroup(
    `${scope.name}-aurora`,
    {
      description: "Aurora in the data subnets (no internet route)",
      subnetIds: s.dataSubnetIds,
      tags: { Name: `${scope.namePrefix}-aurora` },
    },
    parent,
  );
  const parameters = new aws.rds.ClusterParameterGroup(
    `${scope.name}-aurora`,
    {
      family: `aurora-postgresql${major}`,
      description: "TLS only, connection and DDL logging",
      parameters: [
        { name: "rds.force_ssl", value: "1" },
        { name: "log_connections", value: "1" },
        { name: "log_disconnections", value: "1" },
        { name: "log_statement", value: "ddl" },
        // The enforced RPO, on the primary's cluster parameter group only; seconds, dynamic
        // (AWS applies it with ApplyMethod=immediate: "Managing RPOs for Aurora PostgreSQL-based
        // global databases", Aurora User Guide).
        ...(s.posture === "active" && s.maxRpoSeconds !== undefined
          ? [
              {
                name: "rds.global_db_rpo",
                value: String(s.maxRpoSeconds),
                applyMethod: "immediate",
              },
            ]
          : []),
      ],
    },
    parent,
  );

  let globalCluster: aws.rds.GlobalCluster | undefined;
  let masterSecret: aws.secretsmanager.Secret | undefined;
  let masterSecretVersion: aws.secretsmanager.SecretVersion | undefined;
  let credentials: Partial<aws.rds.ClusterArgs> = {};
  if (s.posture === "active") {
    globalCluster = new aws.rds.GlobalCluster(
      `${scope.name}-global`,
      {
        globalClusterIdentifier: `${scope.namePrefix}-global`,
        engine: ENGINE,
        engineVersion: s.engineVersion,
        databaseName: DATABASE,
        storageEncrypted: true,
        deletionProtection: true,
      },
      stateful(scope),
    );
    const password = new random.RandomPassword(
      `${scope.name}-aurora-master`,
      // RDS rejects / @ " and spaces in master passwords.
      { length: 40, special: true, overrideSpecial: "!#$%^&*()-_=+[]{}<>:?" },
      parent,
    );
    masterSecret = new aws.secretsmanager.Secret(
      `${scope.name}-aurora-master`,
      {
        name: `${scope.namePrefix}/aurora/master`,
        description: "Aurora master credentials (break-glass; services authenticate with IAM)",
        kmsKeyId: s.secretsKeyArn,
        recoveryWindowInDays: 30,
        replicas: s.secretReplicas?.map((r) => ({ region: r.region, kmsKeyId: r.key.arn })),
      },
      // Explicit as well as through the ARN: the replica's key must exist in its region first.
      stateful(scope, { dependsOn: (s.secretReplicas ?? []).map((r) => r.key) }),
    );
    masterSecretVersion = new aws.secretsmanager.SecretVersion(
      `${scope.name}-aurora-master`,
      {
        secretId: masterSecret.id,
        secretString: pulumi.jsonStringify({
          username: MASTER_USER,
          password: password.result,
          engine: "postgres",
          port: AURORA_PORT,
        }),
      },
      parent,
    );
    credentials = {
      masterUsername: MASTER_USER,
      masterPassword: password.result,
      databaseName: DATABASE,
    };
  }

  const cluster = new aws.rds.Cluster(
    `${scope.name}-aurora`,
    {
      clusterIdentifier: `${scope.namePrefix}-aurora`,
      engine: ENGINE,
      engineVersion: s.engineVersion,
      ...credentials,
      globalClusterIdentifier: globalCluster?.id ?? s.globalClusterId,
      dbSubnetGroupName: subnets.name,
      vpcSecurityGroupIds: [s.securityGroupId],
      dbClusterParameterGroupName: parameters.name,
      port: AURORA_PORT,
      storageEncrypted: true,
      kmsKeyId: s.kmsKeyArn,
      iamDatabaseAuthenticationEnabled: true,
      backupRetentionPeriod: s.backupDays,
      preferredBackupWindow: "19:00-20:00",
      preferredMaintenanceWindow: "sun:20:30-sun:21:30",
      copyTagsToSnapshot: true,
      deletionProtection: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${scope.namePrefix}-aurora-final`,
      enabledCloudwatchLogsExports: ["postgresql"],
      tags: { Name: `${scope.namePrefix}-aurora`, writer: String(posture.writer) },
    },
    stateful(scope, { ignoreChanges: clusterIgnoreChanges(s.posture) }),
  );

  const instances = Array.from(
    { length: s.instances },
    (_, i) =>
      new aws.rds.ClusterInstance(
        `${scope.name}-aurora-${i}`,
        {
          identifier: `${scope.namePrefix}-aurora-${i}`,
          clusterIdentifier: cluster.id,
          engine: ENGINE,
          engineVersion: s.engineVersion,
          instanceClass: s.instanceClass,
          availabilityZone: s.availabilityZones[i % s.availabilityZones.length],
          dbSubnetGroupName: subnets.name,
          publiclyAccessible: false,
          // Off: both Regions' clusters must run the same engine version for a managed switchover
          // or failover (Aurora User Guide, global database switchover and failover requirements),
          // and the global cluster pins `engineVersion`; upgrades are made by changing
          // `ecommerce:data.aurora.engineVersion`, never per Region by the maintenance window.
          autoMinorVersionUpgrade: false,
          caCertIdentifier: "rds-ca-rsa2048-g1",
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: s.kmsKeyArn,
          performanceInsightsRetentionPeriod: 7,
          promotionTier: i,
          tags: { Name: `${scope.namePrefix}-aurora-${i}` },
        },
        { parent: scope.parent, ignoreChanges: ["engineVersion"] },
      ),
  );
  return { globalCluster, cluster, instances, masterSecret, masterSecretVersion };
}
