/**
 * The last guard before a plan file is written: no secret's plaintext may appear in it. The
 * recorder redacts every value that travels as a secret, but a program can still copy a secret
 * into a plain input (an `apply` that returns it, `pulumi.unsecret`, a string built from it), and
 * then the plan would hold it in clear. The engine knows every plaintext it handed out (secret
 * config values, secret resource outputs such as a RandomPassword's `result`, secret inputs and
 * StackReference outputs), so it looks for each in the plan before the file is written.
 */
import { StackPlan, UNKNOWN_PLACEHOLDER } from "./plan";

/** A plaintext the engine knows to be secret, and where it came from (for the error). */
export interface KnownSecret {
  value: string;
  /** e.g. `config ecommerce:apiToken`, `random:index/randomPassword:RandomPassword "db" output result`. */
  source: string;
}

/** Where a secret's plaintext was found in a plan. */
export interface SecretLeak {
  secret: KnownSecret;
  /** `<type> "<name>"` of the resource holding it, or "the stack" for top-level fields. */
  holder: string;
  /** Dotted path inside the holder (e.g. `inputs.value`), or inside the plan for "the stack". */
  path: string;
}

/**
 * Shorter plaintexts are not looked for: a secret flag, a port or a word such as "true" would be
 * found by chance all over a plan. Generated passwords, tokens and keys are far longer.
 */
export const MIN_SECRET_LENGTH = 8;

/** Distinct secrets worth looking for (long enough, not a placeholder). */
export function searchable(secrets: KnownSecret[]): KnownSecret[] {
  const seen = new Set<string>();
  return secrets.filter((s) => {
    if (s.value.length < MIN_SECRET_LENGTH || s.value === UNKNOWN_PLACEHOLDER) return false;
    if (seen.has(s.value)) return false;
    seen.add(s.value);
    return true;
  });
}

/** Paths of the strings (keys included) under `value` that contain `needle`. */
function pathsContaining(value: unknown, needle: string, at: string[] = []): string[][] {
  if (typeof value === "string") return value.includes(needle) ? [at] : [];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => pathsContaining(v, needle, [...at, String(i)]));
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes(needle) ? [[...at, k]] : []),
      ...pathsContaining(v, needle, [...at, k]),
    ]);
  }
  return [];
}

/** Every place in `plan` where one of `secrets` appears in clear. */
export function findSecretLeaks(plan: StackPlan, secrets: KnownSecret[]): SecretLeak[] {
  return searchable(secrets).flatMap((secret) =>
    pathsContaining(plan, secret.value).map((at) => {
      if (at[0] === "resources" && at.length > 2) {
        const r = plan.resources[Number(at[1])];
        return { secret, holder: `${r.type} "${r.name}"`, path: at.slice(2).join(".") };
      }
      return { secret, holder: "the stack", path: at.join(".") };
    }),
  );
}

export class SecretLeakError extends Error {
  constructor(
    readonly stack: string,
    readonly leaks: SecretLeak[],
  ) {
    const lines = leaks.map(
      (l) => `  ${l.holder} (${l.path}) holds the plaintext of ${l.secret.source}`,
    );
    super(
      [
        `refusing to write the plan of ${stack}: a secret's plaintext would be written in clear`,
        ...lines,
        "Keep the value secret wherever it flows (pulumi.secret, additionalSecretOutputs; no pulumi.unsecret).",
      ].join("\n"),
    );
    this.name = "SecretLeakError";
  }
}

/** A secret's plaintext as it reads inside a JSON string (quotes and backslashes escaped). */
const escaped = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * A plaintext that starts with a low surrogate or ends with a high one: JSON escapes such a code
 * unit only while it is unpaired, so inside a longer string it may be written neither raw (if the
 * secret also holds a quote or a backslash) nor escaped.
 */
const edgeSurrogate = (value: string) => /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(value);

/**
 * Throws a SecretLeakError when the plan, or its serialized `text`, holds a secret's plaintext
 * (the text is what would be written: a leak found only there is reported against the stack).
 *
 * `text` is the plan as JSON writes it: every string it writes, keys included, is escaped code
 * unit by code unit, so a string holding a secret puts the secret's raw or escaped form in the
 * text (but for a surrogate at the secret's edge, whose secrets are looked for in the plan
 * itself). The text is searched first, and the plan is walked only for the secrets found there,
 * to say where they are, instead of once for every secret.
 */
export function assertNoSecretLeaks(plan: StackPlan, secrets: KnownSecret[], text: string): void {
  const inText = searchable(secrets).filter(
    (s) => text.includes(s.value) || text.includes(escaped(s.value)) || edgeSurrogate(s.value),
  );
  if (inText.length === 0) return;
  const leaks = findSecretLeaks(plan, inText);
  for (const secret of inText) {
    const found = text.includes(secret.value) || text.includes(escaped(secret.value));
    if (found && !leaks.some((l) => l.secret === secret)) {
      leaks.push({ secret, holder: "the stack", path: "(serialized plan)" });
    }
  }
  if (leaks.length > 0) throw new SecretLeakError(plan.stack, leaks);
}
