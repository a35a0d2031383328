/**
 * `ecommerce:observability`: log retention, Prometheus sizing, alarm thresholds and the optional
 * e-mail subscribed to the alarm topic. Pure, like the other sections: every problem names its key.
 */
import { AlarmThresholds } from "../../components/observability/alarms";
import { ParseContext, int, readObject, retention, section } from "./readers";
import { KeySpec } from "./spec";

export interface ObservabilityConfig {
  /**
   * Retention of the container log groups and of the edge's (API access, WAF), days (a
   * CloudWatch-accepted value, at least 90).
   */
  logRetentionDays: number;
  prometheus: {
    /** How long Prometheus keeps samples on its volume, days. */
    retentionDays: number;
    /** Size of Prometheus's encrypted gp3 volume, GiB. */
    storageGiB: number;
  };
  alarms: AlarmThresholds;
  /** Subscribed to the alarm topics when set (the subscription must be confirmed from the mail). */
  alertEmail?: string;
}

export const OBSERVABILITY_DEFAULTS: ObservabilityConfig = {
  logRetentionDays: 365,
  prometheus: { retentionDays: 15, storageGiB: 100 },
  alarms: {
    alb5xxPercent: 5,
    // A minute with this many API errors also stops a running chaos drill.
    api5xxPerMinute: 50,
    apiP99LatencyMs: 2000,
    // The project's RPO target is one second for relational and key-value data.
    auroraReplicationLagMs: 1000,
    // Well inside the smallest bound rds.global_db_rpo can enforce (20 s), so the page comes
    // before an enforced RPO starts blocking the primary's commits.
    auroraRpoLagMs: 10000,
    dynamodbReplicationLatencyMs: 1000,
    cacheCpuPercent: 75,
    cacheEvictionsPerMinute: 100,
  },
};

const d = OBSERVABILITY_DEFAULTS;

/** Each alarm threshold: its accepted range, the unit shown in the error and what it alarms on. */
export const THRESHOLDS: Record<
  keyof AlarmThresholds,
  { min: number; max: number; unit: string; what: string }
> = {
  alb5xxPercent: {
    min: 1,
    max: 100,
    unit: "percent of the ALB's requests",
    what: "the internal ALB's 5xx responses",
  },
  api5xxPerMinute: {
    min: 1,
    max: 100000,
    unit: "5xx responses per minute",
    what: "API Gateway 5xx responses (a minute above it also stops a running chaos drill)",
  },
  apiP99LatencyMs: {
    min: 50,
    max: 30000,
    unit: "milliseconds (API Gateway times out at 30 s)",
    what: "API Gateway p99 latency",
  },
  auroraReplicationLagMs: {
    min: 100,
    max: 300000,
    unit: "milliseconds",
    what: "Aurora global database replication lag",
  },
  auroraRpoLagMs: {
    min: 100,
    max: 300000,
    unit: "milliseconds",
    what: "the standby's `AuroraGlobalDBRPOLag`",
  },
  dynamodbReplicationLatencyMs: {
    min: 100,
    max: 300000,
    unit: "milliseconds",
    what: "DynamoDB global table replication latency",
  },
  cacheCpuPercent: { min: 10, max: 100, unit: "percent", what: "the cache's engine CPU" },
  cacheEvictionsPerMinute: {
    min: 1,
    max: 1000000,
    unit: "evictions per minute",
    what: "the cache's evictions",
  },
};

export const OBSERVABILITY_SPEC = {
  keys: {
    logRetentionDays: {
      type: "int",
      default: d.logRetentionDays,
      doc: "retention of the container log groups and the edge's (API access, WAF): a CloudWatch value of at least `90` days",
    },
    prometheus: {
      keys: {
        retentionDays: {
          type: "int",
          default: d.prometheus.retentionDays,
          doc: "days Prometheus keeps samples: `1`–`90` (longer history belongs in CloudWatch or a remote store)",
        },
        storageGiB: {
          type: "int",
          default: d.prometheus.storageGiB,
          doc: "Prometheus's encrypted gp3 volume, `10`–`16384` GiB (Prometheus drops old blocks at 85 % of it)",
        },
      },
    },
    alarms: {
      keys: Object.fromEntries(
        (Object.keys(THRESHOLDS) as (keyof AlarmThresholds)[]).map((name) => {
          const t = THRESHOLDS[name];
          return [
            name,
            {
              type: "int",
              default: d.alarms[name],
              doc: `alarm threshold on ${t.what}: \`${t.min}\`–\`${t.max}\` ${t.unit}`,
            },
          ];
        }),
      ) as Record<keyof AlarmThresholds, KeySpec>,
    },
    alertEmail: {
      type: "string",
      defaultText: "unset",
      doc: "an address subscribed to every alarm topic (confirm the subscription from the mail)",
    },
  },
} as const satisfies KeySpec;

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,63}$/i;

export function parseObservability(ctx: ParseContext): ObservabilityConfig {
  const raw = readObject(ctx, "ecommerce:observability", OBSERVABILITY_SPEC);

  const logRetentionDays = retention(raw, "logRetentionDays", { default: d.logRetentionDays });

  const prometheusRaw = section(raw, "prometheus");
  const prometheus = {
    retentionDays: int(prometheusRaw, "retentionDays", {
      min: 1,
      max: 90,
      default: d.prometheus.retentionDays,
      why: " (longer history belongs in CloudWatch or a remote store)",
    }),
    storageGiB: int(prometheusRaw, "storageGiB", {
      min: 10,
      max: 16384,
      default: d.prometheus.storageGiB,
      why: " (GiB of gp3)",
    }),
  };

  const alarmsRaw = section(raw, "alarms");
  const alarms = Object.fromEntries(
    (Object.keys(THRESHOLDS) as (keyof AlarmThresholds)[]).map((name) => {
      const { min, max, unit } = THRESHOLDS[name];
      return [name, int(alarmsRaw, name, { min, max, default: d.alarms[name], why: ` (${unit})` })];
    }),
  ) as unknown as AlarmThresholds;

  let alertEmail: string | undefined;
  const emailRaw = raw.get("alertEmail");
  if (emailRaw !== undefined) {
    if (typeof emailRaw !== "string" || !EMAIL.test(emailRaw)) {
      raw.add(
        "alertEmail",
        `${JSON.stringify(emailRaw)} is not accepted; use an e-mail address, e.g. oncall@example.com, or leave it unset`,
      );
    } else {
      alertEmail = emailRaw;
    }
  }
  return { logRetentionDays, prometheus, alarms, ...(alertEmail ? { alertEmail } : {}) };
}
