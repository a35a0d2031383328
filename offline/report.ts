/** Human-readable summaries of synthesized plans (what `npm start` prints). */
import { PlannedResource, StackPlan } from "./plan";

/** Resource counts grouped under the nearest component (custom resources only). */
export function countByComponent(plan: StackPlan): Map<string, number> {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const counts = new Map<string, number>();
  for (const r of plan.resources) {
    if (!r.custom || r.read) continue;
    let parent = byUrn.get(r.parent);
    while (parent && parent.custom) parent = byUrn.get(parent.parent);
    const key = parent ? `${parent.type} (${parent.name})` : "(stack)";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Counts by resource type, components included (marked), reads excluded. */
export function countByType(plan: StackPlan): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of plan.resources.filter((x) => !x.read)) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  }
  return counts;
}

export function managedResources(plan: StackPlan): PlannedResource[] {
  return plan.resources.filter((r) => !r.read);
}

function table(rows: [string, string][], indent = "  "): string {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`).join("\n");
}

function sortedEntries(m: Map<string, number>): [string, string][] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => [k, String(v)]);
}

function formatValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 110 ? `${text.slice(0, 107)}...` : text;
}

/** The per-stack block: header, counts by component and by type, outputs. */
export function formatStackSummary(plan: StackPlan): string {
  const role = String(plan.config["ecommerce:role"] ?? "?");
  const dr = plan.config["ecommerce:dr"] as Record<string, unknown> | undefined;
  const posture =
    role === "standby"
      ? `standby, dr.mode=${dr?.mode ?? "standby"}`
      : `primary, dr.drill=${dr?.drill ?? false}`;
  const managed = managedResources(plan);
  const components = managed.filter((r) => !r.custom).length;
  const lines = [
    `== ${plan.stack} (${plan.region}, ${posture})${plan.preview ? ", first preview: values computed on create are unknown" : ""} ==`,
    `${managed.length} resources (${managed.length - components} provider resources, ${components} components), ${plan.resources.length - managed.length} stack reference(s)`,
    "",
    "By component:",
    table(sortedEntries(countByComponent(plan))),
    "",
    "By type:",
    table(sortedEntries(countByType(plan))),
    "",
    "Outputs:",
    table(Object.entries(plan.outputs).map(([k, v]) => [k, formatValue(v)])),
  ];
  return lines.join("\n");
}
