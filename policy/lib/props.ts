/** Small readers for provider props, which arrive as JSON strings, objects, or "true"/"false". */
/** A resource's inputs as the analyzer hands them over. */
export type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

export function asArray<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** A policy document given as JSON text or as an object. */
export function parseDocument(value: unknown): { Statement?: unknown } | undefined {
  if (typeof value === "string") {
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof value === "object" && value !== null ? (value as Props) : undefined;
}

export interface Statement {
  Effect?: string;
  Principal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

export function statements(doc: unknown): Statement[] {
  return asArray<Statement>(parseDocument(doc)?.Statement);
}

/** True when a principal is anyone: "*" or {"AWS": "*"} (alone or in a list). */
export function isWildcardPrincipal(principal: unknown): boolean {
  if (principal === "*") return true;
  if (typeof principal === "object" && principal !== null) {
    return asArray((principal as Props).AWS).includes("*");
  }
  return false;
}

/** Both IPv4 and IPv6 "anywhere" blocks. */
export const ANYWHERE = ["0.0.0.0/0", "::/0"];
