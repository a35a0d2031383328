/**
 * The shop's microservices as data: what each serves, what it may touch, who may call it, and
 * how it scales and fails. The Microservice component turns an entry into Kubernetes and Istio
 * objects and an IAM role; everything here is pure and tested on its own.
 */
import { DataPosture } from "../components/data/posture";

export const SERVICE_NAMES = [
  "product",
  "user",
  "cart",
  "order",
  "payment",
  "inventory",
  "auth",
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * A small public demo service with health, readiness and metrics endpoints, pinned by tag: the
 * platform deploys and answers before the shop's own images exist. Override per service.
 */
export const DEMO_IMAGE = "ghcr.io/stefanprodan/podinfo:6.7.1";
/** The application container's name in every service's pods (dashboards select it). */
export const APP_CONTAINER = "app";

/**
 * What a service may touch; the Pod Identity policy is derived from these and nothing else.
 * Queues are bound by direction: the producer may only send, the consumer only receive.
 */
export type Binding =
  | "aurora"
  | "redis"
  | `dynamodb:${"carts" | "sessions"}`
  | `sqs-send:${"order-events"}`
  | `sqs-receive:${"order-events"}`
  | `s3:${"assets" | "web"}`;

export interface CircuitBreaker {
  /** Consecutive 5xx responses that eject a pod from the load-balancing pool. */
  consecutive5xxErrors: number;
  interval: string;
  baseEjectionTime: string;
  maxEjectionPercent: number;
  /** Connection pool limits: requests beyond them fail fast instead of queueing. */
  maxConnections: number;
  http1MaxPendingRequests: number;
  http2MaxRequests: number;
}

export interface Resources {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

/**
 * What an image must serve and what it is given: the container port, health and readiness
 * paths on that port, a metrics port and path, extra non-secret environment and resources.
 * Canary and mirror tracks inherit each field unless they set their own.
 */
export interface ServiceContract {
  /** The HTTP port the container listens on (also the Service's port). */
  port: number;
  /** Liveness and startup probe path on `port`. */
  healthPath: string;
  /** Readiness probe path on `port`: the pod receives traffic only while it answers 2xx. */
  readyPath: string;
  /** The port Prometheus metrics are served on (scraped through the Istio agent). */
  metricsPort: number;
  metricsPath: string;
  /** Extra non-secret environment variables (names the platform sets are reserved). */
  env: Record<string, string>;
  resources: Resources;
}

/** The demo image's contract (podinfo serves /healthz and /readyz on 9898, metrics on 9797). */
export const DEMO_CONTRACT: Omit<ServiceContract, "resources"> = {
  port: 9898,
  healthPath: "/healthz",
  readyPath: "/readyz",
  metricsPort: 9797,
  metricsPath: "/metrics",
  env: {},
};

/** A canary or mirror track: its image and, field by field, its own contract. */
export interface Track {
  image: string;
  contract: ServiceContract;
}

export interface ServiceSpec {
  name: ServiceName;
  image: string;
  pathPrefix: string;
  /** The gateway rejects requests without a verified JWT on this prefix. */
  requiresJwt: boolean;
  /** Replicas per posture: the primary and a drilled or failed-over standby run ≥ 3. */
  replicas: Record<DataPosture, number>;
  contract: ServiceContract;
  bindings: Binding[];
  /** Other services allowed to call this one (the gateway always may). */
  callers: ServiceName[];
  timeout: string;
  retries: { attempts: number; perTryTimeout: string };
  circuitBreaker: CircuitBreaker;
  canary?: Track & { weight: number };
  mirror?: Track & { percent: number };
  /** Primary only: a Job that runs the service's schema migrations before its pods roll. */
  migration?: { image: string; command: string[] };
}

const STANDARD_REPLICAS: Record<DataPosture, number> = {
  active: 3,
  standby: 1,
  drill: 3,
  failover: 3,
};
const SMALL: Resources = {
  requests: { cpu: "100m", memory: "128Mi" },
  limits: { cpu: "500m", memory: "256Mi" },
};
const MEDIUM: Resources = {
  requests: { cpu: "250m", memory: "256Mi" },
  limits: { cpu: "1", memory: "512Mi" },
};
const BREAKER: CircuitBreaker = {
  consecutive5xxErrors: 5,
  interval: "10s",
  baseEjectionTime: "30s",
  maxEjectionPercent: 50,
  maxConnections: 200,
  http1MaxPendingRequests: 100,
  http2MaxRequests: 500,
};
/** Payments fail fast: a stuck payment provider must not pile up requests. */
const STRICT_BREAKER: CircuitBreaker = {
  ...BREAKER,
  consecutive5xxErrors: 3,
  maxConnections: 100,
  http1MaxPendingRequests: 20,
  http2MaxRequests: 200,
};

function service(
  name: ServiceName,
  pathPrefix: string,
  requiresJwt: boolean,
  bindings: Binding[],
  callers: ServiceName[],
  extra: Partial<Omit<ServiceSpec, "contract">> & { resources?: Resources } = {},
): ServiceSpec {
  const { resources, ...rest } = extra;
  return {
    name,
    image: DEMO_IMAGE,
    pathPrefix,
    requiresJwt,
    replicas: STANDARD_REPLICAS,
    contract: { ...DEMO_CONTRACT, resources: resources ?? SMALL },
    bindings,
    callers,
    timeout: "5s",
    retries: { attempts: 2, perTryTimeout: "2s" },
    circuitBreaker: BREAKER,
    ...rest,
  };
}

/** The catalog, before stack overrides. */
export const CATALOG: Record<ServiceName, ServiceSpec> = {
  product: service(
    "product",
    "/products",
    false,
    ["aurora", "redis", "s3:assets"],
    ["cart", "order", "inventory"],
    { resources: MEDIUM },
  ),
  user: service("user", "/users", true, ["aurora"], ["auth", "order"]),
  cart: service("cart", "/cart", true, ["dynamodb:carts", "redis"], ["order"]),
  order: service("order", "/orders", true, ["aurora", "sqs-send:order-events"], ["payment"], {
    resources: MEDIUM,
    timeout: "10s",
  }),
  // Payments are not retried by the mesh: a retried charge could be a double charge.
  payment: service(
    "payment",
    "/payments",
    true,
    ["aurora", "sqs-receive:order-events"],
    ["order"],
    {
      retries: { attempts: 0, perTryTimeout: "10s" },
      timeout: "15s",
      circuitBreaker: STRICT_BREAKER,
    },
  ),
  inventory: service("inventory", "/inventory", false, ["aurora", "redis"], ["order", "product"]),
  auth: service("auth", "/auth", false, ["dynamodb:sessions", "redis"], ["user"]),
};

/** Contract fields a stack may override, for the service or for one of its tracks. */
export type ContractOverride = Partial<ServiceContract>;

/** Per-service overrides from `ecommerce:services` (validated in stacks/config/services.ts). */
export interface ServiceOverride extends ContractOverride {
  image?: string;
  /** Replicas for the primary and a drilled or failed-over standby (a resting standby keeps 1). */
  replicas?: number;
  canary?: { image: string; weight: number } & ContractOverride;
  mirror?: { image: string; percent: number } & ContractOverride;
  migration?: { image: string; command: string[] };
}

/** A contract with the set fields of `o` over `base`; env merges name by name. */
export function mergeContract(base: ServiceContract, o: ContractOverride): ServiceContract {
  return {
    port: o.port ?? base.port,
    healthPath: o.healthPath ?? base.healthPath,
    readyPath: o.readyPath ?? base.readyPath,
    metricsPort: o.metricsPort ?? base.metricsPort,
    metricsPath: o.metricsPath ?? base.metricsPath,
    env: { ...base.env, ...o.env },
    resources: o.resources ?? base.resources,
  };
}

export function applyOverrides(
  catalog: Record<ServiceName, ServiceSpec>,
  overrides: Partial<Record<ServiceName, ServiceOverride>>,
): ServiceSpec[] {
  return SERVICE_NAMES.map((name) => {
    const base = catalog[name];
    const o = overrides[name] ?? {};
    const { image, replicas: full, canary, mirror, migration, ...contractOverride } = o;
    const contract = mergeContract(base.contract, contractOverride);
    const spec: ServiceSpec = {
      ...base,
      image: image ?? base.image,
      contract,
      replicas:
        full === undefined
          ? base.replicas
          : { active: full, standby: base.replicas.standby, drill: full, failover: full },
    };
    // Tracks inherit the service's contract (its overrides included) field by field.
    if (canary) {
      const { image: canaryImage, weight, ...own } = canary;
      spec.canary = { image: canaryImage, weight, contract: mergeContract(contract, own) };
    }
    if (mirror) {
      const { image: mirrorImage, percent, ...own } = mirror;
      spec.mirror = { image: mirrorImage, percent, contract: mergeContract(contract, own) };
    }
    if (migration) spec.migration = migration;
    return spec;
  });
}

/** The service's replicas in a posture. */
export function replicasFor(spec: ServiceSpec, posture: DataPosture): number {
  return spec.replicas[posture];
}

/**
 * The autoscaler's ceiling, the same in every posture: four times the production replicas (at
 * least 4). A resting standby starts small but can grow to production size on load alone.
 */
export function maxReplicasFor(spec: ServiceSpec): number {
  return Math.max(spec.replicas.active * 4, 4);
}
