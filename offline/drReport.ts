/** The DR model as `npm start` prints it: the worst case, compactly (best and typical are in the report object). */
import { DrReport, PathRto, Range, duration } from "./drModel";

const cell = (p: PathRto | undefined) =>
  p === undefined ? "-" : p.never ? "never" : duration(p.total.worst);

const band = (r: Range) => `${duration(r.best)} / ${duration(r.typical)} / ${duration(r.worst)}`;

export function formatDrReport(r: DrReport, primary: string, standby: string): string {
  const i = r.inputs;
  const find = (path: PathRto["path"], trigger: PathRto["trigger"]) =>
    r.paths.find((p) => p.path === path && p.trigger === trigger);
  const how = i.switchPlan
    ? "ARC Region switch plan"
    : "no Region switch plan: the runbook's failover-global-cluster and pulumi up, no auto-trigger";
  const note = (path: PathRto["path"]) => {
    const p = find(path, "manual");
    if (p?.never) return p.never;
    if (path === "reads")
      return i.readsFollowEndpointHealth
        ? "DNS follows the health check"
        : "DNS follows the switch";
    if (path === "writes")
      return `best / typical ${duration(p?.total.best ?? 0)} / ${duration(p?.total.typical ?? 0)}`;
    return "";
  };
  const pct =
    i.capacity.fullPods > 0 ? Math.round((100 * i.capacity.pods) / i.capacity.fullPods) : 100;
  const lines = [
    `DR model, worst case, if ${primary} is lost while ${standby} is in "${i.mode}" mode (sources: offline/drModel.ts):`,
    `  switch: ${how}; dr.approval=${i.approval}, dr.autoFailover=${i.autoFailover}`,
    `  RTO          approved   auto-trigger (no approval)`,
    ...(["reads", "writes", "sign-in", "storefront"] as const).map((path) =>
      `    ${path.padEnd(10)} ${cell(find(path, "manual")).padStart(9)}  ${cell(find(path, "auto")).padStart(9)}    ${note(path)}`.trimEnd(),
    ),
    `  capacity at the switch: ${i.capacity.pods} of ${i.capacity.fullPods} service pods (${pct} %), a brownout until scale-up; full after ${duration(r.capacity.fullAfter.worst)} at worst`,
    `  RPO (best / typical / worst):`,
    ...r.rpo.map(
      (d) =>
        `    ${d.store.padEnd(42)} ${d.label === "not replicated" ? "not replicated" : `${band(d.range)} (${d.label})`}`,
    ),
    `  targets, on the worst case:`,
    ...r.verdicts.map(
      (v) =>
        `    ${v.met ? "meets " : "MISSES"}  ${v.target.padEnd(8)} ${v.metric.padEnd(44)} ${duration(v.worstSeconds).padStart(9)}  (≤ ${duration(v.limitSeconds)})`,
    ),
  ];
  return lines.join("\n");
}
