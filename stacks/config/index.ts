/**
 * The typed stack configuration: parsed once from Pulumi config, validated, defaulted.
 *
 * This module is pure: it takes a reader function instead of calling `new pulumi.Config()`, so the
 * same parser serves `pulumi up`, the offline engine and the table tests. Every default lives
 * here (the `ecommerce:observability` ones in observabilityConfig.ts, the `ecommerce:services`
 * ones in servicesConfig.ts and the catalog, `ecommerce:governance` in governanceConfig.ts). Every
 * error names the config key and what is accepted, and all problems are reported at once, before
 * a single resource is registered.
 */
import {
  MAX_AZS,
  MAX_VPC_PREFIX,
  MIN_VPC_PREFIX,
  formatCidr,
  overlaps,
  parseCidr,
  tryParseCidr,
} from "../../components/network/cidr";
import { AddonVersions } from "../../components/cluster/addons";
import { CapacityConfig, CapacityProfile, Scaling } from "../../components/cluster/capacity";
import { NAMESPACES } from "../../components/cluster/platform";
import {
  MIN_OPERATOR_PREFIX,
  OperatorSource,
  parseOperatorSource,
} from "../../components/cluster/operatorAccess";
import { MAX_RELEASE_NAME, OTLP_HTTP_PORT, RELEASES } from "../../components/observability/values";
import { ServiceName, ServiceOverride } from "../../services/catalog";
import {
  ConfigError,
  ConfigReader,
  Problems,
  RawObject,
  asBoolean,
  asInteger,
  nearest,
  oneOf,
  readBoolean,
  readInteger,
  readList,
  readObject,
  readPattern,
  readRetentionDays,
  readSection,
} from "./readers";
import { ObservabilityConfig, parseObservability } from "./observability";
import { PrimaryGovernance, StandbyGovernance, parseGovernance } from "./governance";
import { parseServices } from "./services";

export { ConfigError, ConfigReader, LOG_RETENTION_DAYS } from "./readers";

export type Role = "primary" | "standby";
export const ROLES: readonly Role[] = ["primary", "standby"];

/** The standby's disaster-recovery posture: `ecommerce:dr.mode` (see docs/runbook.md). */
export type DrMode = "standby" | "drill" | "failover";
export const DR_MODES: readonly DrMode[] = ["standby", "drill", "failover"];

export type NatGatewayMode = "perAz" | "single";
export const NAT_GATEWAY_MODES: readonly NatGatewayMode[] = ["perAz", "single"];

/** Defaults, in one place. */
export const DEFAULTS = {
  azCount: 3,
  flowLogRetentionDays: 365,
  drMode: "standby" as DrMode,
  drill: false,
  primaryStack: "organization/ecommerce-platform/prod-mumbai",
  protect: true,
  data: {
    auroraInstanceClass: "db.r7g.large",
    auroraInstances: 2,
    auroraEngineVersion: "16.4",
    backupDays: 14,
    cacheNodeType: "cache.r7g.large",
    cacheNodes: 2,
    cacheEngineVersion: "8.0",
    maxReceiveCount: 5,
  },
  cluster: {
    version: "1.33",
    // EKS add-on builds for Kubernetes 1.33; `aws eks describe-addon-versions` lists newer ones.
    addonVersions: {
      vpcCni: "v1.19.5-eksbuild.1",
      coredns: "v1.12.1-eksbuild.2",
      kubeProxy: "v1.33.0-eksbuild.2",
      podIdentityAgent: "v1.3.7-eksbuild.2",
      ebsCsiDriver: "v1.44.0-eksbuild.1",
    } as AddonVersions,
    systemInstanceTypes: ["m7g.large", "m7g.xlarge"],
    capacity: {
      full: { system: { min: 3, desired: 3, max: 6 }, karpenter: { cpu: 256, memoryGiB: 1024 } },
      // Floors only: a resting standby's ceilings are the full level's (components/cluster/capacity.ts).
      reduced: { system: { min: 2, desired: 2 } },
    } as CapacityConfig,
    capacityTypes: ["on-demand", "spot"],
    architectures: ["arm64"],
    amiAlias: "al2023@latest",
  },
} as const;

export const EDGE_DEFAULTS = {
  healthCheck: { intervalSeconds: 10 as const, failureThreshold: 3, path: "/healthz" },
  recordTtlSeconds: 60,
  operatorMinutes: 3,
  throttling: { rateLimit: 1000, burstLimit: 500 },
};

export const MESH_DEFAULTS = {
  tracing: { service: "otel-collector.observability.svc.cluster.local", port: 4317 },
};

/** Kubernetes versions this program is tested against (EKS standard support). */
export const SUPPORTED_KUBERNETES_VERSIONS = ["1.31", "1.32", "1.33", "1.34"];

export interface NetworkConfig {
  /** VPC CIDR, /16–/20. */
  cidr: string;
  /** Number of AZs used, 2–6 (3–6 for the primary). */
  azCount: number;
  /** Exactly `azCount` AZ names in the stack's region. */
  availabilityZones: string[];
  /** `perAz` (default for the primary and for a standby in drill/failover) or `single`. */
  natGateways: NatGatewayMode;
  /** Retention of the VPC flow-log group, days (a CloudWatch-accepted value). */
  flowLogRetentionDays: number;
}

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

