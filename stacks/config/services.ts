/**
 * `ecommerce:services`: per-service overrides of the catalog — image, replicas, the service
 * contract (ports, probe and metrics paths, extra env, resources), canary and mirror tracks (which
 * inherit the contract field by field) and the primary's migration Job. Pure, like the other
 * sections: every problem names its key and what is accepted. The defaults are the catalog's
 * (services/catalog.ts).
 */
import {
  CATALOG,
  ContractOverride,
  DEMO_CONTRACT,
  DEMO_IMAGE,
  Resources,
  SERVICE_NAMES,
  ServiceName,
  ServiceOverride,
} from "../../services/catalog";
import { ISTIO_AGENT_PORT, reservedEnvReason } from "../../services/workload";
import { Role } from "./common";
import { ParseContext, RawSection, int, readObject, section } from "./readers";
import { KeySpec, Spec } from "./spec";

const RESOURCES_KEYS: Spec = {
  requests: { keys: { cpu: {}, memory: {} } },
  limits: { keys: { cpu: {}, memory: {} } },
};

/** The service contract: what a service's pods serve and need; a track may override each. */
const CONTRACT_SPEC = {
  port: {
    type: "int",
    default: DEMO_CONTRACT.port,
    doc: "the HTTP port: `1024`–`65535`, not `15000`–`15099` (Istio), different from `metricsPort`; see [bring your own service](bring-your-own-service.md)",
  },
  healthPath: {
    type: "string",
    default: DEMO_CONTRACT.healthPath,
    doc: "the liveness probe's HTTP path, starting with `/`",
  },
  readyPath: {
    type: "string",
    default: DEMO_CONTRACT.readyPath,
    doc: "the readiness probe's HTTP path, starting with `/`",
  },
  metricsPort: {
    type: "int",
    default: DEMO_CONTRACT.metricsPort,
    doc: "the Prometheus metrics port: `1024`–`65535`, not `15000`–`15099` (Istio), different from `port`",
  },
  metricsPath: {
    type: "string",
    default: DEMO_CONTRACT.metricsPath,
    doc: "the Prometheus metrics path, starting with `/`",
  },
  env: {
    type: "object",
    defaultText: "`{}`",
    doc: "extra non-secret variables; platform names (`PORT`, `DB_*`, `REDIS_*`, `AWS_*`, …) are refused",
  },
  resources: {
    type: "object",
    defaultText: "per service",
    doc: "`{ requests: { cpu, memory }, limits: { cpu, memory } }`, requests not above limits",
    keys: RESOURCES_KEYS,
  },
} as const satisfies Spec;

/** A track's contract keys: the service's, documented once on the track itself. */
const TRACK_CONTRACT: Spec = Object.fromEntries(
  Object.entries(CONTRACT_SPEC).map(([k, v]) => [k, { type: v.type, keys: (v as KeySpec).keys }]),
);

const PINNED = "an image pinned by tag (not `latest`) or digest";

export const SERVICES_SPEC = {
  each: {
    names: SERVICE_NAMES,
    label: "<name>",
    node: {
      keys: {
        image: {
          type: "string",
          default: DEMO_IMAGE,
          doc: `${PINNED}; \`<name>\` is ${SERVICE_NAMES.slice(0, -1).join(", ")} or ${SERVICE_NAMES[SERVICE_NAMES.length - 1]}`,
        },
        replicas: {
          type: "int",
          default: 3,
          doc: "`2`–`100`: replicas while the stack serves traffic (a resting standby runs 1)",
        },
        canary: {
          type: "object",
          defaultText: "unset",
          doc: "a canary track; its own contract keys (as the service's: port, paths, env merged by name, resources) are inherited when unset",
          keys: {
            image: {
              type: "string",
              defaultText: "— (required)",
              doc: `the canary's image, ${PINNED}`,
            },
            weight: {
              type: "int",
              defaultText: "— (required)",
              doc: "the canary's share of traffic, `0`–`100`",
            },
            ...TRACK_CONTRACT,
          },
        },
        mirror: {
          type: "object",
          defaultText: "unset",
          doc: "a shadow track; its own contract keys are inherited when unset, as the canary's",
          keys: {
            image: {
              type: "string",
              defaultText: "— (required)",
              doc: `the shadow image, ${PINNED}`,
            },
            percent: {
              type: "number",
              defaultText: "— (required)",
              doc: "the share of traffic copied to the shadow, `0`–`100`",
            },
            ...TRACK_CONTRACT,
          },
        },
        migration: {
          keys: {
            image: {
              type: "string",
              defaultText: "unset",
              doc: `primary only, Aurora-bound services: the migration Job's image, ${PINNED}; run once per change before the service rolls`,
            },
            command: {
              type: "list",
              defaultText: "— (required with an image)",
              doc: "the migration's command, a non-empty list of strings, e.g. `[/app/migrate, up]`",
            },
          },
        },
        ...CONTRACT_SPEC,
      },
    },
  },
} as const satisfies KeySpec;

