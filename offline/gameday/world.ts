/**
 * The game day's world: which Regions are up, which Aurora clusters are writers, which plans are
 * deployed and which Region the Region switch plan last activated; and what Route 53 answers from
 * that state. Transitions (losing a Region, a pulumi up, a switch) change it the way AWS and the
 * provider would, reading what they do from the plans: a pulumi up applies only the Aurora input
 * changes that `ignoreChanges` does not cover; a switch runs the plan's own steps.
 */
import { StackPlan } from "../plan";
import { isIgnored, valueChanges } from "../diff";
import {
  ClusterFact,
  GLOBAL_WRITER_HOST,
  auroraClusters,
  failoverRecords,
  globalClusters,
  healthChecks,
  stepSteering,
  switchPlans,
  workflowFor,
} from "./facts";

/** The plans of each posture: at rest, a traffic drill, a failover (config overrides of the same stacks). */
export interface PlanSets {
  standby: StackPlan[];
  drill: StackPlan[];
  failover: StackPlan[];
}
export type Posture = keyof PlanSets;

export type Role = "primary" | "secondary" | "detached";

export interface ClusterState {
  key: string;
  region: string;
  global?: string;
  role: Role;
  writeForwarding: boolean;
}

export interface World {
  sets: PlanSets;
  /** The deployed plan of each stack (a pulumi up replaces one stack's). */
  plans: StackPlan[];
  lost: Set<string>;
  clusters: ClusterState[];
  /** The Region the switch plan last activated: the one its health checks report healthy. */
  activeRegion: string;
  home: string;
  standby: string;
}

const roleOf = (c: ClusterFact): Role =>
  c.globalClusterIdentifier === undefined ? "detached" : c.createsGlobal ? "primary" : "secondary";

export function initialWorld(sets: PlanSets): World {
  const plans = sets.standby;
  const primary = plans.find((p) => p.config["ecommerce:role"] === "primary") ?? plans[0];
  const standby = plans.find((p) => p !== primary) ?? primary;
  const plan = switchPlans(plans)[0];
  return {
    sets,
    plans,
    lost: new Set(),
    clusters: auroraClusters(plans).map((c) => ({
      key: c.key,
      region: c.region,
      global: c.globalClusterIdentifier,
      role: roleOf(c),
      writeForwarding: c.writeForwarding,
    })),
    activeRegion: plan?.primaryRegion ?? primary.region,
    home: primary.region,
    standby: standby.region,
  };
}

export const up = (w: World, region: string) => !w.lost.has(region);

/** Clusters that accept writes and whose Region is up. */
export function liveWriters(w: World): ClusterState[] {
  return w.clusters.filter((c) => c.role !== "secondary" && up(w, c.region));
}

// ---------------------------------------------------------------- DNS

export interface Answer {
  name: string;
  region?: string;
  role?: "PRIMARY" | "SECONDARY";
  steering: string;
}

/** How Route 53 answers each failover record name from the current state. */
export function answers(w: World): Answer[] {
  const records = failoverRecords(w.plans);
  const checks = new Map(healthChecks(w.plans).map((h) => [h.id, h]));
  const plans = switchPlans(w.plans);
  const health = (
    id: string | undefined,
    planRegion: string | undefined,
    depth = 0,
  ): { healthy: boolean; by: string } => {
    const h = id === undefined ? undefined : checks.get(id);
    if (h && depth < 4) {
      if (h.type === "CALCULATED") {
        const n = h.children.filter((c) => health(c, planRegion, depth + 1).healthy).length;
        return { healthy: n >= h.childThreshold !== h.inverted, by: `calculated check ${h.name}` };
      }
      const region = h.type === "CLOUDWATCH_METRIC" ? h.alarmRegion : h.probesRegion;
      const alive = region === undefined || up(w, region);
      return {
        healthy: alive !== h.inverted,
        by: `${h.inverted ? "inverted " : ""}endpoint check ${h.name} on ${region ?? "?"}`,
      };
    }
    // Not a health check of the plans: one the Region switch plan created for this record set.
    if (planRegion !== undefined)
      return { healthy: w.activeRegion === planRegion, by: "Region switch plan" };
    return { healthy: true, by: id === undefined ? "no health check" : `unknown check ${id}` };
  };
  const names = [...new Set(records.map((r) => r.name))];
  return names.map((name) => {
    const pair = records.filter((r) => r.name === name);
    const state = (role: "PRIMARY" | "SECONDARY") => {
      const r = pair.find((x) => x.role === role);
      if (!r) return undefined;
      return { record: r, ...health(r.healthCheckId, stepSteering(plans, r)?.region) };
    };
    const primary = state("PRIMARY");
    const secondary = state("SECONDARY");
    // Failover routing: the primary while healthy, else a healthy secondary, else the primary;
    // a record without a health check counts as healthy (Amazon Route 53 API Reference,
    // ResourceRecordSet, `Failover`).
    const chosen = primary?.healthy || !secondary?.healthy ? (primary ?? secondary) : secondary;
    return {
      name,
      region: chosen?.record.region,
      role: chosen?.record.role,
      steering: [primary, secondary]
        .filter((x) => x !== undefined)
        .map((x) => `${x.record.role} ← ${x.by}`)
        .join(", "),
    };
  });
}

