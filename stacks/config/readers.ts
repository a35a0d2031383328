/**
 * Generic readers for the stack configuration: each validates one raw value and, on bad input,
 * records a problem naming the full config key and what is accepted, so every problem is
 * reported in one run (see index.ts). Readers take the object being read (a `RawSection`, which
 * knows its key, its spec and where problems go), the field, and an options object.
 */
import { KeySpec, childOf, keysOf } from "./spec";

/** CloudWatch Logs only accepts these retention periods (days). */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/** Log groups that hold access and audit trails keep three months at hand (PCI DSS 10.5.1). */
export const MIN_LOG_RETENTION_DAYS = 90;

/** Reads one raw config value by its full key (`namespace:name`); objects arrive as JSON text. */
export type ConfigReader = (key: string) => string | undefined;

/** A configuration error: the message lists every problem, one per line, each naming its key. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid stack configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Collects problems while reading, so a user sees all of them in one run. */
export class Problems {
  readonly list: string[] = [];
  add(key: string, message: string): void {
    this.list.push(`${key}: ${message}`);
  }
}

export type RawObject = Record<string, unknown>;

/** What every section parser reads from: the raw config and the problems found so far. */
export interface ParseContext {
  readonly read: ConfigReader;
  readonly problems: Problems;
}

/** An object value being read: its full key, its raw fields and the spec that declares them. */
export class RawSection {
  constructor(
    readonly key: string,
    readonly values: RawObject,
    readonly spec: KeySpec,
    readonly problems: Problems,
  ) {}

  /** The raw value of a field the spec declares (reading an undeclared one is a program bug). */
  get(field: string): unknown {
    if (!childOf(this.spec, field)) {
      throw new Error(`${this.key}.${field} is read but not declared in the config spec`);
    }
    return this.values[field];
  }

  /** Records a problem with one of this object's fields. */
  add(field: string, message: string): void {
    this.problems.add(`${this.key}.${field}`, message);
  }
}

/** The top-level object `key` (JSON text), checked against the keys its spec declares. */
export function readObject(ctx: ParseContext, key: string, spec: KeySpec): RawSection {
  const allowed = keysOf(spec);
  const empty = new RawSection(key, {}, spec, ctx.problems);
  const text = ctx.read(key);
  if (text === undefined || text === "") {
    return empty;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    ctx.problems.add(key, `must be an object with the keys ${allowed.join(", ")}`);
    return empty;
  }
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) {
      ctx.problems.add(`${key}.${k}`, `unknown key; accepted keys: ${allowed.join(", ")}`);
    }
  }
  return new RawSection(key, value as RawObject, spec, ctx.problems);
}

/** The object at `parent.field`, checked against the keys its spec declares; {} when unset. */
export function section(parent: RawSection, field: string): RawSection {
  const spec = childOf(parent.spec, field);
  if (!spec) throw new Error(`${parent.key}.${field} is read but not declared in the config spec`);
  const key = `${parent.key}.${field}`;
  const allowed = keysOf(spec);
  const value = parent.values[field];
  if (value === undefined) return new RawSection(key, {}, spec, parent.problems);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    parent.problems.add(key, `must be an object with the keys ${allowed.join(", ")}`);
    return new RawSection(key, {}, spec, parent.problems);
  }
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k))
      parent.problems.add(`${key}.${k}`, `unknown key; accepted keys: ${allowed.join(", ")}`);
  }
  return new RawSection(key, value as RawObject, spec, parent.problems);
}

/** Accepts a number or a numeric string (what `pulumi config set --path` stores). */
export function asInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) {
    return value;
  }
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
    return Number(value);
  }
  return undefined;
}

/** Accepts a boolean or "true"/"false" (what `pulumi config set` stores). */
export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") {
    return value;
  }
  if (value === "true" || value === "false") {
    return value === "true";
  }
  return undefined;
}

