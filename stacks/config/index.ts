/**
 * The typed stack configuration: parsed once from Pulumi config, validated, defaulted.
 *
 * This module is pure: it takes a reader function instead of calling `new pulumi.Config()`, so the
 * same parser serves `pulumi up`, the offline engine and the table tests. Each `ecommerce:` section
 * has its own module here (network.ts, data.ts, cluster.ts, mesh.ts, services.ts, edge.ts, dr.ts,
 * observability.ts, governance.ts), which exports its type, its defaults, its spec (every key with
 * a one-line description: `docs/configuration.md` is generated from the specs) and its parser.
 * Every error names the config key and what is accepted, and all problems are reported at once,
 * before a single resource is registered.
 */
import { overlaps, parseCidr } from "../../components/network/cidr";
import { ServiceName, ServiceOverride } from "../../services/catalog";
import { CLUSTER_SPEC, ClusterConfig, parseCluster } from "./cluster";
import { AWS_SPEC, PROTECT_SPEC, ROLE_SPEC, parseProtect, parseRegion, parseRole } from "./common";
import { DATA_SPEC, DataConfig, parseData } from "./data";
import { DR_SPEC, DrMode, PrimaryDr, StandbyDr, parseDr } from "./dr";
import { EDGE_SPEC, EdgeConfig, parseEdge } from "./edge";
import {
  PrimaryGovernance,
  StandbyGovernance,
  GOVERNANCE_SPEC,
  parseGovernance,
} from "./governance";
import { IDENTITY_SPEC, IdentityConfig, parseIdentity } from "./identity";
import { MESH_SPEC, MeshConfig, parseMesh } from "./mesh";
import { NETWORK_SPEC, NetworkConfig, parseNetwork } from "./network";
import { OBSERVABILITY_SPEC, ObservabilityConfig, parseObservability } from "./observability";
import { ConfigError, ConfigReader, Problems, nearest } from "./readers";
import { SERVICES_SPEC, parseServices } from "./services";
import { KeySpec, Spec } from "./spec";

export { ConfigError, ConfigReader, LOG_RETENTION_DAYS } from "./readers";
export { ROLES, Role, COMMON_DEFAULTS } from "./common";
export {
  ClusterConfig,
  CLUSTER_DEFAULTS,
  RunnerConfig,
  SUPPORTED_KUBERNETES_VERSIONS,
} from "./cluster";
export { DataConfig, DATA_DEFAULTS } from "./data";
export { DR_DEFAULTS, DR_MODES, DrMode } from "./dr";
export { EDGE_DEFAULTS, EdgeConfig } from "./edge";
export { GOVERNANCE_DEFAULTS } from "./governance";
export { IDENTITY_DEFAULTS, IdentityConfig, jwksProblem } from "./identity";
export { MESH_DEFAULTS, MeshConfig } from "./mesh";
export { NAT_GATEWAY_MODES, NETWORK_DEFAULTS, NatGatewayMode, NetworkConfig } from "./network";
export { OBSERVABILITY_DEFAULTS, ObservabilityConfig } from "./observability";

/**
 * Every `ecommerce:` key, with its spec. The unknown-key check, the sections' parsers and
 * `docs/configuration.md` all read this one table. A new section goes here (in the order the
 * unknown-key error lists the keys); a new key goes in its section's spec.
 */
export const ECOMMERCE_SPEC = {
  role: ROLE_SPEC,
  protect: PROTECT_SPEC,
  network: NETWORK_SPEC,
  data: DATA_SPEC,
  cluster: CLUSTER_SPEC,
  mesh: MESH_SPEC,
  services: SERVICES_SPEC,
  edge: EDGE_SPEC,
  dr: DR_SPEC,
  observability: OBSERVABILITY_SPEC,
  governance: GOVERNANCE_SPEC,
  identity: IDENTITY_SPEC,
} as const satisfies Spec;

