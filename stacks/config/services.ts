/**
 * `ecommerce:services`: per-service overrides of the catalog — image, replicas, the service
 * contract (ports, probe and metrics paths, extra env, resources), canary and mirror tracks (which
 * inherit the contract field by field) and the primary's migration Job. Pure, like config.ts:
 * every problem names its key and what is accepted.
 */
import {
  CATALOG,
  ContractOverride,
  Resources,
  SERVICE_NAMES,
  ServiceName,
  ServiceOverride,
} from "../../services/catalog";
import { ISTIO_AGENT_PORT, reservedEnvReason } from "../../services/workload";
import {
  Problems,
  RawObject,
  ConfigReader,
  readInteger,
  readObject,
  readSection,
} from "./readers";

const IMAGE = /^[a-z0-9]+([._/:-][a-z0-9]+)*(:[\w][\w.-]{0,127}|@sha256:[a-f0-9]{64})$/;

/** A pinned image: a registry path with a tag other than `latest`, or a digest. */
export function readImage(
  raw: RawObject,
  field: string,
  key: string,
  problems: Problems,
  required: boolean,
): string | undefined {
  const value = raw[field];
  if (value === undefined) {
    if (required)
      problems.add(
        `${key}.${field}`,
        "is required; use a pinned image, e.g. ghcr.io/acme/cart:1.4.2",
      );
    return undefined;
  }
  if (typeof value !== "string" || !IMAGE.test(value) || value.endsWith(":latest")) {
    problems.add(
      `${key}.${field}`,
      `${JSON.stringify(value)} is not accepted; use an image pinned by tag (not latest) or digest, e.g. ghcr.io/acme/cart:1.4.2`,
    );
    return undefined;
  }
  return value;
}