/** One of `accepted`, or a problem naming `key` (and undefined). */
export function oneOf<T extends string>(
  value: unknown,
  options: { accepted: readonly T[]; key: string },
  problems: Problems,
): T | undefined {
  if (typeof value === "string" && (options.accepted as readonly string[]).includes(value)) {
    return value as T;
  }
  problems.add(
    options.key,
    `${JSON.stringify(value)} is not accepted; use one of ${options.accepted.join(" | ")}`,
  );
  return undefined;
}

/** A top-level boolean key (`ecommerce:protect`). */
export function readBoolean(
  ctx: ParseContext,
  key: string,
  options: { default: boolean },
): boolean {
  const text = ctx.read(key);
  if (text === undefined) {
    return options.default;
  }
  const value = asBoolean(text);
  if (value === undefined) {
    ctx.problems.add(key, `${JSON.stringify(text)} is not accepted; use true | false`);
    return options.default;
  }
  return value;
}

/** A boolean field: `true`, `false` or their strings. */
export function flag(raw: RawSection, field: string, options: { default: boolean }): boolean {
  const value = raw.get(field);
  if (value === undefined) return options.default;
  const b = asBoolean(value);
  if (b === undefined) {
    raw.add(field, `${JSON.stringify(value)} is not accepted; use true | false`);
    return options.default;
  }
  return b;
}

/** Edit distance between two words (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const ranked = candidates
    .map((c) => ({ c, d: distance(word.toLowerCase(), c.toLowerCase()) }))
    .sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.c : undefined;
}

export interface IntOptions {
  min: number;
  max: number;
  /** Returned when the field is unset or invalid. */
  default: number;
  /** Appended to the error, e.g. " (Multi-AZ failover needs a replica)". */
  why?: string;
}

/** An integer from `min` to `max` (a number or a numeric string). */
export function int(raw: RawSection, field: string, options: IntOptions): number {
  const value = raw.get(field);
  if (value === undefined) return options.default;
  const n = asInteger(value);
  if (n === undefined || n < options.min || n > options.max) {
    raw.add(
      field,
      `${JSON.stringify(value)} is not accepted; use an integer from ${options.min} to ${options.max}${options.why ?? ""}`,
    );
    return options.default;
  }
  return n;
}

/** A string matching `pattern`; the error shows `example`. */
export function text(
  raw: RawSection,
  field: string,
  options: { pattern: RegExp; example: string; default: string },
): string {
  const value = raw.get(field);
  if (value === undefined) return options.default;
  if (typeof value !== "string" || !options.pattern.test(value)) {
    raw.add(field, `${JSON.stringify(value)} is not accepted; use a value like ${options.example}`);
    return options.default;
  }
  return value;
}

/** A list of strings each of which `accepts`; the error says `what` to use. */
export function list(
  raw: RawSection,
  field: string,
  options: {
    accepts: (v: string) => boolean;
    what: string;
    default: string[];
    /** Whether `[]` is a valid value (default: no). */
    allowEmpty?: boolean;
  },
): string[] {
  const value = raw.get(field);
  if (value === undefined) return options.default;
  if (
    !Array.isArray(value) ||
    (!options.allowEmpty && value.length === 0) ||
    value.some((v) => typeof v !== "string" || !options.accepts(v))
  ) {
    raw.add(field, `${JSON.stringify(value)} is not accepted; use ${options.what}`);
    return options.default;
  }
  return value as string[];
}

/** A CloudWatch Logs retention of at least three months. */
export function retention(raw: RawSection, field: string, options: { default: number }): number {
  const value = raw.get(field);
  if (value === undefined) return options.default;
  const n = asInteger(value);
  const accepted = LOG_RETENTION_DAYS.filter((days) => days >= MIN_LOG_RETENTION_DAYS);
  if (n === undefined || !accepted.includes(n)) {
    raw.add(
      field,
      `${JSON.stringify(value)} is not accepted; use a CloudWatch retention of at least ${MIN_LOG_RETENTION_DAYS} days: ${accepted.join(", ")}`,
    );
    return options.default;
  }
  return n;
}
