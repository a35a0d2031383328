/**
 * `npm run gameday`: synthesizes the stacks in each DR posture, replays the game-day scenarios
 * against those plans (and the Region switch plan, when they hold one) and checks the invariants
 * at every step. Exits 1 on a broken invariant.
 *
 *   npm run gameday -- [--scenario NAME ...]
 */
import { parseArgs } from "util";
import { runEngine } from "../engine";
import { parseOverride } from "../projectConfig";
import { runAsScript } from "../entry";
import { INVARIANTS, Violation } from "./invariants";
import { Entry, SCENARIOS, play } from "./scenarios";
import { PlanSets, answers, initialWorld } from "./world";
import { replicationLinks, switchPlans } from "./facts";

/** The config each posture applies to the stacks at rest. */
export const POSTURES: Record<keyof PlanSets, (primary: string, standby: string) => string[]> = {
  standby: () => [],
  drill: (primary, standby) => [
    `${standby}:ecommerce:dr.mode=drill`,
    `${primary}:ecommerce:dr.drill=true`,
  ],
  failover: (_primary, standby) => [`${standby}:ecommerce:dr.mode=failover`],
};

export async function synthesizePostures(): Promise<PlanSets> {
  const run = async (overrides: string[]) =>
    (await runEngine({ overrides: overrides.map(parseOverride) })).plans;
  const standby = await run([]);
  const role = (r: string) => standby.find((p) => p.config["ecommerce:role"] === r)?.stack ?? "";
  const [p, s] = [role("primary"), role("standby")];
  return {
    standby,
    drill: await run(POSTURES.drill(p, s)),
    failover: await run(POSTURES.failover(p, s)),
  };
}

const mmss = (t: number) =>
  `${String(Math.floor(t / 60)).padStart(3)}:${String(t % 60).padStart(2, "0")}`;

/** Each step with where DNS answers once it settles and who writes; a violation is printed where it starts. */
export function formatTimeline(title: string, entries: Entry[]): string {
  const lines = [`== ${title} (DNS: Route 53's answer once health checks settle) ==`];
  const seen = new Set<string>();
  for (const e of entries) {
    lines.push(`  ${mmss(e.t)}  ${e.label}${e.error ? "  [FAILED]" : ""}`);
    lines.push(`           DNS ${e.dns || "-"}; writer ${e.writers}`);
    const now = new Set(e.violations.map((v) => `${INVARIANTS[v.invariant]}: ${v.message}`));
    for (const v of now) if (!seen.has(v)) lines.push(`           ✗ ${v}`);
    const healed = new Set([...seen].filter((v) => !now.has(v)).map((v) => v.split(":")[0]));
    for (const v of healed) lines.push(`           ✓ holds again: ${v}`);
    seen.clear();
    now.forEach((v) => seen.add(v));
  }
  return lines.join("\n");
}

/** What the plans say about the switch, before the timelines. */
export function formatFacts(sets: PlanSets): string {
  const w = initialWorld(sets);
  const plan = switchPlans(sets.standby)[0];
  const links = replicationLinks(sets.standby);
  const kinds = [...new Set(links.map((l) => l.store.split(":")[0]))];
  const dirs = kinds.map(
    (k) =>
      `${k} ${[...new Set(links.filter((l) => l.store.startsWith(`${k}:`)).map((l) => `${l.from} → ${l.to}`))].join(", ")}`,
  );
  return [
    "Facts from the plans:",
    `  Region switch plan: ${plan ? `${plan.name} in ${plan.stack} (${plan.workflows.length} workflow(s))` : "none (the runbook's manual commands)"}`,
    ...answers(w).map((a) => `  ${a.name}: ${a.steering}`),
    `  Aurora: ${w.clusters.map((c) => `${c.key} ${c.region} ${c.role}`).join("; ")}`,
    `  replication: ${dirs.join("; ") || "none"}`,
  ].join("\n");
}

export interface GamedayResult {
  text: string;
  violations: Violation[];
}

export function runGameday(sets: PlanSets, only: string[] = []): GamedayResult {
  const chosen = SCENARIOS.filter((s) => only.length === 0 || only.includes(s.name));
  const blocks = [formatFacts(sets)];
  const violations: Violation[] = [];
  for (const s of chosen) {
    const entries = play(s, sets);
    blocks.push(formatTimeline(s.title, entries));
    const distinct = new Map(
      entries.flatMap((e) => e.violations).map((v) => [`${v.invariant}|${v.message}`, v]),
    );
    violations.push(...distinct.values());
  }
  const broken = [...new Set(violations.map((v) => INVARIANTS[v.invariant]))];
  blocks.push(
    violations.length === 0
      ? `Game day: ${chosen.length} scenario(s), every invariant held at every step.`
      : `Game day: ${violations.length} distinct violation(s) across ${chosen.length} scenario(s), broken: ${broken.join("; ")}.`,
  );
  return { text: blocks.join("\n\n"), violations };
}

export async function main(
  argv: string[],
  log: (l: string) => void = console.log,
): Promise<number> {
  let only: string[];
  try {
    const { values } = parseArgs({
      args: argv,
      options: { scenario: { type: "string", multiple: true } },
      strict: true,
    });
    only = values.scenario ?? [];
    const unknown = only.filter((n) => !SCENARIOS.some((s) => s.name === n));
    if (unknown.length > 0)
      throw new Error(
        `unknown scenario ${unknown.join(", ")}; use ${SCENARIOS.map((s) => s.name).join(" | ")}`,
      );
  } catch (err) {
    log(`error: ${(err as Error).message}`);
    return 2;
  }
  const sets = await synthesizePostures();
  const result = runGameday(sets, only);
  log(result.text);
  return result.violations.length === 0 ? 0 : 1;
}

if (require.main === module) runAsScript((argv) => main(argv));
