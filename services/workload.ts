/**
 * What a service's pods are given and what they must answer, as data: the container environment
 * per binding, the container's ports, probes and Prometheus annotations, all derived from the
 * track's contract. Pure, so the tests read exactly what Kubernetes will be given.
 */
import { DEMO_IMAGE, ServiceContract, ServiceName, ServiceSpec } from "./catalog";
import { databaseName } from "./databaseSql";
import { podScrapeAnnotations } from "../components/shared/scrape";

/** The Istio agent's port: Prometheus scrapes the merged app and proxy metrics there. */
export const ISTIO_AGENT_PORT = 15020;

/** Pod Security `restricted`: every pod the services create (Deployments and Jobs) runs so. */
export const POD_SECURITY = {
  runAsNonRoot: true,
  runAsUser: 10001,
  runAsGroup: 10001,
  fsGroup: 10001,
  seccompProfile: { type: "RuntimeDefault" },
};
export const CONTAINER_SECURITY = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
};

/** Connection settings a service reads from its environment; no secret values. */
export interface ServiceEndpoints {
  auroraEndpoint: string;
  auroraReaderEndpoint: string;
  cacheEndpoint: string;
  /** The replication group id: the audience of an ElastiCache IAM auth token. */
  cacheName: string;
  /** Each cache-bound service's Valkey user (user id == user name, as IAM auth requires). */
  cacheUsers: Partial<Record<ServiceName, string>>;
  tableNames: Record<"carts" | "sessions", string>;
  queueUrls: Record<"order-events", string>;
  bucketNames: Record<"assets" | "web", string>;
}

/**
 * Variables the platform sets: a service's `env` may not use these names or prefixes, so an
 * override can never point a service at another store or another identity.
 */
export const RESERVED_ENV_NAMES = ["PORT", "METRICS_PORT", "SERVICE_NAME"] as const;
export const RESERVED_ENV_PREFIXES = [
  "AWS_",
  "DB_",
  "REDIS_",
  "TABLE_",
  "QUEUE_",
  "BUCKET_",
  "UPSTREAM_",
  "PODINFO_",
] as const;

/** Why `name` may not be set from config, or undefined if it may. */
export function reservedEnvReason(name: string): string | undefined {
  if ((RESERVED_ENV_NAMES as readonly string[]).includes(name))
    return `${name} is set by the platform`;
  const prefix = RESERVED_ENV_PREFIXES.find((p) => name.startsWith(p));
  return prefix ? `names starting with ${prefix} are set by the platform` : undefined;
}

/** `http://<callee>.<namespace>.svc.cluster.local:<port>` for each service this one may call. */
export interface Upstream {
  callee: ServiceName;
  url: string;
}

export function upstreams(
  specs: ServiceSpec[],
  namespace: string,
): Record<ServiceName, Upstream[]> {
  const result = Object.fromEntries(specs.map((s) => [s.name, [] as Upstream[]])) as Record<
    ServiceName,
    Upstream[]
  >;
  for (const callee of specs) {
    for (const caller of callee.callers) {
      result[caller]?.push({
        callee: callee.name,
        url: `http://${callee.name}.${namespace}.svc.cluster.local:${callee.contract.port}`,
      });
    }
  }
  return result;
}

/**
 * The pod's container environment: identity and ports, each binding's connection settings, the
 * services it may call, then the contract's extra variables (validated not to shadow any of these).
 */
