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
export const SERVICE_PORT = 9898;
export const METRICS_PORT = 9797;
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

export interface ServiceSpec {
  name: ServiceName;
  image: string;
  pathPrefix: string;
  /** The gateway rejects requests without a verified JWT on this prefix. */
  requiresJwt: boolean;
  /** Replicas per posture: the primary and a drilled or failed-over standby run ≥ 3. */
  replicas: Record<DataPosture, number>;
  resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  bindings: Binding[];
  /** Other services allowed to call this one (the gateway always may). */
  callers: ServiceName[];
  timeout: string;
  retries: { attempts: number; perTryTimeout: string };
  circuitBreaker: CircuitBreaker;
  canary?: { image: string; weight: number };
  mirror?: { image: string; percent: number };
}

const STANDARD_REPLICAS: Record<DataPosture, number> = {
  active: 3,
  standby: 1,
  drill: 3,
  failover: 3,
};
const SMALL = {
  requests: { cpu: "100m", memory: "128Mi" },
  limits: { cpu: "500m", memory: "256Mi" },
};
const MEDIUM = {
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
  extra: Partial<ServiceSpec> = {},
): ServiceSpec {
  return {
    name,
    image: DEMO_IMAGE,
    pathPrefix,
    requiresJwt,
    replicas: STANDARD_REPLICAS,
    resources: SMALL,
    bindings,
    callers,
    timeout: "5s",
    retries: { attempts: 2, perTryTimeout: "2s" },
    circuitBreaker: BREAKER,
    ...extra,
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

/** Per-service overrides from `ecommerce:services` (validated in stacks/config.ts). */
export interface ServiceOverride {
  image?: string;
  /** Replicas for the primary and a drilled or failed-over standby (a resting standby keeps 1). */
  replicas?: number;
  canary?: { image: string; weight: number };
  mirror?: { image: string; percent: number };
}

export function applyOverrides(
  catalog: Record<ServiceName, ServiceSpec>,
  overrides: Partial<Record<ServiceName, ServiceOverride>>,
): ServiceSpec[] {
  return SERVICE_NAMES.map((name) => {
    const base = catalog[name];
    const o = overrides[name] ?? {};
    const full = o.replicas;
    return {
      ...base,
      image: o.image ?? base.image,
      replicas:
        full === undefined
          ? base.replicas
          : { active: full, standby: base.replicas.standby, drill: full, failover: full },
      ...((o.canary ?? base.canary) ? { canary: o.canary ?? base.canary } : {}),
      ...((o.mirror ?? base.mirror) ? { mirror: o.mirror ?? base.mirror } : {}),
    };
  });
}

/** The service's replicas in a posture. */
export function replicasFor(spec: ServiceSpec, posture: DataPosture): number {
  return spec.replicas[posture];
}
