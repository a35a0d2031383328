/**
 * `ecommerce:edge`: the shop's domain and hosted zone, API throttling, Global Accelerator, and the
 * Route 53 failover between the regions (health check, record TTL).
 */
import { Role } from "./common";
import { ParseContext, asInteger, flag, int, readObject, section, text } from "./readers";
import { KeySpec } from "./spec";

export const EDGE_DEFAULTS = {
  healthCheck: { intervalSeconds: 10 as const, failureThreshold: 3, path: "/healthz" },
  recordTtlSeconds: 60,
  throttling: { rateLimit: 1000, burstLimit: 500 },
  globalAccelerator: false,
};

const d = EDGE_DEFAULTS;

export const EDGE_SPEC = {
  keys: {
    domain: {
      type: "string",
      defaultText: "— (required on the primary)",
      doc: "the shop's DNS name (`api.`, `api-<region>.`, `www.` and the apex live under it); the standby reads it from the primary",
    },
    zoneId: {
      type: "string",
      defaultText: "unset: the primary creates the zone",
      doc: "an existing Route 53 hosted zone id (`Z…`)",
    },
    healthCheck: {
      keys: {
        intervalSeconds: {
          type: "int",
          default: d.healthCheck.intervalSeconds,
          doc: "seconds between Route 53's checks of the primary's regional API name: `10` \\| `30` (what Route 53 offers)",
        },
        failureThreshold: {
          type: "int",
          default: d.healthCheck.failureThreshold,
          doc: "consecutive failed checks before the primary counts as down: `1`–`10`",
        },
        path: {
          type: "string",
          default: d.healthCheck.path,
          doc: "the HTTP path Route 53 checks, starting with `/`",
        },
      },
    },
    recordTtlSeconds: {
      type: "int",
      default: d.recordTtlSeconds,
      doc: "`1`–`60` seconds: the failover record's TTL bounds how fast clients move",
    },
    throttling: {
      keys: {
        rateLimit: {
          type: "int",
          default: d.throttling.rateLimit,
          doc: "API Gateway default-route throttling, requests per second: `1`–`100000`",
        },
        burstLimit: {
          type: "int",
          default: d.throttling.burstLimit,
          doc: "API Gateway default-route burst, requests: `1`–`100000`",
        },
      },
    },
    globalAccelerator: {
      type: "bool",
      default: d.globalAccelerator,
      doc: "put Global Accelerator in front (set on both stacks; the standby refuses it if the primary has none)",
    },
  },
} as const satisfies KeySpec;

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

const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/;

export function parseEdge(ctx: ParseContext & { role: Role | undefined }): EdgeConfig {
  const { role } = ctx;
  const raw = readObject(ctx, "ecommerce:edge", EDGE_SPEC);
  const domainRaw = raw.get("domain");
  if (role === "primary" && domainRaw === undefined) {
    raw.add("domain", "is required on the primary; use the shop's DNS name, e.g. shop.example.com");
  }
  if (role === "standby") {
    for (const k of ["domain", "zoneId"]) {
      if (raw.get(k) !== undefined)
        raw.add(k, "is set on the primary only; the standby reads it through the StackReference");
    }
  }
  let zoneId: string | undefined;
  const zoneRaw = raw.get("zoneId");
  if (zoneRaw !== undefined) {
    if (typeof zoneRaw !== "string" || !/^Z[A-Z0-9]{8,32}$/.test(zoneRaw)) {
      raw.add(
        "zoneId",
        `${JSON.stringify(zoneRaw)} is not accepted; use a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ`,
      );
    } else {
      zoneId = zoneRaw;
    }
  }
  const throttling = section(raw, "throttling");
  const globalAccelerator = flag(raw, "globalAccelerator", { default: d.globalAccelerator });
  let domain: string | undefined;
  if (domainRaw !== undefined) {
    if (typeof domainRaw !== "string" || !DOMAIN.test(domainRaw)) {
      raw.add(
        "domain",
        `${JSON.stringify(domainRaw)} is not accepted; use a lower-case DNS name, e.g. shop.example.com`,
      );
    } else {
      domain = domainRaw;
    }
  }
  const hc = section(raw, "healthCheck");
  let intervalSeconds: 10 | 30 = d.healthCheck.intervalSeconds;
  const intervalRaw = hc.get("intervalSeconds");
  if (intervalRaw !== undefined) {
    const n = asInteger(intervalRaw);
    if (n !== 10 && n !== 30) {
      hc.add(
        "intervalSeconds",
        `${JSON.stringify(intervalRaw)} is not accepted; Route 53 checks every 10 or 30 seconds`,
      );
    } else {
      intervalSeconds = n;
    }
  }
  const throttle = { min: 1, max: 100000 };
  return {
    domain,
    zoneId,
    throttling: {
      rateLimit: int(throttling, "rateLimit", { ...throttle, default: d.throttling.rateLimit }),
      burstLimit: int(throttling, "burstLimit", { ...throttle, default: d.throttling.burstLimit }),
    },
    globalAccelerator,
    healthCheck: {
      intervalSeconds,
      failureThreshold: int(hc, "failureThreshold", {
        min: 1,
        max: 10,
        default: d.healthCheck.failureThreshold,
      }),
      path: text(hc, "path", {
        pattern: /^\/[\w./-]*$/,
        example: "/healthz",
        default: d.healthCheck.path,
      }),
    },
    // Resolvers keep a failover record for its TTL: above a minute, failover itself slows down.
    recordTtlSeconds: int(raw, "recordTtlSeconds", {
      min: 1,
      max: 60,
      default: d.recordTtlSeconds,
      why: " (a failover record's TTL bounds how fast clients move)",
    }),
  };
}
