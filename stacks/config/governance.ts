/**
 * `ecommerce:governance`: the account-level audit, detection, compliance and cost services. Each is
 * a singleton per account (and region) that an organization may already run, so each can be `true`
 * (this stack creates it), `false` (nobody here), or `organization` (the organization runs it for
 * this account: this stack creates nothing, and what depends on it may rely on it). Pure, like
 * config.ts: every problem names its key.
 */
import {
  ConfigReader,
  Problems,
  RawObject,
  asBoolean,
  readInteger,
  readObject,
  readRetentionDays,
  readSection,
} from "./readers";

export type ServiceMode = "on" | "off" | "organization";
const MODES_TEXT = "true | false | organization";

export interface BudgetConfig {
  /** The monthly cost budget, USD. */
  monthlyUsd: number;
  /** Alert when actual spend passes this share of the budget, percent. */
  actualPercent: number;
  /** Alert when the month's forecast passes this share of the budget, percent. */
  forecastPercent: number;
  /** The cost allocation tag the budget filters by (from `aws:defaultTags`). */
  tag: { key: string; value: string };
}

interface CommonGovernance {
  /** AWS Config recorder, delivery channel and the PCI DSS rule set in this region. */
  config: ServiceMode;
  /** Security Hub with the FSBP, CIS and PCI DSS standards in this region. */
  securityHub: ServiceMode;
  /** GuardDuty detector and protection plans in this region; high findings to the alarm topic. */
  guardDuty: ServiceMode;
  /** Macie and a weekly classification job over the shop's buckets in this region. */
  macie: ServiceMode;
  /** IAM Access Analyzer (account analyzer) in this region. */
  accessAnalyzer: ServiceMode;
  /** A monthly budget for this stack; undefined: none. */
  budget?: BudgetConfig;
}

export interface PrimaryGovernance extends CommonGovernance {
  /** The multi-Region trail (it records every region, so only the primary declares it). */
  cloudTrail: ServiceMode;
  /** Object Lock (compliance mode) retention of the trail bucket, days; undefined: no lock. */
  objectLockDays?: number;
  /** Retention of the trail's CloudWatch log group, days. */
  trailLogRetentionDays: number;
  /** Cost Anomaly Detection (account-wide, so only the primary declares it). */
  costAnomaly: ServiceMode;
  /** Anomalies whose total impact reaches this many USD are sent to the alarm topic. */
  anomalyThresholdUsd: number;
}

export type StandbyGovernance = CommonGovernance;

export const GOVERNANCE_DEFAULTS = {
  mode: "on" as ServiceMode,
  trailLogRetentionDays: 365,
  anomalyThresholdUsd: 100,
  budget: {
    /**
     * `npm run cost` with headroom: the primary's on-demand estimate plus about 50 %; the
     * standby's covers a month in drill or failover (its forecast alert tells when one starts).
     */
    monthlyUsd: { primary: 6000, standby: 4500 },
    actualPercent: 80,
    forecastPercent: 100,
    tagKey: "project",
  },
};

const SERVICES = ["config", "securityHub", "guardDuty", "macie", "accessAnalyzer"] as const;
const PRIMARY_ONLY = [
  "cloudTrail",
  "costAnomaly",
  "objectLockDays",
  "trailLogRetentionDays",
  "anomalyThresholdUsd",
];
const KEYS = [...SERVICES, ...PRIMARY_ONLY, "budget"];
const KEY = "ecommerce:governance";

function readMode(raw: RawObject, field: string, problems: Problems): ServiceMode {
  const value = raw[field];
  if (value === undefined) return GOVERNANCE_DEFAULTS.mode;
  if (value === "organization") return "organization";
  const b = asBoolean(value);
  if (b === undefined) {
    problems.add(`${KEY}.${field}`, `${JSON.stringify(value)} is not accepted; use ${MODES_TEXT}`);
    return GOVERNANCE_DEFAULTS.mode;
  }
  return b ? "on" : "off";
}

