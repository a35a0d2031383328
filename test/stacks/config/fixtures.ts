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

/** A bad config: its title, the raw config and a pattern one of its problems must match. */
export type BadCase = [string, Raw, RegExp];

/** A test's title and body, for a table-driven `it` in the test file. */
export type TestCase = [string, () => void];

/** One test per bad config: some problem names the key and what is accepted. */
export function rejectTests(cases: BadCase[]): TestCase[] {
  return cases.map(([title, raw, pattern]) => [
    title,
    () => {
      const problems = problemsOf(raw);
      expect(
        problems.some((p) => pattern.test(p)),
        problems.join("\n"),
      ).to.equal(true);
    },
  ]);
}

/** An integer key's accepted range, tested on both sides of both ends. */
export interface Bound {
  /** The full dotted key, e.g. `ecommerce:data.aurora.backupDays`. */
  key: string;
  min: number;
  max: number;
  /** The stack config the value is set in (default: the primary's). */
  base?: Raw;
  /** Where the parsed value lands. */
  read: (cfg: StackConfig) => unknown;
  /** The explanation the error appends, e.g. " (Multi-AZ failover needs a replica)". */
  why?: string;
  /** Title suffix when one key is tested in several settings (e.g. per role). */
  label?: string;
}

/** For each bound: min and max accepted, min - 1 and max + 1 refused with the exact message. */
export function boundTests(bounds: Bound[]): TestCase[] {
  return bounds.flatMap((b): TestCase[] => {
    const base = b.base ?? primaryRaw;
    const title = `${b.key}${b.label ? ` (${b.label})` : ""}`;
    return [
      [
        `${title}: accepts ${b.min} and ${b.max}`,
        () => {
          for (const value of [b.min, b.max]) {
            const cfg = parse(withKey(base, b.key, value));
            expect(b.read(cfg), `${b.key}=${value}`).to.equal(value);
          }
        },
      ],
      [
        `${title}: refuses ${b.min - 1} and ${b.max + 1}`,
        () => {
          for (const value of [b.min - 1, b.max + 1]) {
            expect(problemsOf(withKey(base, b.key, value))).to.include(
              `${b.key}: ${value} is not accepted; use an integer from ${b.min} to ${b.max}${b.why ?? ""}`,
            );
          }
        },
      ],
    ];
  });
}
