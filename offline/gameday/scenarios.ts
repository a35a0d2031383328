/**
 * The game-day scenarios as timelines: each step changes the world (a Region lost, a pulumi up, a
 * switch) and takes the DR model's worst-case time; the invariants are checked after every step.
 * Where the plans hold a Region switch plan, a switch runs that plan's workflow step by step;
 * without one, it is the runbook's manual path.
 */
import { FIGURES, DrInputs, detection, dnsSteps, sumRanges } from "../drModel";
import { drInputsFromPlans } from "../drInputs";
import { DR_DEFAULTS } from "../../stacks/config/dr";
import { EDGE_DEFAULTS } from "../../stacks/config/edge";
import { Violation, checkAll } from "./invariants";
import {
  Outcome,
  PlanSets,
  Posture,
  World,
  answers,
  initialWorld,
  liveWriters,
  lose,
  promote,
  pulumiUp,
  restore,
  runSwitchStep,
  switchWorkflow,
} from "./world";

export interface GameStep {
  label: string;
  seconds: number;
  run: (w: World) => Outcome;
  /** A step inside one operation: DNS and the writer may be between states. */
  transient?: boolean;
}

/** Worst-case seconds per kind of step, from the DR model and the plans' own settings. */
export interface Timing {
  settle: number;
  person: number;
  failover: number;
  switchover: number;
  planStep: number;
  scaleUp: number;
  pulumiUp: number;
}

/** Plan fragments (tests) carry no stack config: they are timed with the config's defaults. */
const DEFAULT_INPUTS: DrInputs = {
  mode: DR_DEFAULTS.mode,
  healthCheck: {
    intervalSeconds: EDGE_DEFAULTS.healthCheck.intervalSeconds,
    failureThreshold: EDGE_DEFAULTS.healthCheck.failureThreshold,
  },
  recordTtlSeconds: EDGE_DEFAULTS.recordTtlSeconds,
  operatorMinutes: DR_DEFAULTS.operatorMinutes,
  approval: DR_DEFAULTS.approval,
  autoFailover: DR_DEFAULTS.autoFailover,
  switchPlan: false,
  readsFollowEndpointHealth: true,
  signInSurvives: false,
  storefrontFailsOver: false,
  originFailoverSeconds: 30,
  capacity: { pods: 0, fullPods: 0 },
};

export function timing(sets: PlanSets): Timing {
  const configured = sets.standby.every((p) => p.config["aws:region"] !== undefined);
  const i = (configured ? drInputsFromPlans(sets.standby) : undefined) ?? DEFAULT_INPUTS;
  return {
    settle: sumRanges([detection(i), ...dnsSteps(i)]).worst,
    person: i.operatorMinutes * 60 * 5,
    failover: FIGURES.auroraFailover.worst,
    switchover: FIGURES.auroraSwitchover.worst,
    planStep: FIGURES.planStepOverhead.worst,
    scaleUp: FIGURES.nodeLaunch.worst + FIGURES.podReady.worst,
    pulumiUp: FIGURES.pulumiUpStandby.worst,
  };
}

interface Context {
  sets: PlanSets;
  t: Timing;
  primaryStack: string;
  standbyStack: string;
  home: string;
  standby: string;
  /** The plans hold a Region switch plan. */
  planned: boolean;
}

const ok = (): Outcome => ({ ok: true });
const step = (label: string, seconds: number, run: (w: World) => Outcome = ok): GameStep => ({
  label,
  seconds,
  run,
});

function settle(c: Context, what: string): GameStep {
  return step(`${what}; Route 53 health checks and DNS settle`, c.t.settle);
}

function up(c: Context, stack: string, posture: Posture): GameStep {
  return step(`pulumi up ${stack} (${posture})`, c.t.pulumiUp, (w) => pulumiUp(w, stack, posture));
}

/** Activating `region`: the switch plan's workflow, or the runbook's failover-global-cluster. */
function switchTo(c: Context, region: string, graceful: boolean): GameStep[] {
  const kind = graceful ? "switchover" : "failover";
  if (!c.planned) {
    if (graceful)
      return [
        step(
          `runbook: aws rds switchover-global-cluster to ${region}`,
          c.t.person + c.t.switchover,
          (w) => promote(w, region, true),
        ),
      ];
    return [
      step(
        `runbook: a person runs aws rds failover-global-cluster --allow-data-loss to ${region}`,
        c.t.person + c.t.failover,
        (w) => promote(w, region, false),
      ),
    ];
  }
  const probe = initialWorld(c.sets);
  const workflow = switchWorkflow(probe, region);
  if (!workflow)
    return [
      step(`Region switch plan: activate ${region} (${kind})`, 0, () => ({
        ok: false,
        error: `the Region switch plan has no workflow that activates ${region}`,
      })),
    ];
  const steps = workflow.steps.map((s) => {
    const label = `Region switch ${kind} → ${region}: ${s.kind} ${s.name}`;
    if (s.kind === "ManualApproval") return step(label, c.t.person);
    if (s.kind === "AuroraGlobalDatabase")
      return step(label, c.t.planStep + (graceful ? c.t.switchover : c.t.failover), (w) =>
        runSwitchStep(w, region, s, graceful),
      );
    if (s.kind === "EKSResourceScaling") return step(label, c.t.planStep + c.t.scaleUp);
    if (s.kind === "Route53HealthCheck")
      return step(label, c.t.planStep + c.t.settle, (w) => runSwitchStep(w, region, s, graceful));
    return step(label, c.t.planStep);
  });
  // One operation: only its last step is a settled state.
  return steps.map((s, n) => ({ ...s, transient: n < steps.length - 1 }));
}

