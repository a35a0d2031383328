/**
 * Generic readers for the stack configuration: each validates one raw value and, on bad input,
 * records a problem naming the full config key and what is accepted, so every problem is
 * reported in one run (see config.ts).
 */

/** CloudWatch Logs only accepts these retention periods (days). */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

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

export function readObject(
  read: ConfigReader,
  key: string,
  allowed: readonly string[],
  problems: Problems,
): RawObject {
  const text = read(key);
  if (text === undefined || text === "") {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add(key, `must be an object with the keys ${allowed.join(", ")}`);
    return {};
  }
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) {
      problems.add(`${key}.${k}`, `unknown key; accepted keys: ${allowed.join(", ")}`);
    }
  }
  return value as RawObject;
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

export function oneOf<T extends string>(
  value: unknown,
  accepted: readonly T[],
  key: string,
  problems: Problems,
): T | undefined {
  if (typeof value === "string" && (accepted as readonly string[]).includes(value)) {
    return value as T;
  }
  problems.add(key, `${JSON.stringify(value)} is not accepted; use one of ${accepted.join(" | ")}`);
  return undefined;
}

export function readBoolean(
  read: ConfigReader,
  key: string,
  fallback: boolean,
  problems: Problems,
): boolean {
  const text = read(key);
  if (text === undefined) {
    return fallback;
  }
  const value = asBoolean(text);
  if (value === undefined) {
    problems.add(key, `${JSON.stringify(text)} is not accepted; use true | false`);
    return fallback;
  }
  return value;
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

export function readSection(
  raw: RawObject,
  key: string,
  section: string,
  allowed: readonly string[],
  problems: Problems,
): RawObject {
  const value = raw[section];
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.add(`${key}.${section}`, `must be an object with the keys ${allowed.join(", ")}`);
    return {};
  }
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k))
      problems.add(`${key}.${section}.${k}`, `unknown key; accepted keys: ${allowed.join(", ")}`);
  }
  return value as RawObject;
}

export function readInteger(
  raw: RawObject,
  field: string,
  key: string,
  min: number,
  max: number,
  fallback: number,
  problems: Problems,
  why = "",
): number {
  if (raw[field] === undefined) return fallback;
  const n = asInteger(raw[field]);
  if (n === undefined || n < min || n > max) {
    problems.add(
      `${key}.${field}`,
      `${JSON.stringify(raw[field])} is not accepted; use an integer from ${min} to ${max}${why}`,
    );
    return fallback;
  }
  return n;
}

export function readPattern(
  raw: RawObject,
  field: string,
  key: string,
  pattern: RegExp,
  example: string,
  fallback: string,
  problems: Problems,
): string {
  if (raw[field] === undefined) return fallback;
  if (typeof raw[field] !== "string" || !pattern.test(raw[field] as string)) {
    problems.add(
      `${key}.${field}`,
      `${JSON.stringify(raw[field])} is not accepted; use a value like ${example}`,
    );
    return fallback;
  }
  return raw[field] as string;
}

export function readList(
  raw: RawObject,
  field: string,
  key: string,
  accepted: (v: string) => boolean,
  what: string,
  fallback: string[],
  problems: Problems,
  allowEmpty = false,
): string[] {
  const value = raw[field];
  if (value === undefined) return fallback;
  if (
    !Array.isArray(value) ||
    (!allowEmpty && value.length === 0) ||
    value.some((v) => typeof v !== "string" || !accepted(v))
  ) {
    problems.add(`${key}.${field}`, `${JSON.stringify(value)} is not accepted; use ${what}`);
    return fallback;
  }
  return value as string[];
}

/** Log groups that hold access and audit trails keep three months at hand (PCI DSS 10.5.1). */
export const MIN_LOG_RETENTION_DAYS = 90;

/** A CloudWatch Logs retention of at least three months. */
export function readRetentionDays(
  raw: RawObject,
  field: string,
  key: string,
  fallback: number,
  problems: Problems,
): number {
  if (raw[field] === undefined) return fallback;
  const n = asInteger(raw[field]);
  const accepted = LOG_RETENTION_DAYS.filter((days) => days >= MIN_LOG_RETENTION_DAYS);
  if (n === undefined || !accepted.includes(n)) {
    problems.add(
      `${key}.${field}`,
      `${JSON.stringify(raw[field])} is not accepted; use a CloudWatch retention of at least ${MIN_LOG_RETENTION_DAYS} days: ${accepted.join(", ")}`,
    );
    return fallback;
  }
  return n;
}
