/**
 * `ecommerce:governance`: the account-level audit, detection, compliance and cost services. Each is
 * a singleton per account (and region) that an organization may already run, so each can be `true`
 * (this stack creates it), `false` (nobody here), or `organization` (the organization runs it for
 * this account: this stack creates nothing, and what depends on it may rely on it). Pure, like
 * the other sections: every problem names its key.
 */
import { Role } from "./common";
import {
  ConfigReader,
  ParseContext,
  RawSection,
  asBoolean,
  int,
  readObject,
  retention,
  section,
} from "./readers";
import { KeySpec } from "./spec";

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

const g = GOVERNANCE_DEFAULTS;

const MODES_DOC =
  "`true` (this stack creates it) \\| `false` \\| `organization` (the organization runs it for this account: nothing is created here)";

const service = (
  what: string,
  options: { primaryOnly?: boolean; note?: string } = {},
): KeySpec => ({
  type: "bool or string",
  defaultText: "`true`",
  doc: `${options.primaryOnly ? "primary only: " : ""}${what}: ${MODES_DOC}${options.note ?? ""}`,
});

export const GOVERNANCE_SPEC = {
  keys: {
    config: service("the AWS Config recorder, delivery channel and PCI DSS rules in this region"),
    securityHub: service("Security Hub with the FSBP, CIS and PCI DSS standards in this region", {
      note: "; `true` needs `config` `true` or `organization`",
    }),
    guardDuty: service(
      "GuardDuty and its protection plans in this region; high findings reach the alarm topic",
    ),
    macie: service("Macie and a weekly classification job over the shop's buckets in this region"),
    accessAnalyzer: service("IAM Access Analyzer (account analyzer) in this region"),
    cloudTrail: service("the multi-Region trail (it records every region)", { primaryOnly: true }),
    costAnomaly: service("Cost Anomaly Detection (account-wide)", { primaryOnly: true }),
    objectLockDays: {
      type: "int",
      defaultText: "unset",
      doc: "primary only, with `cloudTrail: true`: Object Lock (compliance mode) on the trail bucket, `1`–`3650` days",
    },
    trailLogRetentionDays: {
      type: "int",
      default: g.trailLogRetentionDays,
      doc: "primary only: the trail's log group, a CloudWatch retention of at least `90` days",
    },
    anomalyThresholdUsd: {
      type: "int",
      default: g.anomalyThresholdUsd,
      doc: "primary only: cost anomalies with at least this total impact (USD, `1`–`1000000`) reach the alarm topic",
    },
    budget: {
      type: "object or `false`",
      defaultText: "on, with the values below",
      doc: "a monthly cost budget for this stack; `false`: none",
      keys: {
        monthlyUsd: {
          type: "int",
          defaultText: `\`${g.budget.monthlyUsd.primary}\` (primary), \`${g.budget.monthlyUsd.standby}\` (standby)`,
          doc: "the monthly budget, USD: `1`–`10000000`",
        },
        actualPercent: {
          type: "int",
          default: g.budget.actualPercent,
          doc: "alert when actual spend passes this share of the budget: `1`–`1000` percent",
        },
        forecastPercent: {
          type: "int",
          default: g.budget.forecastPercent,
          doc: "alert when the month's forecast passes this share of the budget: `1`–`1000` percent",
        },
        tagKey: {
          type: "string",
          default: g.budget.tagKey,
          doc: "the cost allocation tag the budget filters by, which `aws:defaultTags` must set",
        },
      },
    },
  },
} as const satisfies KeySpec;

const PRIMARY_ONLY = [
  "cloudTrail",
  "costAnomaly",
  "objectLockDays",
  "trailLogRetentionDays",
  "anomalyThresholdUsd",
];
const KEY = "ecommerce:governance";