/** A traffic drill: with a plan, its graceful switchover; without, the runbook's inverted health check. */
function startDrill(c: Context): GameStep[] {
  const standbyUp = up(c, c.standbyStack, "drill");
  if (c.planned) return [standbyUp, ...switchTo(c, c.standby, true)];
  return [
    standbyUp,
    up(c, c.primaryStack, "drill"),
    settle(c, "the primary's health check is inverted"),
  ];
}

function lostAtRest(c: Context): GameStep[] {
  return [
    step(`${c.home} lost`, 0, (w) => lose(w, c.home)),
    settle(c, `${c.home} unhealthy`),
    ...switchTo(c, c.standby, false),
    up(c, c.standbyStack, "failover"),
  ];
}

export interface Scenario {
  name: string;
  title: string;
  steps: (c: Context) => GameStep[];
}

export const SCENARIOS: Scenario[] = [
  { name: "lost-at-rest", title: "Mumbai lost at rest", steps: lostAtRest },
  {
    name: "lost-mid-drill",
    title: "Mumbai lost mid-drill",
    steps: (c) => [
      ...startDrill(c),
      step(`${c.home} lost`, 0, (w) => lose(w, c.home)),
      settle(c, `${c.home} unhealthy`),
      ...switchTo(c, c.standby, false),
      up(c, c.standbyStack, "failover"),
    ],
  },
  {
    name: "returns-after-failover",
    title: "Mumbai returns after a failover",
    steps: (c) => [
      ...lostAtRest(c),
      step(`${c.home} returns`, 0, (w) => restore(w, c.home)),
      settle(c, `${c.home} healthy again`),
    ],
  },
  {
    name: "planned-switchover",
    title: "planned switchover and return",
    steps: (c) =>
      c.planned
        ? [...switchTo(c, c.standby, true), ...switchTo(c, c.home, true)]
        : [
            ...startDrill(c),
            up(c, c.primaryStack, "standby"),
            up(c, c.standbyStack, "standby"),
            settle(c, "the drill ends"),
          ],
  },
  {
    name: "singapore-lost",
    title: "Singapore lost",
    steps: (c) => [
      step(`${c.standby} lost`, 0, (w) => lose(w, c.standby)),
      settle(c, `${c.standby} unhealthy`),
      step(`${c.standby} returns`, 0, (w) => restore(w, c.standby)),
      settle(c, `${c.standby} healthy again`),
    ],
  },
];

export interface Entry {
  t: number;
  label: string;
  error?: string;
  dns: string;
  writers: string;
  violations: Violation[];
}

export function context(sets: PlanSets): Context {
  const w = initialWorld(sets);
  const stackIn = (region: string) =>
    sets.standby.find((p) => p.region === region)?.stack ?? region;
  return {
    sets,
    t: timing(sets),
    primaryStack: stackIn(w.home),
    standbyStack: stackIn(w.standby),
    home: w.home,
    standby: w.standby,
    planned: w.plans.some((p) =>
      p.resources.some((r) => r.type === "aws:arcregionswitch/plan:Plan"),
    ),
  };
}

/** Plays a scenario from the resting plans; a failed step stops it (what follows assumed it ran). */
export function play(scenario: Scenario, sets: PlanSets): Entry[] {
  const c = context(sets);
  const w = initialWorld(sets);
  const entries: Entry[] = [];
  let t = 0;
  const snapshot = (label: string, error?: string, transient = false): Entry => ({
    t,
    label,
    error,
    dns: answers(w)
      .map(
        (a) => `${a.name}→${a.region ?? "?"}${a.region && w.lost.has(a.region) ? " (lost)" : ""}`,
      )
      .join(", "),
    writers:
      liveWriters(w)
        .map((x) => x.region)
        .join(" + ") || "none",
    violations: [
      ...checkAll(w, transient),
      ...(error ? [{ invariant: "stepRuns" as const, message: `${label}: ${error}` }] : []),
    ],
  });
  entries.push(snapshot("at rest"));
  for (const s of scenario.steps(c)) {
    t += s.seconds;
    const outcome = s.run(w);
    entries.push(snapshot(s.label, outcome.ok ? undefined : outcome.error, s.transient));
    if (!outcome.ok) break;
  }
  return entries;
}