export interface ClusterConfig {
  version: string;
  addonVersions: AddonVersions;
  systemInstanceTypes: string[];
  capacity: CapacityConfig;
  karpenter: { capacityTypes: string[]; architectures: string[]; amiAlias: string };
  /** IAM role ARNs granted cluster admin through access entries (never the deploy role). */
  adminRoleArns: string[];
  publicAccessCidrs: string[];
  /**
   * The role `pulumi up` runs as: it creates the cluster and holds admin through EKS's
   * creator bootstrap, so it may not also have an access entry. Optional; README "Deploying".
   */
  deployRoleArn?: string;
  /** VPN/bastion CIDRs and security groups admitted to the private API endpoint on 443. */
  operatorAccess: OperatorSource[];
  /** A Route 53 Resolver inbound endpoint for the operator paths (VPN DNS forwarding). */
  resolverEndpoint: boolean;
  /** The region's deploy runner (a CodeBuild-hosted GitHub Actions runner); none when unset. */
  runner?: RunnerConfig;
}

export interface RunnerConfig {
  /** `https://github.com/<org>/<repo>`: the repository whose workflow jobs the runner takes. */
  repository: string;
  /** An AVAILABLE CodeConnections (or CodeStar Connections) connection to GitHub. */
  connectionArn: string;
}

export interface EdgeConfig {
  /** The shop's domain (`api.<domain>`, `www.<domain>`). Set on the primary; the standby reads it. */
  domain?: string;
  /** An existing Route 53 hosted zone for the domain; the primary creates one when unset. */
  zoneId?: string;
  /** API Gateway default-route throttling (requests per second, burst). */
  throttling: { rateLimit: number; burstLimit: number };
  /** Put a Global Accelerator in front of the regional entries. */
  globalAccelerator: boolean;
  /** Route 53 health check of the primary's regional API name. */
  healthCheck: { intervalSeconds: 10 | 30; failureThreshold: number; path: string };
  /** TTL of the `api.<domain>` failover records (seconds, at most 60). */
  recordTtlSeconds: number;
}

export interface MeshConfig {
  /** Hosts the shop's Istio Gateway serves; default: `api.<domain>` and `api-<region>.<domain>`. */
  hosts?: string[];
  /** OpenTelemetry collector (OTLP gRPC) for the mesh's traces. */
  tracing: { service: string; port: number };
  /** JWT issuer and JWKS URI (the edge's Cognito pool); without them protected paths stay closed. */
  jwt?: { issuer: string; jwksUri: string };
}

interface CommonConfig {
  /** The stack's region (`aws:region`). */
  region: string;
  /** Create the AWS FIS chaos-drill templates (`ecommerce:dr.fis`). */
  fis: boolean;
  edge: EdgeConfig;
  mesh: MeshConfig;
  /** Per-service overrides of the catalog (`ecommerce:services`). */
  services: Partial<Record<ServiceName, ServiceOverride>>;
  network: NetworkConfig;
  data: DataConfig;
  cluster: ClusterConfig;
  observability: ObservabilityConfig;
  /** Pulumi `protect` on stateful resources (`ecommerce:protect`). */
  protect: boolean;
}

export interface PrimaryConfig extends CommonConfig {
  role: "primary";
  /** Audit, detection, compliance and cost services (`ecommerce:governance`). */
  governance: PrimaryGovernance;
  dr: {
    /** Inverts the primary's health check so Route 53 serves the standby (a traffic drill). */
    drill: boolean;
    /**
     * Regions of the standbys. The primary replicates into them what a standby cannot create
     * itself: its secrets (with the secrets key) and its container images.
     */
    replicaRegions: string[];
  };
}

export interface StandbyConfig extends CommonConfig {
  role: "standby";
  /** Audit, detection, compliance and cost services of this region (`ecommerce:governance`). */
  governance: StandbyGovernance;
  dr: {
    mode: DrMode;
    /**
     * Minutes an operator needs to confirm a regional outage and run `pulumi up` with
     * dr.mode=failover: the manual step of the RTO model.
     */
    operatorMinutes: number;
    /** Fully qualified name of the primary stack (`org/project/stack`). */
    primaryStack: string;
  };
}

export type StackConfig = PrimaryConfig | StandbyConfig;

/**
 * The posture every layer sizes and wires itself by: the primary is always `active`, the standby
 * is in its DR mode.
 */
export function postureOf(cfg: StackConfig): "active" | DrMode {
  return cfg.role === "primary" ? "active" : cfg.dr.mode;
}