function readPercent(
  raw: RawObject,
  field: string,
  key: string,
  problems: Problems,
): number | undefined {
  const value = raw[field];
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || n > 100) {
    problems.add(
      `${key}.${field}`,
      `${JSON.stringify(value)} is not accepted; use a number from 0 to 100`,
    );
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

function readPort(raw: RawObject, field: string, key: string, problems: Problems) {
  if (raw[field] === undefined) return undefined;
  const port = readInteger(
    raw,
    field,
    key,
    MIN_PORT,
    65535,
    -1,
    problems,
    " (the pods run without root, so not below 1024)",
  );
  if (port >= ISTIO_PORTS.from && port <= ISTIO_PORTS.to) {
    problems.add(
      `${key}.${field}`,
      `${port} is not accepted; ${ISTIO_PORTS.from}–${ISTIO_PORTS.to} belong to the Istio sidecar (e.g. ${ISTIO_AGENT_PORT} serves merged metrics); use e.g. 8080`,
    );
    return undefined;
  }
  return port < 0 ? undefined : port;
}

const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

function readPath(raw: RawObject, field: string, key: string, problems: Problems) {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !PATH.test(value) || value.length > 256) {
    problems.add(
      `${key}.${field}`,
      `${JSON.stringify(value)} is not accepted; use an HTTP path starting with /, without spaces, query or fragment, e.g. /ready`,
    );
    return undefined;
  }
  return value;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function readEnv(raw: RawObject, key: string, problems: Problems) {
  const value = raw.env;
  if (value === undefined) return undefined;
  const k = `${key}.env`;
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

function readResources(raw: RawObject, key: string, problems: Problems): Resources | undefined {
  if (raw.resources === undefined) return undefined;
  const k = `${key}.resources`;
  if (typeof raw.resources !== "object" || raw.resources === null || Array.isArray(raw.resources)) {
    problems.add(k, "must be an object { requests: { cpu, memory }, limits: { cpu, memory } }");
    return undefined;
  }
  const r = readSection(raw, key, "resources", ["requests", "limits"], problems);
  const result: Partial<Resources> = {};
  let ok = true;
  for (const kind of ["requests", "limits"] as const) {
    const part = readSection(r, k, kind, ["cpu", "memory"], problems);
    const cpu = part.cpu;
    const memory = part.memory;
    if (typeof cpu !== "string" || !CPU.test(cpu) || millicores(cpu) <= 0) {
      problems.add(
        `${k}.${kind}.cpu`,
        `${JSON.stringify(cpu)} is not accepted; use a Kubernetes CPU quantity, e.g. 250m or 1`,
      );
      ok = false;
    }
    if (typeof memory !== "string" || !MEMORY.test(memory) || bytes(memory) <= 0) {
      problems.add(
        `${k}.${kind}.memory`,
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

const CONTRACT_KEYS = [
  "port",
  "healthPath",
  "readyPath",
  "metricsPort",
  "metricsPath",
  "env",
  "resources",
];

/** The contract fields set in `raw`; ports must differ where they end up in the same pod. */
function readContract(
  raw: RawObject,
  key: string,
  problems: Problems,
  inherited: { port: number; metricsPort: number },
): ContractOverride {
  const o: ContractOverride = {
    port: readPort(raw, "port", key, problems),
    healthPath: readPath(raw, "healthPath", key, problems),
    readyPath: readPath(raw, "readyPath", key, problems),
    metricsPort: readPort(raw, "metricsPort", key, problems),
    metricsPath: readPath(raw, "metricsPath", key, problems),
    env: readEnv(raw, key, problems),
    resources: readResources(raw, key, problems),
  };
  const port = o.port ?? inherited.port;
  const metricsPort = o.metricsPort ?? inherited.metricsPort;
  if ((o.port !== undefined || o.metricsPort !== undefined) && port === metricsPort)
    problems.add(
      `${key}.${o.metricsPort !== undefined ? "metricsPort" : "port"}`,
      `${port} is used by both port and metricsPort; they must differ (set metricsPort too)`,
    );
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined),
  ) as ContractOverride;
}

function readCommand(raw: RawObject, key: string, problems: Problems): string[] | undefined {
  const value = raw.command;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((v) => typeof v !== "string" || v === "")
  ) {
    problems.add(
      `${key}.command`,
      `${value === undefined ? "is required" : `${JSON.stringify(value)} is not accepted`}; use a non-empty list of strings, e.g. ["/app/migrate", "up"]`,
    );
    return undefined;
  }
  return value as string[];
}

export function parseServices(
  read: ConfigReader,
  role: "primary" | "standby" | undefined,
  problems: Problems,
): Partial<Record<ServiceName, ServiceOverride>> {
  const key = "ecommerce:services";
  const raw = readObject(read, key, SERVICE_NAMES, problems);
  const result: Partial<Record<ServiceName, ServiceOverride>> = {};
  for (const name of SERVICE_NAMES.filter((n) => raw[n] !== undefined)) {
    const k = `${key}.${name}`;
    const o = readSection(
      raw,
      key,
      name,
      ["image", "replicas", "canary", "mirror", "migration", ...CONTRACT_KEYS],
      problems,
    );
    const base = CATALOG[name].contract;
    const contract = readContract(o, k, problems, base);
    const own = {
      port: contract.port ?? base.port,
      metricsPort: contract.metricsPort ?? base.metricsPort,
    };
    const override: ServiceOverride = { ...contract };
    override.image = readImage(o, "image", k, problems, false);
    if (o.replicas !== undefined) {
      // A primary (and a drilled or failed-over standby) needs a second pod to survive a node loss.
      override.replicas = readInteger(
        o,
        "replicas",
        k,
        2,
        100,
        3,
        problems,
        " (at least 2 while the stack serves traffic)",
      );
    }
    if (o.canary !== undefined) {
      const c = readSection(o, k, "canary", ["image", "weight", ...CONTRACT_KEYS], problems);
      const image = readImage(c, "image", `${k}.canary`, problems, true);
      const weight = readInteger(c, "weight", `${k}.canary`, 0, 100, -1, problems);
      if (c.weight === undefined)
        problems.add(
          `${k}.canary.weight`,
          "is required; use an integer from 0 to 100 (the canary's share of traffic)",
        );
      const trackContract = readContract(c, `${k}.canary`, problems, own);
      if (image && weight >= 0 && c.weight !== undefined)
        override.canary = { image, weight, ...trackContract };
    }
    if (o.mirror !== undefined) {
      const m = readSection(o, k, "mirror", ["image", "percent", ...CONTRACT_KEYS], problems);
      const image = readImage(m, "image", `${k}.mirror`, problems, true);
      const percent = readPercent(m, "percent", `${k}.mirror`, problems);
      const trackContract = readContract(m, `${k}.mirror`, problems, own);
      if (image && percent !== undefined) override.mirror = { image, percent, ...trackContract };
    }
    if (o.migration !== undefined) {
      const m = readSection(o, k, "migration", ["image", "command"], problems);
      const image = readImage(m, "image", `${k}.migration`, problems, true);
      const command = readCommand(m, `${k}.migration`, problems);
      if (!CATALOG[name].bindings.includes("aurora")) {
        const aurora = SERVICE_NAMES.filter((s) => CATALOG[s].bindings.includes("aurora"));
        problems.add(
          `${k}.migration`,
          `${name} has no database; migrations are for the Aurora-bound services: ${aurora.join(", ")}`,
        );
      } else if (role === "standby") {
        problems.add(
          `${k}.migration`,
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
