/**
 * `ecommerce:dr`: the stack's disaster-recovery settings. The primary lists the regions it
 * replicates into and may run a traffic drill; the standby has its mode (see docs/runbook.md),
 * the primary stack's name and the operator's share of the RTO.
 */
import { REGION_PATTERN, Role } from "./common";
import { ParseContext, flag, int, oneOf, readObject } from "./readers";
import { KeySpec } from "./spec";

/** The standby's disaster-recovery posture: `ecommerce:dr.mode` (see docs/runbook.md). */
export type DrMode = "standby" | "drill" | "failover";
export const DR_MODES: readonly DrMode[] = ["standby", "drill", "failover"];

export const DR_DEFAULTS = {
  mode: "standby" as DrMode,
  drill: false,
  fis: false,
  operatorMinutes: 3,
  approval: true,
  autoFailover: false,
};

/** No default: a standby must name its primary. This is the example its errors show. */
const PRIMARY_STACK_EXAMPLE = "organization/ecommerce-platform/prod-mumbai";

export const DR_SPEC = {
  keys: {
    mode: {
      type: "string",
      default: DR_DEFAULTS.mode,
      doc: "standby only: `standby` \\| `drill` \\| `failover`; drives the database posture, capacity and NAT gateways",
    },
    drill: {
      type: "bool",
      default: DR_DEFAULTS.drill,
      doc: "primary only: invert the primary's Route 53 health check, so traffic moves to the standby (a traffic drill with no outage)",
    },
    primaryStack: {
      type: "string",
      defaultText: "— (required on the standby)",
      doc: "`org/project/stack` of the primary",
    },
    replicaRegions: {
      type: "list",
      default: [],
      doc: "primary only: the standbys' regions; secrets (with their key) and images are replicated there; must include the standby's region",
    },
    operatorMinutes: {
      type: "int",
      default: DR_DEFAULTS.operatorMinutes,
      doc: "standby only: `0`–`120` typical minutes a person needs to confirm an outage and start or approve the switch (the DR model: 1 min best, 5× worst)",
    },
    fis: {
      type: "bool",
      default: DR_DEFAULTS.fis,
      doc: "create the AWS FIS chaos-drill templates in this stack",
    },
    approval: {
      type: "bool",
      default: DR_DEFAULTS.approval,
      doc: "standby only: a ManualApproval step opens every workflow of the Region switch plan (approver role `<prefix>-switch-approver`)",
    },
    autoFailover: {
      type: "bool",
      default: DR_DEFAULTS.autoFailover,
      doc: "standby only: the primary's `route53-api-health` alarm triggers the plan's workflow that activates the standby",
    },
  },
} as const satisfies KeySpec;

export interface PrimaryDr {
  /** Inverts the primary's health check so Route 53 serves the standby (a traffic drill). */
  drill: boolean;
  /**
   * Regions of the standbys. The primary replicates into them what a standby cannot create
   * itself: its secrets (with the secrets key) and its container images.
   */
  replicaRegions: string[];
}

export interface StandbyDr {
  mode: DrMode;
  /**
   * Minutes an operator needs to confirm a regional outage and run `pulumi up` with
   * dr.mode=failover: the manual step of the RTO model.
   */
  operatorMinutes: number;
  /** Fully qualified name of the primary stack (`org/project/stack`). */
  primaryStack: string;
  /** A ManualApproval step opens every Region switch workflow (`ecommerce:dr.approval`). */
  approval: boolean;
  /** The primary's health alarm activates the standby (`ecommerce:dr.autoFailover`). */
  autoFailover: boolean;
}

/** Everything `ecommerce:dr` sets, for either role (the composition picks its role's part). */
export type DrConfig = PrimaryDr & StandbyDr & { fis: boolean };

const STACK_NAME_PATTERN = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function parseDr(
  ctx: ParseContext & { region: string | undefined; role: Role | undefined },
): DrConfig {
  const dr = readObject(ctx, "ecommerce:dr", DR_SPEC);
  const { role, region } = ctx;
  const fis = flag(dr, "fis", { default: DR_DEFAULTS.fis });
  let operatorMinutes = DR_DEFAULTS.operatorMinutes;
  if (dr.get("operatorMinutes") !== undefined) {
    if (role !== "standby") {
      dr.add(
        "operatorMinutes",
        "is for the standby only: it estimates the manual step of its failover",
      );
    } else {
      operatorMinutes = int(dr, "operatorMinutes", { min: 0, max: 120, default: operatorMinutes });
    }
  }
  const result: DrConfig = {
    fis,
    operatorMinutes,
    drill: DR_DEFAULTS.drill,
    replicaRegions: [],
    mode: DR_DEFAULTS.mode,
    primaryStack: "",
    approval: DR_DEFAULTS.approval,
    autoFailover: DR_DEFAULTS.autoFailover,
  };
  // The Region switch plan lives in the standby stack (components/regionswitch).
  for (const key of ["approval", "autoFailover"] as const) {
    if (dr.get(key) === undefined) continue;
    if (role === "primary") {
      dr.add(key, "is for the standby only: the Region switch plan lives in the standby stack");
    } else {
      result[key] = flag(dr, key, { default: DR_DEFAULTS[key] });
    }
  }
  if (role === "primary") {
    const regions = dr.get("replicaRegions");
    if (regions !== undefined) {
      if (
        !Array.isArray(regions) ||
        regions.some((r) => typeof r !== "string" || !REGION_PATTERN.test(r) || r === region)
      ) {
        dr.add(
          "replicaRegions",
          `${JSON.stringify(regions)} is not accepted; use a list of other AWS regions, e.g. [ap-southeast-1]`,
        );
      } else {
        result.replicaRegions = regions as string[];
      }
    }
    if (dr.get("mode") !== undefined) {
      dr.add(
        "mode",
        `is for the standby only; a primary is always active (use ecommerce:dr.drill to rehearse failover)`,
      );
    }
    if (dr.get("primaryStack") !== undefined) {
      dr.add("primaryStack", `is for the standby only; remove it from the primary`);
    }
    result.drill = flag(dr, "drill", { default: DR_DEFAULTS.drill });
  } else if (role === "standby") {
    if (dr.get("replicaRegions") !== undefined) {
      dr.add(
        "replicaRegions",
        "is for the primary only; it lists the regions the primary replicates to",
      );
    }
    const mode = dr.get("mode");
    if (mode !== undefined) {
      result.mode =
        oneOf(mode, { accepted: DR_MODES, key: "ecommerce:dr.mode" }, ctx.problems) ??
        DR_DEFAULTS.mode;
    }
    if (dr.get("drill") !== undefined) {
      dr.add(
        "drill",
        `is for the primary only; on the standby use ecommerce:dr.mode (${DR_MODES.join(" | ")})`,
      );
    }
    const primaryStack = dr.get("primaryStack");
    if (primaryStack === undefined) {
      dr.add(
        "primaryStack",
        `is required for a standby; use the primary's fully qualified name, e.g. ${PRIMARY_STACK_EXAMPLE}`,
      );
    } else if (typeof primaryStack !== "string" || !STACK_NAME_PATTERN.test(primaryStack)) {
      dr.add(
        "primaryStack",
        `${JSON.stringify(primaryStack)} is not accepted; use org/project/stack, e.g. ${PRIMARY_STACK_EXAMPLE}`,
      );
    } else {
      result.primaryStack = primaryStack;
    }
  }
  return result;
}