/** The project's tags as `aws:defaultTags` sets them (`{ tags: { key: value } }`). */
function defaultTags(read: ConfigReader): Record<string, string> {
  const text = read("aws:defaultTags");
  if (!text) return {};
  try {
    const tags = (JSON.parse(text) as { tags?: unknown }).tags;
    return typeof tags === "object" && tags !== null ? (tags as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function readBudget(
  read: ConfigReader,
  raw: RawObject,
  role: "primary" | "standby",
  problems: Problems,
): BudgetConfig | undefined {
  const d = GOVERNANCE_DEFAULTS.budget;
  if (raw.budget !== undefined && asBoolean(raw.budget) === false) return undefined;
  const section =
    raw.budget === undefined || asBoolean(raw.budget) === true
      ? {}
      : readSection(
          raw,
          KEY,
          "budget",
          ["monthlyUsd", "actualPercent", "forecastPercent", "tagKey"],
          problems,
        );
  const key = `${KEY}.budget`;
  const monthlyUsd = readInteger(
    section,
    "monthlyUsd",
    key,
    1,
    10_000_000,
    d.monthlyUsd[role],
    problems,
    " (USD a month)",
  );
  const actualPercent = readInteger(
    section,
    "actualPercent",
    key,
    1,
    1000,
    d.actualPercent,
    problems,
    " (percent of the budget)",
  );
  const forecastPercent = readInteger(
    section,
    "forecastPercent",
    key,
    1,
    1000,
    d.forecastPercent,
    problems,
    " (percent of the budget)",
  );
  const tagKey = typeof section.tagKey === "string" ? section.tagKey : d.tagKey;
  const value = defaultTags(read)[tagKey];
  if (typeof value !== "string" || value === "") {
    problems.add(
      key,
      `filters costs by the cost allocation tag "${tagKey}", which aws:defaultTags does not set; add it to aws:defaultTags (tags.${tagKey}), choose another budget.tagKey, or set budget to false`,
    );
    return undefined;
  }
  return { monthlyUsd, actualPercent, forecastPercent, tag: { key: tagKey, value } };
}

/** Combinations AWS cannot honour, reported with the keys to change. */
function checkCombinations(g: CommonGovernance & Partial<PrimaryGovernance>, problems: Problems) {
  if (g.securityHub === "on" && g.config === "off") {
    problems.add(
      `${KEY}.securityHub`,
      "Security Hub evaluates its standards' controls through AWS Config rules, which need a recorder; set config to true or organization, or securityHub to false",
    );
  }
  if (g.objectLockDays !== undefined && g.cloudTrail !== "on") {
    problems.add(
      `${KEY}.objectLockDays`,
      "locks the trail bucket, which this stack creates only when cloudTrail is true; remove objectLockDays or set cloudTrail to true",
    );
  }
}

export function parseGovernance(
  read: ConfigReader,
  role: "primary" | "standby",
  problems: Problems,
): PrimaryGovernance | StandbyGovernance {
  const raw = readObject(read, KEY, KEYS, problems);
  const common: CommonGovernance = {
    config: readMode(raw, "config", problems),
    securityHub: readMode(raw, "securityHub", problems),
    guardDuty: readMode(raw, "guardDuty", problems),
    macie: readMode(raw, "macie", problems),
    accessAnalyzer: readMode(raw, "accessAnalyzer", problems),
  };
  const budget = readBudget(read, raw, role, problems);
  if (budget) common.budget = budget;
  if (role === "standby") {
    for (const field of PRIMARY_ONLY) {
      if (raw[field] !== undefined) {
        problems.add(
          `${KEY}.${field}`,
          field === "costAnomaly" || field === "anomalyThresholdUsd"
            ? "is for the primary only: Cost Anomaly Detection watches the whole account from there"
            : "is for the primary only: its multi-Region trail already records this region",
        );
      }
    }
    checkCombinations(common, problems);
    return common;
  }
  const primary: PrimaryGovernance = {
    ...common,
    cloudTrail: readMode(raw, "cloudTrail", problems),
    trailLogRetentionDays: readRetentionDays(
      raw,
      "trailLogRetentionDays",
      KEY,
      GOVERNANCE_DEFAULTS.trailLogRetentionDays,
      problems,
    ),
    costAnomaly: readMode(raw, "costAnomaly", problems),
    anomalyThresholdUsd: readInteger(
      raw,
      "anomalyThresholdUsd",
      KEY,
      1,
      1_000_000,
      GOVERNANCE_DEFAULTS.anomalyThresholdUsd,
      problems,
      " (USD of total impact)",
    ),
  };
  if (raw.objectLockDays !== undefined) {
    // Compliance-mode retention: not even the root user can shorten it. At most ten years here.
    primary.objectLockDays = readInteger(
      raw,
      "objectLockDays",
      KEY,
      1,
      3650,
      0,
      problems,
      " (days of compliance-mode retention)",
    );
  }
  checkCombinations(primary, problems);
  return primary;
}
