/** `ecommerce:data`: the Aurora cluster, the Valkey cache and the queues' redrive. */
import { Role } from "./common";
import { ParseContext, RawSection, int, readObject, section, text } from "./readers";
import { KeySpec } from "./spec";

export const DATA_DEFAULTS = {
  aurora: {
    instanceClass: "db.r7g.large",
    instances: 2,
    engineVersion: "16.4",
    backupDays: 14,
  },
  cache: {
    nodeType: "cache.r7g.large",
    nodes: 2,
    engineVersion: "8.0",
  },
  queues: {
    maxReceiveCount: 5,
  },
};

const d = DATA_DEFAULTS;

export const DATA_SPEC = {
  keys: {
    aurora: {
      keys: {
        instanceClass: {
          type: "string",
          default: d.aurora.instanceClass,
          doc: "an RDS instance class (`db.<family>.<size>`) for every Aurora instance",
        },
        instances: {
          type: "int",
          default: d.aurora.instances,
          doc: "`2`–`15` in the primary, `1`–`15` in the standby; spread over the AZs",
        },
        engineVersion: {
          type: "string",
          default: d.aurora.engineVersion,
          doc: "an Aurora PostgreSQL version with global-database support",
        },
        backupDays: {
          type: "int",
          default: d.aurora.backupDays,
          doc: "automated backup retention, days: `1`–`35`",
        },
        maxRpoSeconds: {
          type: "int",
          defaultText: "unset (typical lag, unbounded)",
          doc: "primary only: `20`–`2147483647` seconds; sets `rds.global_db_rpo` on the writer's cluster parameter group, so commits block while the secondary is further behind",
        },
      },
    },
    cache: {
      keys: {
        nodeType: {
          type: "string",
          default: d.cache.nodeType,
          doc: "an ElastiCache node type (`cache.<family>.<size>`)",
        },
        nodes: {
          type: "int",
          default: d.cache.nodes,
          doc: "`2`–`6` nodes: one primary plus replicas (Multi-AZ failover needs a replica)",
        },
        engineVersion: {
          type: "string",
          default: d.cache.engineVersion,
          doc: "Valkey version, `7.2` or later (the services authenticate with IAM)",
        },
      },
    },
    queues: {
      keys: {
        maxReceiveCount: {
          type: "int",
          default: d.queues.maxReceiveCount,
          doc: "`1`–`1000` receives before a message goes to the dead-letter queue",
        },
      },
    },
  },
} as const satisfies KeySpec;

export interface DataConfig {
  aurora: {
    /** Instance class of every Aurora instance (Graviton `db.r7g.*` by default). */
    instanceClass: string;
    /** Instances in this region's cluster, spread over the AZs (≥ 2 in the primary). */
    instances: number;
    /** Aurora PostgreSQL engine version (must support global databases). */
    engineVersion: string;
    /** Automated backup retention, days (1–35). */
    backupDays: number;
    /**
     * Primary only, optional: the enforced relational RPO, seconds (`rds.global_db_rpo`, 20 to
     * 2147483647). Commits on the primary block while no secondary is within it. Unset: no bound
     * is enforced and the RPO is the typical replication lag.
     */
    maxRpoSeconds?: number;
  };
  cache: {
    nodeType: string;
    /** Nodes in the replication group: one primary plus replicas (≥ 2 in the primary). */
    nodes: number;
    /** Valkey engine version. */
    engineVersion: string;
  };
  queues: {
    /** Receives before a message moves to the dead-letter queue (1–1000). */
    maxReceiveCount: number;
  };
}

const INSTANCE_CLASS = /^db\.[a-z0-9]+\.[a-z0-9]+$/;
const NODE_TYPE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;
const VERSION = /^\d+(\.\d+)*$/;

/**
 * The services authenticate to Valkey with IAM, which ElastiCache offers from Valkey 7.2
 * ("Authenticating with IAM", ElastiCache User Guide).
 */
const MIN_CACHE_VERSION = [7, 2];

function readCacheVersion(cache: RawSection): string {
  const fallback = d.cache.engineVersion;
  const version = text(cache, "engineVersion", {
    pattern: VERSION,
    example: "8.0",
    default: fallback,
  });
  const [major, minor = 0] = version.split(".").map(Number);
  if (
    major < MIN_CACHE_VERSION[0] ||
    (major === MIN_CACHE_VERSION[0] && minor < MIN_CACHE_VERSION[1])
  ) {
    cache.add(
      "engineVersion",
      `${version} is not accepted; the services' IAM-authenticated Valkey users need Valkey 7.2 or later, e.g. 8.0`,
    );
    return fallback;
  }
  return version;
}

/**
 * `maxRpoSeconds`: `rds.global_db_rpo` accepts 20 to 2147483647 seconds and belongs on the
 * primary's cluster parameter group (Aurora User Guide, "Managing RPOs for Aurora PostgreSQL-based
 * global databases"). A standby may not set it: AWS advises keeping a two-Region secondary at the
 * default, since a promoted cluster with no secondary left would block every commit.
 */
function readMaxRpo(aurora: RawSection, primary: boolean): { maxRpoSeconds?: number } {
  if (aurora.get("maxRpoSeconds") === undefined) return {};
  if (!primary) {
    aurora.add(
      "maxRpoSeconds",
      "is set on the primary stack only (it bounds the primary's commits; a standby keeps the default)",
    );
    return {};
  }
  const value = int(aurora, "maxRpoSeconds", { min: 20, max: 2147483647, default: 0 });
  return value === 0 ? {} : { maxRpoSeconds: value };
}

export function parseData(ctx: ParseContext & { role: Role | undefined }): DataConfig {
  const raw = readObject(ctx, "ecommerce:data", DATA_SPEC);
  const primary = ctx.role === "primary";

  const aurora = section(raw, "aurora");
  const cache = section(raw, "cache");
  const queues = section(raw, "queues");

  return {
    aurora: {
      instanceClass: text(aurora, "instanceClass", {
        pattern: INSTANCE_CLASS,
        example: "db.r7g.large",
        default: d.aurora.instanceClass,
      }),
      instances: int(aurora, "instances", {
        min: primary ? 2 : 1,
        max: 15,
        default: d.aurora.instances,
        why: primary ? " (the primary needs at least 2 for a failover target in another AZ)" : "",
      }),
      engineVersion: text(aurora, "engineVersion", {
        pattern: VERSION,
        example: "16.4",
        default: d.aurora.engineVersion,
      }),
      backupDays: int(aurora, "backupDays", { min: 1, max: 35, default: d.aurora.backupDays }),
      ...readMaxRpo(aurora, primary),
    },
    cache: {
      nodeType: text(cache, "nodeType", {
        pattern: NODE_TYPE,
        example: "cache.r7g.large",
        default: d.cache.nodeType,
      }),
      nodes: int(cache, "nodes", {
        min: 2,
        max: 6,
        default: d.cache.nodes,
        why: " (Multi-AZ failover needs a replica)",
      }),
      engineVersion: readCacheVersion(cache),
    },
    queues: {
      maxReceiveCount: int(queues, "maxReceiveCount", {
        min: 1,
        max: 1000,
        default: d.queues.maxReceiveCount,
      }),
    },
  };
}