// ---------------------------------------------------------------- writes from a Region

/** Whether the services of `region` can write, from their DB_HOST and the clusters' state. */
export function writePath(w: World, region: string): { ok: boolean; why: string } {
  if (!up(w, region)) return { ok: false, why: `${region} is lost` };
  const plan = w.plans.find((p) => p.region === region);
  const host = plan?.resources
    .filter((r) => r.type === "kubernetes:apps/v1:Deployment")
    .flatMap(
      (r) =>
        (
          ((r.inputs.spec as Record<string, unknown>)?.template as Record<string, unknown>)
            ?.spec as {
            containers?: { env?: { name: string; value?: unknown }[] }[];
          }
        )?.containers ?? [],
    )
    .flatMap((c) => c.env ?? [])
    .find((e) => e.name === "DB_HOST")?.value;
  if (typeof host !== "string") return { ok: false, why: `no service in ${region} names DB_HOST` };
  const facts = auroraClusters(w.plans);
  const state = (key: string) => w.clusters.find((c) => c.key === key);
  const writerOf = (global: string | undefined) =>
    w.clusters.find((c) => c.global === global && c.role === "primary");
  const global = globalClusters(w.plans).find(
    (g) => g.endpoint === host || host.startsWith(`${g.identifier}.global-`),
  );
  if (global || GLOBAL_WRITER_HOST.test(host)) {
    const writer = writerOf(global?.identifier);
    if (!writer) return { ok: false, why: `global writer endpoint ${host}: no writer` };
    return up(w, writer.region)
      ? { ok: true, why: `global writer endpoint → ${writer.region}` }
      : { ok: false, why: `global writer endpoint → ${writer.region}, which is lost` };
  }
  const cluster = facts.find((c) => c.endpoint === host);
  if (cluster) {
    const s = state(cluster.key);
    if (s && s.role !== "secondary" && up(w, s.region))
      return { ok: true, why: `${cluster.identifier} (writer)` };
    return {
      ok: false,
      why: `DB_HOST is ${cluster.identifier}'s cluster endpoint, inactive on a global secondary`,
    };
  }
  const reader = facts.find((c) => c.readerEndpoint === host);
  if (reader) {
    const s = state(reader.key);
    const writer = writerOf(s?.global);
    if (s?.role === "secondary" && s.writeForwarding && writer && up(w, writer.region))
      return { ok: true, why: `${reader.identifier} forwards writes to ${writer.region}` };
    if (s && s.role !== "secondary") return { ok: true, why: `${reader.identifier} (writer)` };
    return {
      ok: false,
      why: `DB_HOST is ${reader.identifier}'s reader endpoint without a writer to forward to`,
    };
  }
  return { ok: false, why: `DB_HOST ${host} is no endpoint of the plans` };
}

// ---------------------------------------------------------------- transitions

export type Outcome = { ok: true; note?: string } | { ok: false; error: string };

export function lose(w: World, region: string): Outcome {
  w.lost.add(region);
  return { ok: true };
}

export function restore(w: World, region: string): Outcome {
  w.lost.delete(region);
  return { ok: true };
}

