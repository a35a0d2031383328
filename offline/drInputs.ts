/**
 * The DR model's inputs, read from the synthesized plans: the typed config of both stacks and the
 * failover facts of their resources (offline/gameday/facts.ts).
 */
import { StackPlan } from "./plan";
import { StackConfig, parseStackConfig } from "../stacks/config";
import { toRuntimeConfig } from "./projectConfig";
import { DrInputs, DrScenario } from "./drModel";
import { failoverRecords, healthChecks, serviceCapacity, switchPlans } from "./gameday/facts";
import { servingInputs } from "./gameday/servingPaths";

/** The typed config of a synthesized plan (the same parser the program uses). */
export function configOf(plan: StackPlan): StackConfig {
  const runtime = toRuntimeConfig(plan.config);
  return parseStackConfig((key) => runtime[key]);
}

export function rolesOf(plans: StackPlan[]): { primary?: StackPlan; standby?: StackPlan } {
  return {
    primary: plans.find((p) => p.config["ecommerce:role"] === "primary"),
    standby: plans.find((p) => p.config["ecommerce:role"] === "standby"),
  };
}

const asFlag = (v: unknown, fallback: boolean): boolean =>
  v === true || v === "true" ? true : v === false || v === "false" ? false : fallback;

/**
 * `ecommerce:dr.approval` (default on) and `ecommerce:dr.autoFailover` (default off), read from the
 * standby's raw config so that the model works before and after the typed keys exist.
 */
export function switchSettings(standby: StackPlan): { approval: boolean; autoFailover: boolean } {
  const dr = (standby.config["ecommerce:dr"] ?? {}) as Record<string, unknown>;
  return { approval: asFlag(dr.approval, true), autoFailover: asFlag(dr.autoFailover, false) };
}

/** Whether the PRIMARY api record follows its endpoint's health (directly or in a calculated check). */
function followsEndpointHealth(plans: StackPlan[], primaryRegion: string): boolean {
  const checks = new Map(healthChecks(plans).map((h) => [h.id, h]));
  const endpoint = (id: string | undefined, depth = 0): boolean => {
    const h = id === undefined ? undefined : checks.get(id);
    if (!h || depth > 3) return false;
    if (h.type === "CALCULATED") return h.children.some((c) => endpoint(c, depth + 1));
    return h.probesRegion !== undefined;
  };
  return failoverRecords(plans).some(
    (r) => r.role === "PRIMARY" && r.region === primaryRegion && endpoint(r.healthCheckId),
  );
}

/** The worst per-request origin failover of the storefront's distribution (CloudFront defaults 3 × 10 s). */
function originFailoverSeconds(plans: StackPlan[]): number {
  const origins = plans.flatMap((p) =>
    p.resources
      .filter((r) => r.type === "aws:cloudfront/distribution:Distribution")
      .flatMap((r) => (Array.isArray(r.inputs.origins) ? r.inputs.origins : [])),
  ) as Record<string, unknown>[];
  const each = origins.map(
    (o) => Number(o.connectionAttempts ?? 3) * Number(o.connectionTimeout ?? 10),
  );
  return Math.max(30, ...each);
}

/** The model's inputs for the plans' current state (or `mode` when given, e.g. for a rehearsal). */
export function drInputsFromPlans(plans: StackPlan[], mode?: DrScenario): DrInputs | undefined {
  const { primary, standby } = rolesOf(plans);
  if (!primary || !standby) return undefined;
  const p = configOf(primary);
  const s = configOf(standby);
  if (p.role !== "primary" || s.role !== "standby") return undefined;
  const lost = primary.region;
  const serving = servingInputs(plans, standby.region);
  const survives = (path: string) =>
    serving
      .filter((x) => x.path === path)
      .every((x) => x.alternatives.some((a) => !a.includes(lost)));
  return {
    mode: mode ?? s.dr.mode,
    healthCheck: {
      intervalSeconds: p.edge.healthCheck.intervalSeconds,
      failureThreshold: p.edge.healthCheck.failureThreshold,
    },
    recordTtlSeconds: p.edge.recordTtlSeconds,
    operatorMinutes: s.dr.operatorMinutes,
    maxRpoSeconds: p.data.aurora.maxRpoSeconds,
    ...switchSettings(standby),
    switchPlan: switchPlans(plans).length > 0,
    readsFollowEndpointHealth: followsEndpointHealth(plans, lost),
    signInSurvives:
      survives("sign-in") &&
      survives("token validation (API Gateway)") &&
      survives("token validation (mesh)"),
    storefrontFailsOver: survives("storefront"),
    originFailoverSeconds: originFailoverSeconds(plans),
    capacity: { pods: serviceCapacity(standby).pods, fullPods: serviceCapacity(primary).pods },
  };
}