/** Whether the stack takes traffic: every posture but the resting standby. */
export function isServing(cfg: StackConfig): boolean {
  return postureOf(cfg) !== "standby";
}

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
const STACK_NAME_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function parseNetwork(
  read: ConfigReader,
  region: string | undefined,
  role: Role | undefined,
  mode: DrMode | undefined,
  problems: Problems,
): NetworkConfig {
  const key = "ecommerce:network";
  const raw = readObject(
    read,
    key,
    ["cidr", "azCount", "availabilityZones", "natGateways", "flowLogRetentionDays"],
    problems,
  );

  let cidr = "";
  if (typeof raw.cidr !== "string") {
    problems.add(
      `${key}.cidr`,
      `is required; use an IPv4 CIDR from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}, e.g. 10.10.0.0/16`,
    );
  } else {
    const parsed = tryParseCidr(raw.cidr);
    if (!parsed) {
      problems.add(
        `${key}.cidr`,
        `"${raw.cidr}" is not a valid IPv4 CIDR; use a.b.c.d/p with no host bits set, e.g. 10.10.0.0/16`,
      );
    } else if (parsed.prefix < MIN_VPC_PREFIX || parsed.prefix > MAX_VPC_PREFIX) {
      problems.add(
        `${key}.cidr`,
        `"${raw.cidr}" has prefix /${parsed.prefix}; accepted prefixes are /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}`,
      );
    } else {
      cidr = formatCidr(parsed);
    }
  }

  const minAz = role === "primary" ? 3 : 2;
  let azCount: number = DEFAULTS.azCount;
  if (raw.azCount !== undefined) {
    const n = asInteger(raw.azCount);
    if (n === undefined || n < minAz || n > MAX_AZS) {
      const why = role === "primary" ? " (the primary needs at least 3 AZs)" : "";
      problems.add(
        `${key}.azCount`,
        `${JSON.stringify(raw.azCount)} is not accepted; use an integer from ${minAz} to ${MAX_AZS}${why}`,
      );
    } else {
      azCount = n;
    }
  }

  let availabilityZones: string[] = [];
  if (region !== undefined) {
    if (raw.availabilityZones === undefined) {
      if (azCount > 3) {
        problems.add(
          `${key}.availabilityZones`,
          `is required when azCount is above 3: list ${azCount} AZ names of ${region} (not every region has a fourth AZ)`,
        );
      }
      // Every commercial region has AZs a, b and c; beyond that the names must be listed.
      availabilityZones = Array.from(
        { length: azCount },
        (_, i) => `${region}${String.fromCharCode(97 + i)}`,
      );
    } else if (
      !Array.isArray(raw.availabilityZones) ||
      raw.availabilityZones.some((z) => typeof z !== "string")
    ) {
      problems.add(
        `${key}.availabilityZones`,
        `must be a list of AZ names in ${region}, e.g. [${region}a, ${region}b, ${region}c]`,
      );
    } else {
      const zones = raw.availabilityZones as string[];
      const foreign = zones.filter((z) => !new RegExp(`^${region}[a-z]$`).test(z));
      if (foreign.length > 0) {
        problems.add(
          `${key}.availabilityZones`,
          `${foreign.join(", ")} ${foreign.length === 1 ? "is" : "are"} not AZ names in ${region}; use names like ${region}a`,
        );
      } else if (new Set(zones).size !== zones.length) {
        problems.add(`${key}.availabilityZones`, `lists an AZ twice; each AZ once`);
      } else if (zones.length < azCount) {
        problems.add(
          `${key}.availabilityZones`,
          `lists ${zones.length} AZs but azCount is ${azCount}; list at least azCount AZs`,
        );
      } else {
        availabilityZones = zones.slice(0, azCount);
      }
    }
  }

  // A standby at rest saves two NAT gateways; once it takes traffic it needs one per AZ again.
  let natGateways: NatGatewayMode = role === "standby" && mode === "standby" ? "single" : "perAz";
  if (raw.natGateways !== undefined) {
    natGateways =
      oneOf(raw.natGateways, NAT_GATEWAY_MODES, `${key}.natGateways`, problems) ?? natGateways;
  }

  const flowLogRetentionDays = readRetentionDays(
    raw,
    "flowLogRetentionDays",
    key,
    DEFAULTS.flowLogRetentionDays,
    problems,
  );

  return { cidr, azCount, availabilityZones, natGateways, flowLogRetentionDays };
}

const INSTANCE_CLASS = /^db\.[a-z0-9]+\.[a-z0-9]+$/;
const NODE_TYPE = /^cache\.[a-z0-9]+\.[a-z0-9]+$/;
const VERSION = /^\d+(\.\d+)*$/;

/**
 * The services authenticate to Valkey with IAM, which ElastiCache offers from Valkey 7.2
 * ("Authenticating with IAM", ElastiCache User Guide).
 */
const MIN_CACHE_VERSION = [7, 2];

