import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ComponentScope, stateful } from "../shared/scope";

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
  /** The cache-bound services: each gets its own IAM-authenticated Valkey user. */
  services: string[];
}

export interface Cache {
  group: aws.elasticache.ReplicationGroup;
  /** The disabled `default` user's password (break-glass only; no pod receives it). */
  authSecret: aws.secretsmanager.Secret;
  /** Each service's Valkey user, by service name. */
  users: Record<string, aws.elasticache.User>;
  userGroup: aws.elasticache.UserGroup;
}

/**
 * What a service's Valkey user may do: only keys under `<service>:` (no pub/sub channels: the
 * default for a new user since Redis 7), and
 * reads, writes and transactions without the dangerous commands (`-@dangerous` removes FLUSHALL,
 * FLUSHDB, KEYS, CONFIG, DEBUG and the like; the three ElastiCache allows are also named, so the
 * string says it). Restricted commands such as CONFIG may not be named in an ElastiCache access
 * string at all ("Role-Based Access Control", ElastiCache User Guide), hence the category.
 */
export function serviceAccessString(service: string): string {
  return `on ~${service}:* -@all +@read +@write +@connection +@transaction -@dangerous -flushall -flushdb -keys`;
}

/** ElastiCache user ids: a letter, then letters, digits and single hyphens. */
export function cacheUserId(namePrefix: string, service: string): string {
  return `${namePrefix}-${service}`.toLowerCase().slice(0, 40).replace(/-+$/, "");
}

/**
 * A Valkey replication group per region: Multi-AZ, automatic failover, TLS, CMK at rest, and
 * role-based access: one IAM-authenticated user per service in the group's user group, and the
 * `default` user every user group must contain, disabled.
 */
export function createCache(scope: ComponentScope, s: CacheSettings): Cache {
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
  // ElastiCache passwords: 16–128 printable characters; alphanumerics avoid the forbidden ones.
  const token = new random.RandomPassword(
    `${scope.name}-cache-auth`,
    { length: 64, special: false },
    parent,
  );
  const authSecret = new aws.secretsmanager.Secret(
    `${scope.name}-cache-auth`,
    {
      name: `${scope.namePrefix}/cache/auth`,
      description: "Password of the disabled Valkey default user (break-glass)",
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

  // IAM auth (Valkey 7.2+ or Redis OSS 7+, TLS required; "Authenticating with IAM", ElastiCache
  // User Guide): the user id and user name must be identical, and a client's password is a
  // SigV4-presigned token for the replication group and user, which its role may create only
  // with `elasticache:Connect` on both (services/permissions.ts).
  const users = Object.fromEntries(
    s.services.map((service) => {
      const id = cacheUserId(scope.namePrefix, service);
      return [
        service,
        new aws.elasticache.User(
          `${scope.name}-cache-${service}`,
          {
            userId: id,
            userName: id,
            engine: "valkey",
            authenticationMode: { type: "iam" },
            accessString: serviceAccessString(service),
            tags: { Name: id, service },
          },
          parent,
        ),
      ];
    }),
  ) as Record<string, aws.elasticache.User>;
  // Every user group must contain a user named `default` (CreateUserGroup's DefaultUserRequired;
  // "UserIds: a user named default must be included", AWS::ElastiCache::UserGroup). A group of
  // engine valkey admits only users that authenticate (password or IAM), and IAM users need
  // id == name, so this `default` has a password: the random token above, kept in Secrets Manager
  // only so an operator can re-enable the user in an emergency. It is `off`: it cannot log in.
  const defaultUser = new aws.elasticache.User(
    `${scope.name}-cache-default`,
    {
      userId: cacheUserId(scope.namePrefix, "default"),
      userName: "default",
      engine: "valkey",
      authenticationMode: { type: "password", passwords: [token.result] },
      accessString: "off -@all",
      tags: { Name: `${scope.namePrefix}-cache-default` },
    },
    parent,
  );
  const userGroup = new aws.elasticache.UserGroup(
    `${scope.name}-cache`,
    {
      userGroupId: `${scope.namePrefix}-cache`.toLowerCase().slice(0, 40),
      engine: "valkey",
      userIds: [defaultUser.userId, ...Object.values(users).map((u) => u.userId)],
      tags: { Name: `${scope.namePrefix}-cache` },
    },
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
      // Role-based access replaces the shared AUTH token. On a group created with a token, AWS
      // moves to RBAC with ModifyReplicationGroup(AuthTokenUpdateStrategy=DELETE,
      // UserGroupIdsToAdd) ("Migrating from AUTH to RBAC"); the provider sends the strategy
      // when the token is removed and ignores it on create.
      authTokenUpdateStrategy: "DELETE",
      userGroupIds: [userGroup.userGroupId],
      snapshotRetentionLimit: 7,
      snapshotWindow: "18:00-19:00",
      maintenanceWindow: "sun:21:30-sun:22:30",
      autoMinorVersionUpgrade: true,
      tags: { Name: `${scope.namePrefix}-cache` },
    },
    // Stateful: its snapshots go with it, and recreating it cold empties every service's cache.
    stateful(scope),
  );
  return { group, authSecret, users, userGroup };
}