/** Every key the program reads, by namespace: what the configuration reference lists. */
export const CONFIG_SPEC: Readonly<Record<"aws" | "ecommerce", KeySpec>> = {
  aws: { keys: AWS_SPEC },
  ecommerce: { keys: ECOMMERCE_SPEC },
};

/** Every `ecommerce:` key the program reads; any other is a typo or a stale setting. */
export const ECOMMERCE_KEYS = Object.keys(ECOMMERCE_SPEC).map((k) => `ecommerce:${k}`);

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
  /** The primary's edge always has the shop's domain (required there). */
  edge: EdgeConfig & { domain: string };
  /** Audit, detection, compliance and cost services (`ecommerce:governance`). */
  governance: PrimaryGovernance;
  /** Who signs the shoppers' tokens and their public keys (`ecommerce:identity`). */
  identity: IdentityConfig;
  dr: PrimaryDr;
}

export interface StandbyConfig extends CommonConfig {
  role: "standby";
  /** Audit, detection, compliance and cost services of this region (`ecommerce:governance`). */
  governance: StandbyGovernance;
  dr: StandbyDr;
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

/** An `ecommerce:` key the program does not read is an error naming the nearest known key. */
function checkUnknownKeys(presentKeys: readonly string[], problems: Problems): void {
  const names = Object.keys(ECOMMERCE_SPEC);
  for (const key of presentKeys.filter((k) => k.startsWith("ecommerce:"))) {
    const name = key.slice("ecommerce:".length);
    if (names.includes(name)) continue;
    const guess = nearest(name, names);
    problems.add(
      key,
      `is not a key of this program${guess ? `; did you mean ecommerce:${guess}?` : "."} The ecommerce: keys are ${names.join(", ")}`,
    );
  }
}

/**
 * Parses the stack's config through `read`. `presentKeys` are the keys the stack sets (Pulumi's
 * `runtime.allConfig()`): an `ecommerce:` key the program does not read is an error naming the
 * nearest known key, so a misspelled section is not silently ignored.
 * @throws ConfigError listing every problem, each prefixed with its config key.
 */
export function parseStackConfig(
  read: ConfigReader,
  presentKeys: readonly string[] = [],
): StackConfig {
  const problems = new Problems();
  checkUnknownKeys(presentKeys, problems);
  const ctx = { read, problems };
  const region = parseRegion(ctx);
  const role = parseRole(ctx);
  const dr = parseDr({ ...ctx, region, role });
  const mode = role === "standby" ? dr.mode : undefined;

  const network = parseNetwork({ ...ctx, region, role, mode });
  const data = parseData({ ...ctx, role });
  const cluster = parseCluster(ctx);
  const mesh = parseMesh(ctx);
  const edge = parseEdge({ ...ctx, role });
  const services = parseServices({ ...ctx, role });
  const observability = parseObservability(ctx);
  const protect = parseProtect(ctx);
  const governance = role ? parseGovernance({ ...ctx, role }) : undefined;
  const identity = parseIdentity({ ...ctx, role });

  if (problems.list.length > 0 || region === undefined || role === undefined) {
    throw new ConfigError(problems.list);
  }
  const common = {
    region,
    fis: dr.fis,
    network,
    data,
    cluster,
    edge,
    mesh,
    services,
    observability,
    protect,
  };
  if (role === "primary") {
    const { domain } = edge;
    // parseEdge reported a missing domain on the primary above; this narrows the type.
    if (domain === undefined) throw new ConfigError(problems.list);
    return {
      ...common,
      edge: { ...edge, domain },
      role,
      governance: governance as PrimaryGovernance,
      identity,
      dr: { drill: dr.drill, replicaRegions: dr.replicaRegions },
    };
  }
  return {
    ...common,
    role,
    governance: governance as StandbyGovernance,
    dr: {
      mode: dr.mode,
      primaryStack: dr.primaryStack,
      operatorMinutes: dr.operatorMinutes,
      approval: dr.approval,
      autoFailover: dr.autoFailover,
    },
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