const IMAGE = /^[a-z0-9]+([._/:-][a-z0-9]+)*(:[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** A pinned image: a registry path with a tag other than `latest`, or a digest. */
function readImage(
  raw: RawSection,
  field: string,
  options: { required: boolean },
): string | undefined {
  const value = raw.get(field);
  if (value === undefined) {
    if (options.required)
      raw.add(field, "is required; use a pinned image, e.g. ghcr.io/acme/cart:1.4.2");
    return undefined;
  }
  if (typeof value !== "string" || !IMAGE.test(value) || value.endsWith(":latest")) {
    raw.add(
      field,
      `${JSON.stringify(value)} is not accepted; use an image pinned by tag (not latest) or digest, e.g. ghcr.io/acme/cart:1.4.2`,
    );
    return undefined;
  }
  return value;
}

function readPercent(raw: RawSection, field: string): number | undefined {
  const value = raw.get(field);
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || n > 100) {
    raw.add(field, `${JSON.stringify(value)} is not accepted; use a number from 0 to 100`);
    return undefined;
  }
  return n;
}

/**
 * Ports the Istio sidecar and agent own inside every meshed pod (15000–15099: admin, outbound,
 * inbound, HBONE, health 15021, merged metrics 15020, DNS 15053, Envoy 15090).
 */
const ISTIO_PORTS = { from: 15000, to: 15099 };
/** The pods run as a non-root user without capabilities: they cannot bind below 1024. */
const MIN_PORT = 1024;

function readPort(raw: RawSection, field: string) {
  if (raw.get(field) === undefined) return undefined;
  const port = int(raw, field, {
    min: MIN_PORT,
    max: 65535,
    default: -1,
    why: " (the pods run without root, so not below 1024)",
  });
  if (port >= ISTIO_PORTS.from && port <= ISTIO_PORTS.to) {
    raw.add(
      field,
      `${port} is not accepted; ${ISTIO_PORTS.from}–${ISTIO_PORTS.to} belong to the Istio sidecar (e.g. ${ISTIO_AGENT_PORT} serves merged metrics); use e.g. 8080`,
    );
    return undefined;
  }
  return port < 0 ? undefined : port;
}

const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

function readPath(raw: RawSection, field: string) {
  const value = raw.get(field);
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !PATH.test(value) || value.length > 256) {
    raw.add(
      field,
      `${JSON.stringify(value)} is not accepted; use an HTTP path starting with /, without spaces, query or fragment, e.g. /ready`,
    );
    return undefined;
  }
  return value;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function readEnv(raw: RawSection) {
  const value = raw.get("env");
  if (value === undefined) return undefined;
  const k = `${raw.key}.env`;
  const problems = raw.problems;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add(
      k,
      "must be an object of NAME: value (non-secret strings), e.g. { LOG_LEVEL: info }",
    );
    return undefined;
  }
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    const reserved = reservedEnvReason(name);
    if (!ENV_NAME.test(name)) {
      problems.add(
        `${k}.${name}`,
        "is not a valid variable name; use letters, digits and _, not starting with a digit",
      );
    } else if (reserved) {
      problems.add(`${k}.${name}`, `is reserved: ${reserved}; choose another name`);
    } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      env[name] = String(v);
    } else {
      problems.add(
        `${k}.${name}`,
        `${JSON.stringify(v)} is not accepted; use a string, number or boolean`,
      );
    }
  }
  return env;
}

const CPU = /^(\d+m|\d+(\.\d{1,3})?)$/;
const MEMORY = /^\d+(Ki|Mi|Gi)$/;
const millicores = (cpu: string) =>
  cpu.endsWith("m") ? Number(cpu.slice(0, -1)) : Number(cpu) * 1000;
const bytes = (mem: string) =>
  Number(mem.slice(0, -2)) * { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 }[mem.slice(-2) as "Ki"];

function readResources(raw: RawSection): Resources | undefined {
  const value = raw.get("resources");
  if (value === undefined) return undefined;
  const k = `${raw.key}.resources`;
  const problems = raw.problems;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add(k, "must be an object { requests: { cpu, memory }, limits: { cpu, memory } }");
    return undefined;
  }
  const r = section(raw, "resources");
  const result: Partial<Resources> = {};
  let ok = true;
  for (const kind of ["requests", "limits"] as const) {
    const part = section(r, kind);
    const cpu = part.get("cpu");
    const memory = part.get("memory");
    if (typeof cpu !== "string" || !CPU.test(cpu) || millicores(cpu) <= 0) {
      part.add(
        "cpu",
        `${JSON.stringify(cpu)} is not accepted; use a Kubernetes CPU quantity, e.g. 250m or 1`,
      );
      ok = false;
    }
    if (typeof memory !== "string" || !MEMORY.test(memory) || bytes(memory) <= 0) {
      part.add(
        "memory",
        `${JSON.stringify(memory)} is not accepted; use a Kubernetes memory quantity in Ki, Mi or Gi, e.g. 256Mi`,
      );
      ok = false;
    }
    if (ok) result[kind] = { cpu: cpu as string, memory: memory as string };
  }
  if (!ok || !result.requests || !result.limits) return undefined;
  if (millicores(result.requests.cpu) > millicores(result.limits.cpu))
    problems.add(
      `${k}.requests.cpu`,
      `${result.requests.cpu} exceeds the limit ${result.limits.cpu}; a request may not exceed its limit`,
    );
  if (bytes(result.requests.memory) > bytes(result.limits.memory))
    problems.add(
      `${k}.requests.memory`,
      `${result.requests.memory} exceeds the limit ${result.limits.memory}; a request may not exceed its limit`,
    );
  return result as Resources;
}