function readMode(raw: RawSection, field: string): ServiceMode {
  const value = raw.get(field);
  if (value === undefined) return GOVERNANCE_DEFAULTS.mode;
  if (value === "organization") return "organization";
  const b = asBoolean(value);
  if (b === undefined) {
    raw.add(field, `${JSON.stringify(value)} is not accepted; use ${MODES_TEXT}`);
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

function readBudget(ctx: ParseContext, raw: RawSection, role: Role): BudgetConfig | undefined {
  const d = GOVERNANCE_DEFAULTS.budget;
  const value = raw.get("budget");
  if (value !== undefined && asBoolean(value) === false) return undefined;
  const budget =
    value === undefined || asBoolean(value) === true
      ? new RawSection(`${KEY}.budget`, {}, GOVERNANCE_SPEC.keys.budget, ctx.problems)
      : section(raw, "budget");
  const percent = { min: 1, max: 1000, why: " (percent of the budget)" };
  const monthlyUsd = int(budget, "monthlyUsd", {
    min: 1,
    max: 10_000_000,
    default: d.monthlyUsd[role],
    why: " (USD a month)",
  });
  const actualPercent = int(budget, "actualPercent", { ...percent, default: d.actualPercent });
  const forecastPercent = int(budget, "forecastPercent", {
    ...percent,
    default: d.forecastPercent,
  });
  const tagKeyRaw = budget.get("tagKey");
  const tagKey = typeof tagKeyRaw === "string" ? tagKeyRaw : d.tagKey;
  const tag = defaultTags(ctx.read)[tagKey];
  if (typeof tag !== "string" || tag === "") {
    ctx.problems.add(
      budget.key,
      `filters costs by the cost allocation tag "${tagKey}", which aws:defaultTags does not set; add it to aws:defaultTags (tags.${tagKey}), choose another budget.tagKey, or set budget to false`,
    );
    return undefined;
  }
  return { monthlyUsd, actualPercent, forecastPercent, tag: { key: tagKey, value: tag } };
}

/** Combinations AWS cannot honour, reported with the keys to change. */
function checkCombinations(g: CommonGovernance & Partial<PrimaryGovernance>, raw: RawSection) {
  if (g.securityHub === "on" && g.config === "off") {
    raw.add(
      "securityHub",
      "Security Hub evaluates its standards' controls through AWS Config rules, which need a recorder; set config to true or organization, or securityHub to false",
    );
  }
  if (g.objectLockDays !== undefined && g.cloudTrail !== "on") {
    raw.add(
      "objectLockDays",
      "locks the trail bucket, which this stack creates only when cloudTrail is true; remove objectLockDays or set cloudTrail to true",
    );
  }
}

export function parseGovernance(
  ctx: ParseContext & { role: Role },
): PrimaryGovernance | StandbyGovernance {
  const raw = readObject(ctx, KEY, GOVERNANCE_SPEC);
  const common: CommonGovernance = {
    config: readMode(raw, "config"),
    securityHub: readMode(raw, "securityHub"),
    guardDuty: readMode(raw, "guardDuty"),
    macie: readMode(raw, "macie"),
    accessAnalyzer: readMode(raw, "accessAnalyzer"),
  };
  const budget = readBudget(ctx, raw, ctx.role);
  if (budget) common.budget = budget;
  if (ctx.role === "standby") {
    for (const field of PRIMARY_ONLY) {
      if (raw.get(field) !== undefined) {
        raw.add(
          field,
          field === "costAnomaly" || field === "anomalyThresholdUsd"
            ? "is for the primary only: Cost Anomaly Detection watches the whole account from there"
            : "is for the primary only: its multi-Region trail already records this region",
        );
      }
    }
    checkCombinations(common, raw);
    return common;
  }
  const primary: PrimaryGovernance = {
    ...common,
    cloudTrail: readMode(raw, "cloudTrail"),
    trailLogRetentionDays: retention(raw, "trailLogRetentionDays", {
      default: GOVERNANCE_DEFAULTS.trailLogRetentionDays,
    }),
    costAnomaly: readMode(raw, "costAnomaly"),
    anomalyThresholdUsd: int(raw, "anomalyThresholdUsd", {
      min: 1,
      max: 1_000_000,
      default: GOVERNANCE_DEFAULTS.anomalyThresholdUsd,
      why: " (USD of total impact)",
    }),
  };
  if (raw.get("objectLockDays") !== undefined) {
    // Compliance-mode retention: not even the root user can shorten it. At most ten years here.
    primary.objectLockDays = int(raw, "objectLockDays", {
      min: 1,
      max: 3650,
      default: 0,
      why: " (days of compliance-mode retention)",
    });
  }
  checkCombinations(primary, raw);
  return primary;
}
