/**
 * The Region switch settings of the standby's `ecommerce:dr` section: whether the plan's workflows
 * wait for a person (`dr.approval`, default true) and whether the primary's health alarm starts
 * the activation of the standby by itself (`dr.autoFailover`, default false). Both are the
 * standby's: the plan lives there (components/regionswitch/README.md says why).
 */
import { Problems, RawObject, asBoolean } from "./configReaders";

/** The `ecommerce:dr` keys this module reads. */
export const SWITCH_KEYS = ["approval", "autoFailover"] as const;

export interface SwitchConfig {
  /** A ManualApproval step opens every workflow (`ecommerce:dr.approval`, default true). */
  approval: boolean;
  /**
   * The primary's API health alarm starts the workflow that activates the standby
   * (`ecommerce:dr.autoFailover`, default false).
   */
  autoFailover: boolean;
}

export const SWITCH_DEFAULTS: SwitchConfig = { approval: true, autoFailover: false };

/** Reads the switch keys of an already parsed `ecommerce:dr` object; problems name each key. */
export function parseSwitch(
  dr: RawObject,
  role: "primary" | "standby" | undefined,
  problems: Problems,
): SwitchConfig {
  const result = { ...SWITCH_DEFAULTS };
  for (const key of SWITCH_KEYS) {
    const raw = dr[key];
    if (raw === undefined) continue;
    if (role === "primary") {
      problems.add(
        `ecommerce:dr.${key}`,
        "is for the standby only: the Region switch plan lives in the standby stack",
      );
      continue;
    }
    const value = asBoolean(raw);
    if (value === undefined) {
      problems.add(
        `ecommerce:dr.${key}`,
        `${JSON.stringify(raw)} is not accepted; use true | false`,
      );
    } else {
      result[key] = value;
    }
  }
  return result;
}
