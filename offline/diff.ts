/**
 * Differences between two syntheses of the same stacks: resources added and removed (by URN) and,
 * for resources in both, the input paths whose values changed. What `npm start -- --drill` prints.
 */
import { PlannedResource, StackPlan } from "./plan";

export interface InputChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface StackDiff {
  stack: string;
  added: PlannedResource[];
  removed: PlannedResource[];
  changed: { resource: PlannedResource; changes: InputChange[] }[];
  /** Input changes `pulumi up` would not apply: the resource's `ignoreChanges` covers them. */
  ignored: { resource: PlannedResource; changes: InputChange[] }[];
}

/** Whether `path` is an `ignoreChanges` entry or lies under one (`a` covers `a.b` and `a[0]`). */
export function isIgnored(path: string, ignoreChanges: string[] = []): boolean {
  return ignoreChanges.some(
    (p) => p === "*" || path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`),
  );
}

/** Leaf-level differences between two JSON values, as `a.b[2].c` paths. */
export function valueChanges(before: unknown, after: unknown, path = ""): InputChange[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) =>
      valueChanges(before[i], after[i], `${path}[${i}]`),
    ).flat();
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => valueChanges(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
}

export function diffStack(before: StackPlan, after: StackPlan): StackDiff {
  const beforeByUrn = new Map(before.resources.map((r) => [r.urn, r]));
  const afterByUrn = new Map(after.resources.map((r) => [r.urn, r]));
  // Pulumi applies the new program's ignoreChanges to the diff of an existing resource.
  const all = after.resources
    .filter((r) => beforeByUrn.has(r.urn))
    .map((r) => ({ resource: r, all: valueChanges(beforeByUrn.get(r.urn)?.inputs, r.inputs) }));
  const pick = (ignored: boolean) =>
    all
      .map(({ resource, all: changes }) => ({
        resource,
        changes: changes.filter((c) => isIgnored(c.path, resource.ignoreChanges) === ignored),
      }))
      .filter((c) => c.changes.length > 0);
  return {
    stack: after.stack,
    added: after.resources.filter((r) => !beforeByUrn.has(r.urn)),
    removed: before.resources.filter((r) => !afterByUrn.has(r.urn)),
    changed: pick(false),
    ignored: pick(true),
  };
}

export function diffPlans(before: StackPlan[], after: StackPlan[]): StackDiff[] {
  return after.map((a) => {
    const b = before.find((p) => p.stack === a.stack);
    if (!b) throw new Error(`no baseline plan for ${a.stack}`);
    return diffStack(b, a);
  });
}

const show = (v: unknown) => {
  const text = v === undefined ? "(unset)" : JSON.stringify(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

export function formatDiff(diffs: StackDiff[]): string {
  return diffs
    .map((d) => {
      const counts = `${d.added.length} to add, ${d.removed.length} to remove, ${d.changed.length} to change`;
      if (d.added.length + d.removed.length + d.changed.length === 0)
        return `${d.stack}: no changes`;
      return [
        `${d.stack}: ${counts}`,
        ...d.added.map((r) => `  + ${r.type} ${r.name}`),
        ...d.removed.map((r) => `  - ${r.type} ${r.name}`),
        ...d.changed.flatMap(({ resource, changes }) => [
          `  ~ ${resource.type} ${resource.name}`,
          ...changes.map((c) => `      ${c.path}: ${show(c.before)} => ${show(c.after)}`),
        ]),
        ...d.ignored.flatMap(({ resource, changes }) => [
          `  = ${resource.type} ${resource.name} (left alone: ignoreChanges)`,
          ...changes.map((c) => `      ${c.path}: ${show(c.before)} => ${show(c.after)}`),
        ]),
      ].join("\n");
    })
    .join("\n\n");
}
