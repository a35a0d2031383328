/** Raw stack configs as the Pulumi CLI hands them over, and the parser driven like the CLI. */
import { expect } from "chai";
import { ConfigError, StackConfig, parseStackConfig } from "../../../stacks/config";

export type Raw = Record<string, unknown>;

/** What Pulumi.yaml sets for every stack: the budget filters by its `project` tag. */
const defaultTags = { tags: { project: "ecommerce-platform" } };

export const primaryRaw: Raw = {
  "aws:region": "ap-south-1",
  "aws:defaultTags": defaultTags,
  "ecommerce:role": "primary",
  "ecommerce:network": { cidr: "10.10.0.0/16", azCount: 3 },
  "ecommerce:edge": { domain: "shop.example.com" },
};
export const standbyRaw: Raw = {
  "aws:region": "ap-southeast-1",
  "aws:defaultTags": defaultTags,
  "ecommerce:role": "standby",
  "ecommerce:network": { cidr: "10.20.0.0/16" },
  "ecommerce:dr": { primaryStack: "organization/ecommerce-platform/prod-mumbai" },
};

/** Serializes like the Pulumi CLI: objects as JSON text, scalars as strings. */
export function parse(raw: Raw): StackConfig {
  return parseStackConfig(
    (key) => {
      const v = raw[key];
      if (v === undefined) return undefined;
      return typeof v === "object" ? JSON.stringify(v) : String(v);
    },
    // The keys the stack sets, as `pulumi.runtime.allConfig()` lists them.
    Object.keys(raw),
  );
}

export function problemsOf(raw: Raw): string[] {
  try {
    parse(raw);
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

/** `base` with the value at a dotted key (`ecommerce:data.aurora.backupDays`), sections merged. */
export function withKey(base: Raw, dotted: string, value: unknown): Raw {
  const [top, ...path] = dotted.split(".");
  const set = (obj: unknown, rest: string[]): unknown => {
    if (rest.length === 0) return value;
    const o = typeof obj === "object" && obj !== null ? (obj as Raw) : {};
    return { ...o, [rest[0]]: set(o[rest[0]], rest.slice(1)) };
  };
  return { ...base, [top]: set(base[top], path) };
}

/** The problems of a config, or [] when it parses. */
export function problemsOrNone(raw: Raw): string[] {
  try {
    parse(raw);
    return [];
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}