/**
 * A global database switchover (graceful: both Regions up, RPO 0) or failover
 * (`--allow-data-loss`): the target becomes the primary and every other member a secondary.
 * After a failover Aurora rebuilds the old primary as a secondary when its Region returns (Amazon
 * Aurora User Guide, 'Recovering an Amazon Aurora global database from an unplanned outage'); the
 * model applies that at once.
 */
export function promote(w: World, region: string, graceful: boolean): Outcome {
  const target = w.clusters.find((c) => c.region === region && c.global !== undefined);
  if (!target) return { ok: false, error: `no global-database member in ${region} to promote` };
  if (target.role === "primary") return { ok: true, note: "already the primary" };
  const members = w.clusters.filter((c) => c.global === target.global);
  const writer = members.find((c) => c.role === "primary");
  if (graceful && writer && !up(w, writer.region))
    return {
      ok: false,
      error: `a switchover needs the primary Region (${writer.region}), which is lost`,
    };
  for (const c of members) c.role = c === target ? "primary" : "secondary";
  return { ok: true };
}

/**
 * `pulumi up` of one stack to a posture's plan: the Aurora input changes outside `ignoreChanges`
 * are what the provider would run. A secondary's ModifyDBCluster fails while its global writer's
 * Region is lost (the provider retries InvalidDBClusterStateFault, then gives up), before any
 * RemoveFromGlobalCluster; a removed membership detaches the cluster as a standalone writer.
 */
export function pulumiUp(w: World, stack: string, posture: Posture): Outcome {
  const next = w.sets[posture].find((p) => p.stack === stack);
  const current = w.plans.find((p) => p.stack === stack);
  if (!next || !current) return { ok: false, error: `no ${posture} plan for ${stack}` };
  if (!up(w, current.region))
    return { ok: false, error: `${stack}'s Region ${current.region} is lost` };
  const before = new Map(auroraClusters([current]).map((c) => [c.key, c]));
  for (const after of auroraClusters([next])) {
    const prior = before.get(after.key);
    const s = w.clusters.find((c) => c.key === after.key);
    if (!prior || !s) continue;
    const changed = valueChanges(prior.inputs, after.inputs)
      .map((c) => c.path)
      .filter((p) => !isIgnored(p, after.ignoreChanges) && !p.startsWith("tags"));
    const modify = changed.filter((p) => p !== "globalClusterIdentifier");
    const writer = w.clusters.find((c) => c.global === s.global && c.role === "primary");
    if (modify.length > 0 && s.role === "secondary" && writer && !up(w, writer.region))
      return {
        ok: false,
        error: `ModifyDBCluster on ${after.identifier} (${modify.join(", ")}) fails while its global writer's Region ${writer.region} is lost`,
      };
    if (changed.includes("globalClusterIdentifier")) {
      if (after.globalClusterIdentifier === undefined) {
        s.role = "detached";
        s.global = undefined;
      } else if (s.role === "detached")
        return {
          ok: false,
          error: `${after.identifier} cannot rejoin a global cluster once promoted`,
        };
    }
    if (changed.includes("enableGlobalWriteForwarding")) s.writeForwarding = after.writeForwarding;
  }
  w.plans = w.plans.map((p) => (p.stack === stack ? next : p));
  return { ok: true };
}

/** The Region switch plan activating `region`, or undefined without a plan or workflow for it. */
export function switchWorkflow(w: World, region: string) {
  const plan = switchPlans(w.plans)[0];
  return plan ? workflowFor(plan, region) : undefined;
}

/** Runs one switch-plan step kind: the Aurora block (by its behavior) or the Route 53 block. */
export function runSwitchStep(
  w: World,
  region: string,
  step: { kind: string; behavior?: string },
  graceful: boolean,
): Outcome {
  if (step.kind === "AuroraGlobalDatabase") {
    if (!graceful && step.behavior !== "failover")
      return {
        ok: false,
        error: `the plan's Aurora block allows ${step.behavior ?? "?"} only: no failover with the primary Region lost`,
      };
    return promote(w, region, graceful);
  }
  if (step.kind === "Route53HealthCheck") w.activeRegion = region;
  return { ok: true };
}