export function environment(
  spec: ServiceSpec,
  track: { image: string; contract: ServiceContract },
  region: string,
  e: ServiceEndpoints,
  calls: Upstream[] = [],
): { name: string; value: string }[] {
  const c = track.contract;
  const env = [
    { name: "AWS_REGION", value: region },
    { name: "SERVICE_NAME", value: spec.name },
    { name: "PORT", value: String(c.port) },
    { name: "METRICS_PORT", value: String(c.metricsPort) },
  ];
  // The demo image reads its metrics port from here; a real image reads METRICS_PORT or ignores it.
  if (track.image === DEMO_IMAGE)
    env.push({ name: "PODINFO_PORT_METRICS", value: String(c.metricsPort) });
  for (const binding of spec.bindings) {
    const [kind, target] = binding.split(":");
    if (kind === "aurora") {
      env.push(
        { name: "DB_HOST", value: e.auroraEndpoint },
        { name: "DB_READER_HOST", value: e.auroraReaderEndpoint },
        { name: "DB_PORT", value: "5432" },
        // Database per service: created with its login role by the bootstrap Job (databaseSql.ts).
        { name: "DB_NAME", value: databaseName(spec.name) },
        { name: "DB_USER", value: spec.name },
        { name: "DB_AUTH", value: "iam" },
        { name: "DB_SSLMODE", value: "verify-full" },
      );
    } else if (kind === "redis") {
      env.push(
        { name: "REDIS_HOST", value: e.cacheEndpoint },
        { name: "REDIS_PORT", value: "6379" },
        { name: "REDIS_TLS", value: "true" },
        // IAM auth: the password is a SigV4-presigned token for REDIS_CACHE_NAME and REDIS_USER.
        { name: "REDIS_AUTH", value: "iam" },
        { name: "REDIS_USER", value: e.cacheUsers[spec.name] ?? "" },
        { name: "REDIS_CACHE_NAME", value: e.cacheName },
        { name: "REDIS_KEY_PREFIX", value: `${spec.name}:` },
      );
    } else if (kind === "dynamodb") {
      env.push({
        name: `TABLE_${target.toUpperCase()}`,
        value: e.tableNames[target as "carts" | "sessions"],
      });
    } else if (kind === "sqs-send" || kind === "sqs-receive") {
      env.push({
        name: `QUEUE_${target.replace(/-/g, "_").toUpperCase()}_URL`,
        value: e.queueUrls[target as "order-events"],
      });
    } else if (kind === "s3") {
      env.push({
        name: `BUCKET_${target.toUpperCase()}`,
        value: e.bucketNames[target as "assets" | "web"],
      });
    }
  }
  for (const { callee, url } of calls)
    env.push({ name: `UPSTREAM_${callee.toUpperCase()}_URL`, value: url });
  for (const [name, value] of Object.entries(c.env)) env.push({ name, value });
  return env;
}

/** The container's named ports: the Service and the probes refer to them by name. */
export function containerPorts(c: ServiceContract) {
  return [
    { name: "http", containerPort: c.port },
    { name: "http-metrics", containerPort: c.metricsPort },
  ];
}

/** Startup and liveness on the health path, readiness on the ready path, both on `http`. */
export function probes(c: ServiceContract) {
  const probe = (path: string, extra: object = {}) => ({
    httpGet: { path, port: "http" },
    periodSeconds: 10,
    timeoutSeconds: 2,
    ...extra,
  });
  return {
    startupProbe: probe(c.healthPath, { failureThreshold: 30, periodSeconds: 2 }),
    livenessProbe: probe(c.healthPath),
    readinessProbe: probe(c.readyPath),
  };
}

/**
 * Prometheus's pods job scrapes what these name; Istio rewrites them to its agent (:15020),
 * which merges the app's metrics from this port and path with the proxy's.
 */
export function scrapeAnnotations(c: ServiceContract): Record<string, string> {
  return podScrapeAnnotations(c.metricsPort, c.metricsPath);
}

/**
 * Who may reach a service's pods, port by port: the gateway (mesh namespace) and its callers on
 * each track's HTTP port; Prometheus (observability) on the Istio agent, which serves the merged
 * metrics, and on each track's metrics port.
 */
export function ingressPolicy(spec: ServiceSpec, tracks: ServiceContract[]) {
  const tcp = (ports: number[]) =>
    [...new Set(ports)].sort((a, b) => a - b).map((port) => ({ protocol: "TCP", port }));
  const namespace = (ns: string) => ({
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
  });
  return {
    podSelector: { matchLabels: { app: spec.name } },
    policyTypes: ["Ingress"],
    ingress: [
      {
        from: [
          namespace("istio-system"),
          ...spec.callers.map((c) => ({ podSelector: { matchLabels: { app: c } } })),
        ],
        ports: tcp(tracks.map((t) => t.port)),
      },
      {
        from: [namespace("observability")],
        ports: tcp([ISTIO_AGENT_PORT, ...tracks.map((t) => t.metricsPort)]),
      },
    ],
  };
}
