/**
 * `ecommerce:observability`: log retention, Prometheus sizing, alarm thresholds and the optional
 * e-mail subscribed to the alarm topic. Pure, like config.ts: every problem names its key.
 */
import {
  ConfigReader,
  Problems,
  RawObject,
  readInteger,
  readObject,
  readRetentionDays,
  readSection,
} from "./readers";
import { AlarmThresholds } from "../../components/observability/alarms";

export interface ObservabilityConfig {
  /** Retention of the container log groups, days (a CloudWatch-accepted value, at least 90). */
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

/** Each threshold's accepted range and the unit shown in the error. */
const THRESHOLD_RANGES: Record<keyof AlarmThresholds, [number, number, string]> = {
  alb5xxPercent: [1, 100, "percent of the ALB's requests"],
  api5xxPerMinute: [1, 100000, "5xx responses per minute"],
  apiP99LatencyMs: [50, 30000, "milliseconds (API Gateway times out at 30 s)"],
  auroraReplicationLagMs: [100, 300000, "milliseconds"],
  auroraRpoLagMs: [100, 300000, "milliseconds"],
  dynamodbReplicationLatencyMs: [100, 300000, "milliseconds"],
  cacheCpuPercent: [10, 100, "percent"],
  cacheEvictionsPerMinute: [1, 1000000, "evictions per minute"],
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,63}$/i;

export function parseObservability(read: ConfigReader, problems: Problems): ObservabilityConfig {
  const key = "ecommerce:observability";
  const d = OBSERVABILITY_DEFAULTS;
  const raw = readObject(
    read,
    key,
    ["logRetentionDays", "prometheus", "alarms", "alertEmail"],
    problems,
  );

  const logRetentionDays = readRetentionDays(
    raw,
    "logRetentionDays",
    key,
    d.logRetentionDays,
    problems,
  );

  const prometheusRaw = readSection(
    raw,
    key,
    "prometheus",
    ["retentionDays", "storageGiB"],
    problems,
  );
  const prometheus = {
    retentionDays: readInteger(
      prometheusRaw,
      "retentionDays",
      `${key}.prometheus`,
      1,
      90,
      d.prometheus.retentionDays,
      problems,
      " (longer history belongs in CloudWatch or a remote store)",
    ),
    storageGiB: readInteger(
      prometheusRaw,
      "storageGiB",
      `${key}.prometheus`,
      10,
      16384,
      d.prometheus.storageGiB,
      problems,
      " (GiB of gp3)",
    ),
  };

  const alarmsRaw = readSection(
    raw,
    key,
    "alarms",
    Object.keys(THRESHOLD_RANGES),
    problems,
  ) as RawObject;
  const alarms = Object.fromEntries(
    (Object.keys(THRESHOLD_RANGES) as (keyof AlarmThresholds)[]).map((name) => {
      const [min, max, unit] = THRESHOLD_RANGES[name];
      return [
        name,
        readInteger(
          alarmsRaw,
          name,
          `${key}.alarms`,
          min,
          max,
          d.alarms[name],
          problems,
          ` (${unit})`,
        ),
      ];
    }),
  ) as unknown as AlarmThresholds;

  let alertEmail: string | undefined;
  if (raw.alertEmail !== undefined) {
    if (typeof raw.alertEmail !== "string" || !EMAIL.test(raw.alertEmail)) {
      problems.add(
        `${key}.alertEmail`,
        `${JSON.stringify(raw.alertEmail)} is not accepted; use an e-mail address, e.g. oncall@example.com, or leave it unset`,
      );
    } else {
      alertEmail = raw.alertEmail;
    }
  }
  return { logRetentionDays, prometheus, alarms, ...(alertEmail ? { alertEmail } : {}) };
}
