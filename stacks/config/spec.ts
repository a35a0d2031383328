/**
 * The configuration's specs: every key the program reads, with a one-line description. A section
 * module declares its spec once, and three things read it: its parser (the keys a section accepts,
 * so an unknown key is an error), the unknown-key check on `ecommerce:` (`ECOMMERCE_SPEC` in
 * index.ts) and the reference `docs/configuration.md` (`npm run docs`). None of them keeps its own
 * list, so they cannot disagree.
 */

/** One config key: a value, an object of further keys, or both (e.g. `governance.budget`). */
export interface KeySpec {
  /** The type as the docs show it: `int`, `string`, `bool`, `list`, `object`, … */
  readonly type?: string;
  /** The default as a literal value (shown as code); `defaultText` when it is not one. */
  readonly default?: unknown;
  /** The default in words: `— (required)`, `unset`, a role-dependent value. */
  readonly defaultText?: string;
  /** Purpose, unit and accepted values, on one line. A key without one is a plain section. */
  readonly doc?: string;
  /** The keys inside an object value. */
  readonly keys?: Spec;
  /** An object whose keys are these names (e.g. the services), each described by `node`. */
  readonly each?: {
    readonly names: readonly string[];
    readonly label: string;
    readonly node: KeySpec;
  };
}

export type Spec = Readonly<Record<string, KeySpec>>;

/** The keys an object value accepts, in the order error messages list them. */
export function keysOf(spec: KeySpec): readonly string[] {
  return spec.each ? spec.each.names : Object.keys(spec.keys ?? {});
}

/** The spec of one key inside an object value, or undefined when the spec has no such key. */
export function childOf(spec: KeySpec, name: string): KeySpec | undefined {
  if (spec.each) return spec.each.names.includes(name) ? spec.each.node : undefined;
  return spec.keys && Object.hasOwn(spec.keys, name) ? spec.keys[name] : undefined;
}

/** A documented key, as the reference lists it: its full path and its spec. */
export interface DocumentedKey {
  readonly path: string;
  readonly spec: KeySpec;
}

/**
 * Every documented key under `path`, depth first in declaration order. An `each` object shows
 * its names as the label (`ecommerce:services.<name>.image`).
 */
export function documentedKeys(path: string, spec: KeySpec): DocumentedKey[] {
  const own = spec.doc !== undefined ? [{ path, spec }] : [];
  if (spec.each) return [...own, ...documentedKeys(`${path}.${spec.each.label}`, spec.each.node)];
  return [
    ...own,
    ...Object.entries(spec.keys ?? {}).flatMap(([name, child]) =>
      documentedKeys(`${path}.${name}`, child),
    ),
  ];
}

/** A default as the docs show it: a literal in code style, or the words of `defaultText`. */
export function defaultText(spec: KeySpec): string {
  if (spec.defaultText !== undefined) return spec.defaultText;
  const literal = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(literal).join(", ")}]` : String(v);
  return spec.default === undefined ? "unset" : `\`${literal(spec.default)}\``;
}