function readCacheVersion(
  cache: RawObject,
  key: string,
  fallback: string,
  problems: Problems,
): string {
  const version = readPattern(cache, "engineVersion", key, VERSION, "8.0", fallback, problems);
  const [major, minor = 0] = version.split(".").map(Number);
  if (
    major < MIN_CACHE_VERSION[0] ||
    (major === MIN_CACHE_VERSION[0] && minor < MIN_CACHE_VERSION[1])
  ) {
    problems.add(
      `${key}.engineVersion`,
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
function readMaxRpo(
  aurora: RawObject,
  key: string,
  primary: boolean,
  problems: Problems,
): { maxRpoSeconds?: number } {
  if (aurora.maxRpoSeconds === undefined) return {};
  if (!primary) {
    problems.add(
      `${key}.maxRpoSeconds`,
      "is set on the primary stack only (it bounds the primary's commits; a standby keeps the default)",
    );
    return {};
  }
  const value = readInteger(aurora, "maxRpoSeconds", key, 20, 2147483647, 0, problems);
  return value === 0 ? {} : { maxRpoSeconds: value };
}

function parseData(read: ConfigReader, role: Role | undefined, problems: Problems): DataConfig {
  const key = "ecommerce:data";
  const raw = readObject(read, key, ["aurora", "cache", "queues"], problems);
  const d = DEFAULTS.data;
  const primary = role === "primary";
  const minimum = primary ? 2 : 1;
  const ha = primary ? " (the primary needs at least 2 for a failover target in another AZ)" : "";

  const aurora = readSection(
    raw,
    key,
    "aurora",
    ["instanceClass", "instances", "engineVersion", "backupDays", "maxRpoSeconds"],
    problems,
  );
  const cache = readSection(raw, key, "cache", ["nodeType", "nodes", "engineVersion"], problems);
  const queues = readSection(raw, key, "queues", ["maxReceiveCount"], problems);

  return {
    aurora: {
      instanceClass: readPattern(
        aurora,
        "instanceClass",
        `${key}.aurora`,
        INSTANCE_CLASS,
        "db.r7g.large",
        d.auroraInstanceClass,
        problems,
      ),
      instances: readInteger(
        aurora,
        "instances",
        `${key}.aurora`,
        minimum,
        15,
        d.auroraInstances,
        problems,
        ha,
      ),
      engineVersion: readPattern(
        aurora,
        "engineVersion",
        `${key}.aurora`,
        VERSION,
        "16.4",
        d.auroraEngineVersion,
        problems,
      ),
      backupDays: readInteger(aurora, "backupDays", `${key}.aurora`, 1, 35, d.backupDays, problems),
      ...readMaxRpo(aurora, `${key}.aurora`, primary, problems),
    },
    cache: {
      nodeType: readPattern(
        cache,
        "nodeType",
        `${key}.cache`,
        NODE_TYPE,
        "cache.r7g.large",
        d.cacheNodeType,
        problems,
      ),
      nodes: readInteger(
        cache,
        "nodes",
        `${key}.cache`,
        2,
        6,
        d.cacheNodes,
        problems,
        " (Multi-AZ failover needs a replica)",
      ),
      engineVersion: readCacheVersion(cache, `${key}.cache`, d.cacheEngineVersion, problems),
    },
    queues: {
      maxReceiveCount: readInteger(
        queues,
        "maxReceiveCount",
        `${key}.queues`,
        1,
        1000,
        d.maxReceiveCount,
        problems,
      ),
    },
  };
}

const ADDON_VERSION = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;
/** Graviton families carry a "g" after the generation: m7g, c7gn, r8g. */
const GRAVITON_TYPE = /^[a-z]+\d+g[a-z]*\.[a-z0-9]+$/;
const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const AMI_ALIAS = /^(al2023|bottlerocket)@(latest|v\d+(\.\d+)*)$/;

/** A level's system node floors: `min` and `desired`, each `minNodes`–100, min ≤ desired. */
function readFloors(
  system: RawObject,
  key: string,
  fallback: Omit<Scaling, "max">,
  problems: Problems,
  minNodes: number,
): Omit<Scaling, "max"> {
  const min = readInteger(system, "min", key, minNodes, 100, fallback.min, problems);
  const desired = readInteger(system, "desired", key, minNodes, 100, fallback.desired, problems);
  return { min, desired };
}

function checkOrder(s: Scaling, key: string, problems: Problems): void {
  if (!(s.min <= s.desired && s.desired <= s.max)) {
    problems.add(
      key,
      `min ${s.min}, desired ${s.desired}, max ${s.max}: need min <= desired <= max`,
    );
  }
}

/**
 * `capacity.full` (floors and ceilings) and `capacity.reduced` (a resting standby's floors: its
 * ceilings are full's, so it scales up without a `pulumi up`).
 */
function readCapacity(
  raw: RawObject,
  key: string,
  fallback: CapacityConfig,
  problems: Problems,
  minNodes: number,
): CapacityConfig {
  const fullRaw = readSection(raw, key, "full", ["system", "karpenter"], problems);
  const fullKey = `${key}.full`;
  const system = readSection(fullRaw, fullKey, "system", ["min", "desired", "max"], problems);
  const karpenter = readSection(fullRaw, fullKey, "karpenter", ["cpu", "memoryGiB"], problems);
  const full: CapacityProfile = {
    system: {
      ...readFloors(system, `${fullKey}.system`, fallback.full.system, problems, minNodes),
      max: readInteger(
        system,
        "max",
        `${fullKey}.system`,
        minNodes,
        100,
        fallback.full.system.max,
        problems,
      ),
    },
    karpenter: {
      cpu: readInteger(
        karpenter,
        "cpu",
        `${fullKey}.karpenter`,
        1,
        100000,
        fallback.full.karpenter.cpu,
        problems,
      ),
      memoryGiB: readInteger(
        karpenter,
        "memoryGiB",
        `${fullKey}.karpenter`,
        1,
        1000000,
        fallback.full.karpenter.memoryGiB,
        problems,
      ),
    },
  };
  checkOrder(full.system, `${fullKey}.system`, problems);
  const reducedKey = `${key}.reduced`;
  // Only floors: a reduced ceiling (system.max, karpenter) is refused as an unknown key.
  const reducedRaw = readSection(raw, key, "reduced", ["system"], problems);
  const reducedSystem = readSection(reducedRaw, reducedKey, "system", ["min", "desired"], problems);
  const reduced = {
    system: readFloors(
      reducedSystem,
      `${reducedKey}.system`,
      fallback.reduced.system,
      problems,
      minNodes,
    ),
  };
  checkOrder({ ...reduced.system, max: full.system.max }, `${reducedKey}.system`, problems);
  return { full, reduced };
}

function parseCluster(read: ConfigReader, problems: Problems): ClusterConfig {
  const key = "ecommerce:cluster";
  const d = DEFAULTS.cluster;
  const raw = readObject(
    read,
    key,
    [
      "version",
      "addonVersions",
      "systemInstanceTypes",
      "capacity",
      "karpenter",
      "adminRoleArns",
      "publicAccessCidrs",
      "deployRoleArn",
      "operatorAccess",
      "runner",
      "resolverEndpoint",
    ],
    problems,
  );

  let version: string = d.version;
  if (raw.version !== undefined) {
    if (typeof raw.version !== "string" || !SUPPORTED_KUBERNETES_VERSIONS.includes(raw.version)) {
      problems.add(
        `${key}.version`,
        `${JSON.stringify(raw.version)} is not a supported Kubernetes version; use one of ${SUPPORTED_KUBERNETES_VERSIONS.join(" | ")}`,
      );
    } else {
      version = raw.version;
    }
  }
  const addonKeys = Object.keys(d.addonVersions) as (keyof AddonVersions)[];
  const addonRaw = readSection(raw, key, "addonVersions", addonKeys, problems);
  const addonVersions = Object.fromEntries(
    addonKeys.map((k) => [
      k,
      readPattern(
        addonRaw,
        k,
        `${key}.addonVersions`,
        ADDON_VERSION,
        d.addonVersions[k],
        d.addonVersions[k],
        problems,
      ),
    ]),
  ) as unknown as AddonVersions;

  const capacityRaw = readSection(raw, key, "capacity", ["full", "reduced"], problems);

  const karpenter = readSection(
    raw,
    key,
    "karpenter",
    ["capacityTypes", "architectures", "amiAlias"],
    problems,
  );
  return {
    version,
    addonVersions,
    systemInstanceTypes: readList(
      raw,
      "systemInstanceTypes",
      key,
      (t) => GRAVITON_TYPE.test(t),
      "Graviton instance types, e.g. [m7g.large, m7g.xlarge]",
      [...d.systemInstanceTypes],
      problems,
    ),
    // Two system nodes at least, in any posture: critical add-ons must survive one node's loss.
    capacity: readCapacity(capacityRaw, `${key}.capacity`, d.capacity, problems, 2),
    karpenter: {
      capacityTypes: readList(
        karpenter,
        "capacityTypes",
        `${key}.karpenter`,
        (v) => ["on-demand", "spot"].includes(v),
        "a non-empty subset of [on-demand, spot]",
        [...d.capacityTypes],
        problems,
      ),
      architectures: readList(
        karpenter,
        "architectures",
        `${key}.karpenter`,
        (v) => ["arm64", "amd64"].includes(v),
        "a non-empty subset of [arm64, amd64]",
        [...d.architectures],
        problems,
      ),
      amiAlias: readPattern(
        karpenter,
        "amiAlias",
        `${key}.karpenter`,
        AMI_ALIAS,
        "al2023@latest or al2023@v20251117",
        d.amiAlias,
        problems,
      ),
    },
    ...readAccess(raw, key, problems),
    runner: readRunner(raw, key, problems),
  };
}

/** Who reaches the cluster: admin roles, the deploy role, endpoint CIDRs and operator paths. */
function readAccess(
  raw: RawObject,
  key: string,
  problems: Problems,
): Pick<
  ClusterConfig,
  "adminRoleArns" | "publicAccessCidrs" | "deployRoleArn" | "operatorAccess" | "resolverEndpoint"
> {
  const adminRoleArns = readList(
    raw,
    "adminRoleArns",
    key,
    (a) => ROLE_ARN.test(a),
    "IAM role ARNs, e.g. [arn:aws:iam::123456789012:role/platform-admin]",
    [],
    problems,
    true,
  );
  const publicAccessCidrs = readList(
    raw,
    "publicAccessCidrs",
    key,
    (c) => {
      const parsed = tryParseCidr(c);
      return parsed !== undefined && parsed.prefix >= 8;
    },
    "operator CIDRs no wider than /8 (never 0.0.0.0/0), or [] for a private endpoint only",
    [],
    problems,
    true,
  );
  let deployRoleArn: string | undefined;
  if (raw.deployRoleArn !== undefined) {
    if (typeof raw.deployRoleArn !== "string" || !ROLE_ARN.test(raw.deployRoleArn)) {
      problems.add(
        `${key}.deployRoleArn`,
        `${JSON.stringify(raw.deployRoleArn)} is not accepted; use the IAM role ARN deployments run as, e.g. arn:aws:iam::123456789012:role/ecommerce-deploy`,
      );
    } else if (adminRoleArns.includes(raw.deployRoleArn)) {
      // EKS already grants the creator admin (pulumi-eks 4.3.0 sets
      // bootstrapClusterCreatorAdminPermissions); a second access entry for it is refused.
      problems.add(
        `${key}.adminRoleArns`,
        `contains ${raw.deployRoleArn}, which is ${key}.deployRoleArn: the role that creates the cluster is admin through EKS's creator bootstrap, and a second access entry for it fails ("access entry resource is already in use"); remove it from ${key}.adminRoleArns`,
      );
    } else {
      deployRoleArn = raw.deployRoleArn;
    }
  }
  const operatorAccess = readList(
    raw,
    "operatorAccess",
    key,
    (v) => parseOperatorSource(v) !== undefined,
    `VPN/bastion IPv4 CIDRs no wider than /${MIN_OPERATOR_PREFIX} (never 0.0.0.0/0) and security-group ids (sg-0123456789abcdef0), or []`,
    [],
    problems,
    true,
  ).map((v) => parseOperatorSource(v) as OperatorSource);
  let resolverEndpoint = false;
  if (raw.resolverEndpoint !== undefined) {
    resolverEndpoint = asBoolean(raw.resolverEndpoint) ?? false;
    if (asBoolean(raw.resolverEndpoint) === undefined) {
      problems.add(
        `${key}.resolverEndpoint`,
        `${JSON.stringify(raw.resolverEndpoint)} is not accepted; use true or false`,
      );
    } else if (resolverEndpoint && operatorAccess.length === 0) {
      problems.add(
        `${key}.resolverEndpoint`,
        `answers only the operator paths; set ${key}.operatorAccess (VPN CIDRs or bastion groups) with it`,
      );
    }
  }
  return { adminRoleArns, publicAccessCidrs, deployRoleArn, operatorAccess, resolverEndpoint };
}

const GITHUB_REPOSITORY =
  /^https:\/\/github\.com\/[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const CONNECTION_ARN =
  /^arn:aws:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/;

/** `ecommerce:cluster.runner`: both fields, or no key at all (no runner). */
function readRunner(raw: RawObject, key: string, problems: Problems): RunnerConfig | undefined {
  if (raw.runner === undefined) return undefined;
  const at = `${key}.runner`;
  const runner = readSection(raw, key, "runner", ["repository", "connectionArn"], problems);
  const field = (name: "repository" | "connectionArn", pattern: RegExp, example: string) => {
    if (runner[name] === undefined) {
      problems.add(`${at}.${name}`, `is required with a runner; use ${example}`);
      return "";
    }
    return readPattern(runner, name, at, pattern, example, "", problems);
  };
  const repository = field("repository", GITHUB_REPOSITORY, "https://github.com/<org>/<repo>");
  const connectionArn = field(
    "connectionArn",
    CONNECTION_ARN,
    "the ARN of an authorized CodeConnections connection to GitHub, e.g. arn:aws:codeconnections:ap-south-1:123456789012:connection/0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d",
  );
  return repository && connectionArn ? { repository, connectionArn } : undefined;
}

const HOSTNAME = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)$/;

const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/;

function parseEdge(read: ConfigReader, role: Role | undefined, problems: Problems): EdgeConfig {
  const key = "ecommerce:edge";
  const d = EDGE_DEFAULTS;
  const raw = readObject(
    read,
    key,
    ["domain", "zoneId", "healthCheck", "recordTtlSeconds", "throttling", "globalAccelerator"],
    problems,
  );
  if (role === "primary" && raw.domain === undefined) {
    problems.add(
      `${key}.domain`,
      "is required on the primary; use the shop's DNS name, e.g. shop.example.com",
    );
  }
  if (role === "standby") {
    for (const k of ["domain", "zoneId"]) {
      if (raw[k] !== undefined)
        problems.add(
          `${key}.${k}`,
          "is set on the primary only; the standby reads it through the StackReference",
        );
    }
  }
  let zoneId: string | undefined;
  if (raw.zoneId !== undefined) {
    if (typeof raw.zoneId !== "string" || !/^Z[A-Z0-9]{8,32}$/.test(raw.zoneId)) {
      problems.add(
        `${key}.zoneId`,
        `${JSON.stringify(raw.zoneId)} is not accepted; use a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ`,
      );
    } else {
      zoneId = raw.zoneId;
    }
  }
  const throttlingRaw = readSection(raw, key, "throttling", ["rateLimit", "burstLimit"], problems);
  let globalAccelerator = false;
  if (raw.globalAccelerator !== undefined) {
    const b = asBoolean(raw.globalAccelerator);
    if (b === undefined)
      problems.add(
        `${key}.globalAccelerator`,
        `${JSON.stringify(raw.globalAccelerator)} is not accepted; use true | false`,
      );
    else globalAccelerator = b;
  }
  let domain: string | undefined;
  if (raw.domain !== undefined) {
    if (typeof raw.domain !== "string" || !DOMAIN.test(raw.domain)) {
      problems.add(
        `${key}.domain`,
        `${JSON.stringify(raw.domain)} is not accepted; use a lower-case DNS name, e.g. shop.example.com`,
      );
    } else {
      domain = raw.domain;
    }
  }
  const hc = readSection(
    raw,
    key,
    "healthCheck",
    ["intervalSeconds", "failureThreshold", "path"],
    problems,
  );
  let intervalSeconds: 10 | 30 = d.healthCheck.intervalSeconds;
  if (hc.intervalSeconds !== undefined) {
    const n = asInteger(hc.intervalSeconds);
    if (n !== 10 && n !== 30) {
      problems.add(
        `${key}.healthCheck.intervalSeconds`,
        `${JSON.stringify(hc.intervalSeconds)} is not accepted; Route 53 checks every 10 or 30 seconds`,
      );
    } else {
      intervalSeconds = n;
    }
  }
  return {
    domain,
    zoneId,
    throttling: {
      rateLimit: readInteger(
        throttlingRaw,
        "rateLimit",
        `${key}.throttling`,
        1,
        100000,
        d.throttling.rateLimit,
        problems,
      ),
      burstLimit: readInteger(
        throttlingRaw,
        "burstLimit",
        `${key}.throttling`,
        1,
        100000,
        d.throttling.burstLimit,
        problems,
      ),
    },
    globalAccelerator,
    healthCheck: {
      intervalSeconds,
      failureThreshold: readInteger(
        hc,
        "failureThreshold",
        `${key}.healthCheck`,
        1,
        10,
        d.healthCheck.failureThreshold,
        problems,
      ),
      path: readPattern(
        hc,
        "path",
        `${key}.healthCheck`,
        /^\/[\w./-]*$/,
        "/healthz",
        d.healthCheck.path,
        problems,
      ),
    },
    // Resolvers keep a failover record for its TTL: above a minute, failover itself slows down.
    recordTtlSeconds: readInteger(
      raw,
      "recordTtlSeconds",
      key,
      1,
      60,
      d.recordTtlSeconds,
      problems,
      " (a failover record's TTL bounds how fast clients move)",
    ),
  };
}

/**
 * `<name>.observability.svc.cluster.local`: the collector's in-cluster DNS name. The name is also
 * the collector's Helm release, so it is at most a release name long.
 */
const COLLECTOR_SERVICE = new RegExp(
  `^[a-z]([a-z0-9-]{0,${MAX_RELEASE_NAME - 2}}[a-z0-9])?\\.${NAMESPACES.observability.name}\\.svc\\.cluster\\.local$`,
);

/** Where the mesh sends traces: the collector the observability component deploys there. */
function parseTracing(raw: RawObject, key: string, problems: Problems): MeshConfig["tracing"] {
  const d = MESH_DEFAULTS.tracing;
  const tracingRaw = readSection(raw, key, "tracing", ["service", "port"], problems);
  const service = readPattern(
    tracingRaw,
    "service",
    `${key}.tracing`,
    COLLECTOR_SERVICE,
    `${d.service} (a Service in the ${NAMESPACES.observability.name} namespace, where the collector is deployed; its first label at most ${MAX_RELEASE_NAME} characters)`,
    d.service,
    problems,
  );
  const [name] = service.split(".");
  const taken = Object.values(RELEASES).find((r) => name === r || name.startsWith(`${r}-`));
  if (taken) {
    problems.add(
      `${key}.tracing.service`,
      `"${service}" is not accepted: "${name}" would clash with the ${taken} release and the objects its chart names after it; choose another name, e.g. ${d.service}`,
    );
  }
  const port = readInteger(tracingRaw, "port", `${key}.tracing`, 1, 65535, d.port, problems);
  if (port === OTLP_HTTP_PORT) {
    problems.add(
      `${key}.tracing.port`,
      `${port} is not accepted: the collector's Service already serves OTLP/HTTP there; the mesh sends OTLP/gRPC, use e.g. ${d.port}`,
    );
  }
  return { service, port };
}

function parseMesh(read: ConfigReader, problems: Problems): MeshConfig {
  const key = "ecommerce:mesh";
  const raw = readObject(read, key, ["hosts", "tracing", "jwtIssuer", "jwksUri"], problems);
  const hosts =
    raw.hosts === undefined
      ? undefined
      : readList(
          raw,
          "hosts",
          key,
          (h) => HOSTNAME.test(h),
          "host names, e.g. [api.shop.example.com]",
          [],
          problems,
        );
  const tracing = parseTracing(raw, key, problems);
  const https = /^https:\/\/[^\s]+$/;
  const issuer = raw.jwtIssuer;
  const jwks = raw.jwksUri;
  if ((issuer === undefined) !== (jwks === undefined)) {
    problems.add(
      `${key}.${issuer === undefined ? "jwtIssuer" : "jwksUri"}`,
      "is required with the other: set both jwtIssuer and jwksUri, or neither",
    );
    return { hosts, tracing };
  }
  if (issuer === undefined) return { hosts, tracing };
  const ok =
    typeof issuer === "string" &&
    https.test(issuer) &&
    typeof jwks === "string" &&
    https.test(jwks);
  if (!ok) {
    problems.add(
      `${key}.jwtIssuer`,
      "jwtIssuer and jwksUri must be https:// URLs, e.g. https://cognito-idp.ap-south-1.amazonaws.com/<pool-id>",
    );
    return { hosts, tracing };
  }
  return { hosts, tracing, jwt: { issuer: issuer as string, jwksUri: jwks as string } };
}

/**
 * Parses and validates the whole stack configuration.
 * @throws ConfigError listing every problem, each prefixed with its config key.
 */
/** Every `ecommerce:` key the program reads; any other is a typo or a stale setting. */
export const ECOMMERCE_KEYS = [
  "ecommerce:role",
  "ecommerce:protect",
  "ecommerce:network",
  "ecommerce:data",
  "ecommerce:cluster",
  "ecommerce:mesh",
  "ecommerce:services",
  "ecommerce:edge",
  "ecommerce:dr",
  "ecommerce:observability",
  "ecommerce:governance",
] as const;

/**
 * Parses the stack's config through `read`. `presentKeys` are the keys the stack sets (Pulumi's
 * `runtime.allConfig()`): an `ecommerce:` key the program does not read is an error naming the
 * nearest known key, so a misspelled section is not silently ignored.
 */
export function parseStackConfig(
  read: ConfigReader,
  presentKeys: readonly string[] = [],
): StackConfig {
  const problems = new Problems();
  for (const key of presentKeys.filter((k) => k.startsWith("ecommerce:"))) {
    if ((ECOMMERCE_KEYS as readonly string[]).includes(key)) continue;
    const names = ECOMMERCE_KEYS.map((k) => k.slice("ecommerce:".length));
    const guess = nearest(key.slice("ecommerce:".length), names);
    problems.add(
      key,
      `is not a key of this program${guess ? `; did you mean ecommerce:${guess}?` : "."} The ecommerce: keys are ${names.join(", ")}`,
    );
  }

  const region = read("aws:region");
  if (region === undefined || region === "") {
    problems.add("aws:region", "is required; set the stack's AWS region, e.g. ap-south-1");
  } else if (!REGION_PATTERN.test(region)) {
    problems.add("aws:region", `"${region}" is not an AWS region name; use e.g. ap-south-1`);
  }
  const validRegion = region !== undefined && REGION_PATTERN.test(region) ? region : undefined;

  const roleText = read("ecommerce:role");
  let role: Role | undefined;
  if (roleText === undefined) {
    problems.add("ecommerce:role", `is required; use one of ${ROLES.join(" | ")}`);
  } else {
    role = oneOf(roleText, ROLES, "ecommerce:role", problems);
  }

  const dr = readObject(
    read,
    "ecommerce:dr",
    ["mode", "drill", "primaryStack", "replicaRegions", "operatorMinutes", "fis"],
    problems,
  );
  let mode: DrMode | undefined;
  let drill: boolean = DEFAULTS.drill;
  let primaryStack: string = DEFAULTS.primaryStack;
  let operatorMinutes = EDGE_DEFAULTS.operatorMinutes;
  let fis = false;
  if (dr.fis !== undefined) {
    const b = asBoolean(dr.fis);
    if (b === undefined)
      problems.add(
        "ecommerce:dr.fis",
        `${JSON.stringify(dr.fis)} is not accepted; use true | false`,
      );
    else fis = b;
  }
  if (dr.operatorMinutes !== undefined) {
    if (role !== "standby") {
      problems.add(
        "ecommerce:dr.operatorMinutes",
        "is for the standby only: it estimates the manual step of its failover",
      );
    } else {
      operatorMinutes = readInteger(
        dr,
        "operatorMinutes",
        "ecommerce:dr",
        0,
        120,
        operatorMinutes,
        problems,
      );
    }
  }
  let replicaRegions: string[] = [];
  if (role === "primary") {
    if (dr.replicaRegions !== undefined) {
      const regions = dr.replicaRegions;
      if (
        !Array.isArray(regions) ||
        regions.some((r) => typeof r !== "string" || !REGION_PATTERN.test(r) || r === region)
      ) {
        problems.add(
          "ecommerce:dr.replicaRegions",
          `${JSON.stringify(regions)} is not accepted; use a list of other AWS regions, e.g. [ap-southeast-1]`,
        );
      } else {
        replicaRegions = regions as string[];
      }
    }
    if (dr.mode !== undefined) {
      problems.add(
        "ecommerce:dr.mode",
        `is for the standby only; a primary is always active (use ecommerce:dr.drill to rehearse failover)`,
      );
    }
    if (dr.primaryStack !== undefined) {
      problems.add(
        "ecommerce:dr.primaryStack",
        `is for the standby only; remove it from the primary`,
      );
    }
    if (dr.drill !== undefined) {
      const b = asBoolean(dr.drill);
      if (b === undefined) {
        problems.add(
          "ecommerce:dr.drill",
          `${JSON.stringify(dr.drill)} is not accepted; use true | false`,
        );
      } else {
        drill = b;
      }
    }
  } else if (role === "standby") {
    if (dr.replicaRegions !== undefined) {
      problems.add(
        "ecommerce:dr.replicaRegions",
        "is for the primary only; it lists the regions the primary replicates to",
      );
    }
    mode =
      dr.mode === undefined
        ? DEFAULTS.drMode
        : oneOf(dr.mode, DR_MODES, "ecommerce:dr.mode", problems);
    if (dr.drill !== undefined) {
      problems.add(
        "ecommerce:dr.drill",
        `is for the primary only; on the standby use ecommerce:dr.mode (${DR_MODES.join(" | ")})`,
      );
    }
    if (dr.primaryStack === undefined) {
      problems.add(
        "ecommerce:dr.primaryStack",
        `is required for a standby; use the primary's fully qualified name, e.g. ${DEFAULTS.primaryStack}`,
      );
    } else if (typeof dr.primaryStack !== "string" || !STACK_NAME_PATTERN.test(dr.primaryStack)) {
      problems.add(
        "ecommerce:dr.primaryStack",
        `${JSON.stringify(dr.primaryStack)} is not accepted; use org/project/stack, e.g. ${DEFAULTS.primaryStack}`,
      );
    } else {
      primaryStack = dr.primaryStack;
    }
  }

  const network = parseNetwork(read, validRegion, role, mode, problems);
  const data = parseData(read, role, problems);
  const cluster = parseCluster(read, problems);
  const mesh = parseMesh(read, problems);
  const edge = parseEdge(read, role, problems);
  const services = parseServices(read, role, problems);
  const observability = parseObservability(read, problems);
  const protect = readBoolean(read, "ecommerce:protect", DEFAULTS.protect, problems);
  const governance = role ? parseGovernance(read, role, problems) : undefined;

  if (problems.list.length > 0 || validRegion === undefined || role === undefined) {
    throw new ConfigError(problems.list);
  }
  const common = {
    region: validRegion,
    fis,
    network,
    data,
    cluster,
    edge,
    mesh,
    services,
    observability,
    protect,
  };
  return role === "primary"
    ? {
        ...common,
        role,
        governance: governance as PrimaryGovernance,
        dr: { drill, replicaRegions },
      }
    : {
        ...common,
        role,
        governance: governance as StandbyGovernance,
        dr: { mode: mode ?? DEFAULTS.drMode, primaryStack, operatorMinutes },
      };
}

/**
 * The standby's VPC must not overlap the primary's: they are peered or routed to each other
 * during a failover, and replication endpoints must stay distinguishable.
 * @throws ConfigError naming `ecommerce:network.cidr`.
 */
export function assertNoOverlapWithPrimary(standbyCidr: string, primaryCidr: string): void {
  if (overlaps(parseCidr(standbyCidr), parseCidr(primaryCidr))) {
    throw new ConfigError([
      `ecommerce:network.cidr: ${standbyCidr} overlaps the primary's VPC ${primaryCidr}; choose a block that does not overlap it, e.g. 10.20.0.0/16`,
    ]);
  }
}

/**
 * The standby reads the primary's secrets and images through their replicas in its own region,
 * so the primary must replicate them here.
 * @throws ConfigError naming the primary's `ecommerce:dr.replicaRegions`.
 */
export function assertReplicatedHere(standbyRegion: string, primaryReplicaRegions: string[]): void {
  if (!primaryReplicaRegions.includes(standbyRegion)) {
    throw new ConfigError([
      `ecommerce:dr.replicaRegions (on the primary stack): ${JSON.stringify(primaryReplicaRegions)} does not include ${standbyRegion}; add it there and run the primary first`,
    ]);
  }
}
