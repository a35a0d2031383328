/**
 * The keys outside any section: the stack's region and role, and Pulumi `protect`. Also the
 * patterns several sections share.
 */
import { ParseContext, oneOf, readBoolean } from "./readers";
import { KeySpec } from "./spec";

export type Role = "primary" | "standby";
export const ROLES: readonly Role[] = ["primary", "standby"];

export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

export const COMMON_DEFAULTS = {
  protect: true,
};

/** Keys of the `aws:` namespace the program reads (documented; Pulumi owns the namespace). */
export const AWS_SPEC = {
  region: {
    type: "string",
    defaultText: "— (required)",
    doc: "the stack's region, e.g. `ap-south-1`",
  },
  defaultTags: {
    type: "object",
    defaultText: "project tags in `Pulumi.yaml`",
    doc: "tags on every AWS resource",
  },
} as const satisfies Record<string, KeySpec>;

export const ROLE_SPEC: KeySpec = {
  type: "string",
  defaultText: "— (required)",
  doc: "the stack's part in the DR pair: `primary` \\| `standby`",
};

export const PROTECT_SPEC: KeySpec = {
  type: "bool",
  default: COMMON_DEFAULTS.protect,
  doc: "Pulumi `protect` on stateful resources: keys, global cluster, clusters, tables and replicas, buckets, secrets, the cache (AWS deletion protection stays on regardless); `false` needs rule `aws-stateful-resource-enable-pulumi-protect` set advisory",
};

/** `aws:region`: required, an AWS region name; undefined when missing or malformed. */
export function parseRegion(ctx: ParseContext): string | undefined {
  const region = ctx.read("aws:region");
  if (region === undefined || region === "") {
    ctx.problems.add("aws:region", "is required; set the stack's AWS region, e.g. ap-south-1");
    return undefined;
  }
  if (!REGION_PATTERN.test(region)) {
    ctx.problems.add("aws:region", `"${region}" is not an AWS region name; use e.g. ap-south-1`);
    return undefined;
  }
  return region;
}

/** `ecommerce:role`: required, `primary` or `standby`. */
export function parseRole(ctx: ParseContext): Role | undefined {
  const roleText = ctx.read("ecommerce:role");
  if (roleText === undefined) {
    ctx.problems.add("ecommerce:role", `is required; use one of ${ROLES.join(" | ")}`);
    return undefined;
  }
  return oneOf(roleText, { accepted: ROLES, key: "ecommerce:role" }, ctx.problems);
}

/** `ecommerce:protect`. */
export function parseProtect(ctx: ParseContext): boolean {
  return readBoolean(ctx, "ecommerce:protect", { default: COMMON_DEFAULTS.protect });
}
