/**
 * Reads stack configuration the way the Pulumi CLI does: project-level values from `Pulumi.yaml`,
 * overlaid by `Pulumi.<stack>.yaml`, then by `--config` overrides in `--path` syntax. The YAML
 * files in the repository are therefore exactly what the offline run and the tests exercise.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

export interface Project {
  name: string;
  dir: string;
  /** Project-level config values, already namespaced. */
  config: Record<string, unknown>;
}

/** One `--config STACK:NAMESPACE:KEY[.path]=VALUE` override. */
export interface ConfigOverride {
  stack: string;
  /** Full key in path syntax, e.g. `ecommerce:dr.mode`. */
  key: string;
  value: unknown;
}

const SCHEMA_FIELDS = ["type", "default", "value", "description", "secret", "items"];

function readYaml(file: string): Record<string, unknown> {
  const doc = yaml.load(fs.readFileSync(file, "utf8"));
  if (typeof doc !== "object" || doc === null) {
    throw new Error(`${file} is not a YAML mapping`);
  }
  return doc as Record<string, unknown>;
}

export function loadProject(dir: string): Project {
  const doc = readYaml(path.join(dir, "Pulumi.yaml"));
  const name = String(doc.name);
  const config: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries((doc.config ?? {}) as Record<string, unknown>)) {
    const fullKey = key.includes(":") ? key : `${name}:${key}`;
    const isSchema =
      typeof entry === "object" &&
      entry !== null &&
      !Array.isArray(entry) &&
      Object.keys(entry).some((k) => SCHEMA_FIELDS.includes(k));
    const value = isSchema
      ? ((entry as Record<string, unknown>).value ?? (entry as Record<string, unknown>).default)
      : entry;
    if (value !== undefined) {
      config[fullKey] = value;
    }
  }
  return { name, dir, config };
}

/** Stacks that have a `Pulumi.<stack>.yaml` in the project directory, sorted by name. */
export function listStacks(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Parses `STACK:NAMESPACE:KEY[.path]=VALUE`; the value is read as a YAML scalar or list. */
export function parseOverride(text: string): ConfigOverride {
  const match = /^([^:=]+):([^:=]+:[^=]+)=(.*)$/s.exec(text);
  if (!match) {
    throw new Error(
      `--config "${text}" is not STACK:NAMESPACE:KEY=VALUE (e.g. dr-singapore:ecommerce:dr.mode=failover)`,
    );
  }
  return { stack: match[1], key: match[2], value: yaml.load(match[3]) ?? "" };
}

type Segment = string | number;

/** Splits `ecommerce:services.cart.canary[0].weight` into the top key and its path. */
export function splitConfigPath(key: string): { top: string; path: Segment[] } {
  const colon = key.indexOf(":");
  const rest = key.slice(colon + 1);
  const first = rest.search(/[.[]/);
  const top = first < 0 ? key : key.slice(0, colon + 1 + first);
  const tail = first < 0 ? "" : rest.slice(first);
  const segments: Segment[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]/g;
  let consumed = 0;
  for (let m = pattern.exec(tail); m; m = pattern.exec(tail)) {
    if (m.index !== consumed) break;
    segments.push(m[1] !== undefined ? m[1] : Number(m[2]));
    consumed = pattern.lastIndex;
  }
  if (consumed !== tail.length) {
    throw new Error(
      `config key "${key}" has an invalid path; use dots and [index], e.g. ecommerce:dr.mode`,
    );
  }
  return { top, path: segments };
}

/** Sets `value` at `path` inside `root`, creating objects and arrays as `pulumi config set --path` does. */
function setPath(root: unknown, segments: Segment[], value: unknown): unknown {
  if (segments.length === 0) {
    return value;
  }
  const [head, ...rest] = segments;
  const container = (
    typeof root === "object" && root !== null
      ? Array.isArray(root)
        ? [...root]
        : { ...root }
      : typeof head === "number"
        ? []
        : {}
  ) as Record<string | number, unknown>;
  container[head] = setPath(container[head], rest, value);
  return container;
}

export function applyOverride(
  config: Record<string, unknown>,
  override: ConfigOverride,
): Record<string, unknown> {
  const { top, path: segments } = splitConfigPath(override.key);
  return { ...config, [top]: setPath(config[top], segments, override.value) };
}

/** The merged, structured config of one stack. */
export function loadStackConfig(
  project: Project,
  stack: string,
  overrides: ConfigOverride[] = [],
): Record<string, unknown> {
  const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    throw new Error(
      `no stack file ${path.basename(file)}; known stacks: ${listStacks(project.dir).join(", ")}`,
    );
  }
  const stackConfig = (readYaml(file).config ?? {}) as Record<string, unknown>;
  let config: Record<string, unknown> = { ...project.config, ...stackConfig };
  for (const o of overrides.filter((o) => o.stack === stack)) {
    config = applyOverride(config, o);
  }
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === "object" && value !== null && "secure" in value) {
      throw new Error(
        `${key} in ${path.basename(file)} is an encrypted secret, which cannot be decrypted offline; override it with --config ${stack}:${key}=VALUE`,
      );
    }
  }
  return config;
}

/** Keys the stack file holds as encrypted (`secure:`) values: secret once supplied offline. */
export function secureKeys(project: Project, stack: string): string[] {
  const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
  const stackConfig = (readYaml(file).config ?? {}) as Record<string, unknown>;
  return Object.entries(stackConfig)
    .filter(([, v]) => typeof v === "object" && v !== null && "secure" in v)
    .map(([k]) => k);
}

/** Serializes structured config the way the CLI hands it to a program: objects as JSON text. */
export function toRuntimeConfig(config: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      typeof v === "object" && v !== null ? JSON.stringify(v) : String(v),
    ]),
  );
}