/** The contract fields set in `raw`; ports must differ where they end up in the same pod. */
function readContract(
  raw: RawSection,
  inherited: { port: number; metricsPort: number },
): ContractOverride {
  const o: ContractOverride = {
    port: readPort(raw, "port"),
    healthPath: readPath(raw, "healthPath"),
    readyPath: readPath(raw, "readyPath"),
    metricsPort: readPort(raw, "metricsPort"),
    metricsPath: readPath(raw, "metricsPath"),
    env: readEnv(raw),
    resources: readResources(raw),
  };
  const port = o.port ?? inherited.port;
  const metricsPort = o.metricsPort ?? inherited.metricsPort;
  if ((o.port !== undefined || o.metricsPort !== undefined) && port === metricsPort)
    raw.add(
      o.metricsPort !== undefined ? "metricsPort" : "port",
      `${port} is used by both port and metricsPort; they must differ (set metricsPort too)`,
    );
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as ContractOverride;
}

function readCommand(raw: RawSection): string[] | undefined {
  const value = raw.get("command");
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((v) => typeof v !== "string" || v === "")
  ) {
    raw.add(
      "command",
      `${value === undefined ? "is required" : `${JSON.stringify(value)} is not accepted`}; use a non-empty list of strings, e.g. ["/app/migrate", "up"]`,
    );
    return undefined;
  }
  return value as string[];
}

export type ServicesConfig = Partial<Record<ServiceName, ServiceOverride>>;

export function parseServices(ctx: ParseContext & { role: Role | undefined }): ServicesConfig {
  const raw = readObject(ctx, "ecommerce:services", SERVICES_SPEC);
  const result: ServicesConfig = {};
  for (const name of SERVICE_NAMES.filter((n) => raw.get(n) !== undefined)) {
    const o = section(raw, name);
    const base = CATALOG[name].contract;
    const contract = readContract(o, base);
    const own = {
      port: contract.port ?? base.port,
      metricsPort: contract.metricsPort ?? base.metricsPort,
    };
    const override: ServiceOverride = { ...contract };
    override.image = readImage(o, "image", { required: false });
    if (o.get("replicas") !== undefined) {
      // A primary (and a drilled or failed-over standby) needs a second pod to survive a node loss.
      override.replicas = int(o, "replicas", {
        min: 2,
        max: 100,
        default: 3,
        why: " (at least 2 while the stack serves traffic)",
      });
    }
    if (o.get("canary") !== undefined) {
      const c = section(o, "canary");
      const image = readImage(c, "image", { required: true });
      const weight = int(c, "weight", { min: 0, max: 100, default: -1 });
      if (c.get("weight") === undefined)
        c.add(
          "weight",
          "is required; use an integer from 0 to 100 (the canary's share of traffic)",
        );
      const trackContract = readContract(c, own);
      if (image && weight >= 0 && c.get("weight") !== undefined)
        override.canary = { image, weight, ...trackContract };
    }
    if (o.get("mirror") !== undefined) {
      const m = section(o, "mirror");
      const image = readImage(m, "image", { required: true });
      const percent = readPercent(m, "percent");
      const trackContract = readContract(m, own);
      if (image && percent !== undefined) override.mirror = { image, percent, ...trackContract };
    }
    if (o.get("migration") !== undefined) {
      const m = section(o, "migration");
      const image = readImage(m, "image", { required: true });
      const command = readCommand(m);
      if (!CATALOG[name].bindings.includes("aurora")) {
        const aurora = SERVICE_NAMES.filter((s) => CATALOG[s].bindings.includes("aurora"));
        o.add(
          "migration",
          `${name} has no database; migrations are for the Aurora-bound services: ${aurora.join(", ")}`,
        );
      } else if (ctx.role === "standby") {
        o.add(
          "migration",
          "is primary only: the standby's database is a read-only replica of the primary's; set it on the primary stack",
        );
      } else if (image && command) {
        override.migration = { image, command };
      }
    }
    result[name] = Object.fromEntries(
      Object.entries(override).filter(([, v]) => v !== undefined),
    ) as ServiceOverride;
  }
  return result;
}
