/**
 * The DR model: how long each serving path takes to come back in the standby Region, and how much
 * data each store can lose, as best / typical / worst with the source of every figure. Targets are
 * judged on the worst case. Pure: inputs (from the synthesized plans, see drInputs.ts) in, report out.
 *
 * Sources are AWS documentation pages by title. Where AWS publishes no figure, the entry says
 * "assumption" and why the number was chosen: those are the model's honest guesses.
 */

/** Seconds; `Infinity` where nothing bounds the value. */
export interface Range {
  best: number;
  typical: number;
  worst: number;
}

export interface Figure extends Range {
  source: string;
}

const fig = (best: number, typical: number, worst: number, source: string): Figure => ({
  best,
  typical,
  worst,
  source,
});

export const FIGURES = {
  dnsPropagation: fig(
    0,
    30,
    60,
    "Amazon Route 53 Developer Guide, 'Editing records': changes generally propagate to all Route 53 name servers within 60 seconds",
  ),
  resolverOverhang: fig(
    0,
    0,
    300,
    "assumption: resolvers and clients that keep an answer past its TTL (minimum-TTL floors, long-lived connections, runtime DNS caches) hold a few minutes at worst; Route 53 cannot shorten them",
  ),
  alarmTrigger: fig(
    60,
    120,
    180,
    "Route 53 HealthCheckStatus is a 1-minute CloudWatch metric (Amazon Route 53 Developer Guide, 'Monitoring health checks using CloudWatch'); assumption: 1–3 evaluation periods before the Region switch trigger fires",
  ),
  planStepOverhead: fig(
    5,
    15,
    60,
    "assumption: ARC Region switch starting and polling each execution block (Amazon ARC Developer Guide, 'Add execution blocks' publishes no latency)",
  ),
  auroraFailover: fig(
    60,
    120,
    600,
    "Amazon Aurora User Guide, 'Using switchover or failover in Amazon Aurora Global Database': RTO 'in the order of minutes'; assumption: 1–2 min typical, 10 min worst for failover-global-cluster --allow-data-loss",
  ),
  auroraSwitchover: fig(
    60,
    120,
    600,
    "Amazon Aurora User Guide, 'Performing switchovers for Amazon Aurora global databases': secondaries are synchronized first (RPO 0), the database is unavailable while roles change; same assumption as failover",
  ),
  pulumiUpStandby: fig(
    300,
    600,
    900,
    "estimate: pulumi up of dr-singapore (~460 resources, NAT gateways, node group, Helm upgrades) takes 5–15 minutes",
  ),
  nodeLaunch: fig(
    45,
    75,
    180,
    "assumption: EC2 launch, AL2023 boot and kubelet join for a Karpenter node (Karpenter documentation, 'Concepts: NodePools' publishes no figure); worst with capacity retries",
  ),
  podReady: fig(
    10,
    20,
    120,
    "services/workload.ts probes (startup up to 30 × 2 s, readiness every 10 s) plus an image pull from the regional ECR replica",
  ),
  hpaReaction: fig(
    15,
    30,
    60,
    "Kubernetes documentation, 'Horizontal Pod Autoscaling': the controller runs every 15 s; scale-up has no stabilization window by default",
  ),
  auroraLag: fig(
    0,
    1,
    Infinity,
    "Amazon Aurora User Guide, 'Using switchover or failover in Amazon Aurora Global Database': RPO 'typically measured in seconds', asynchronous; unbounded unless rds.global_db_rpo is set",
  ),
  dynamoDbLag: fig(
    0,
    1,
    Infinity,
    "Amazon DynamoDB Developer Guide, 'Monitoring global tables': ReplicationLatency is asynchronous and 'can increase if an AWS Region becomes degraded'; no bound",
  ),
  s3Rtc: fig(
    0,
    15,
    15 * 60,
    "Amazon S3 User Guide, 'Replicating objects using S3 Replication Time Control (S3 RTC)': most objects in seconds, 99.99 % within 15 minutes (SLA)",
  ),
} as const;

export const TARGETS = {
  brief: { rtoSeconds: 15 * 60, rpoSeconds: 5 * 60 },
  project: { readsSeconds: 2 * 60, writesSeconds: 5 * 60, relationalRpoSeconds: 20 },
};

export type DrScenario = "standby" | "drill" | "failover";

/** How the switch is started: a person (after detection, approving) or the alarm trigger. */
export type Trigger = "manual" | "auto";

/** The model's inputs: every one comes from the synthesized config or plans (drInputs.ts). */
export interface DrInputs {
  /** The standby's mode when the primary is lost. */
  mode: DrScenario;
  healthCheck: { intervalSeconds: number; failureThreshold: number };
  recordTtlSeconds: number;
  /** Minutes a person needs to confirm the outage and start or approve the switch. */
  operatorMinutes: number;
  /** `rds.global_db_rpo` when the primary sets `data.aurora.maxRpoSeconds`. */
  maxRpoSeconds?: number;
  /** `dr.approval` and `dr.autoFailover`. */
  approval: boolean;
  autoFailover: boolean;
  /** An ARC Region switch plan exists (otherwise: the runbook's manual commands and pulumi up). */
  switchPlan: boolean;
  /** The api record pair follows endpoint health (reads move without the switch). */
  readsFollowEndpointHealth: boolean;
  /** Sign-in and token validation work with the primary Region gone. */
  signInSurvives: boolean;
  /** The storefront's default origin fails over to another Region (CloudFront origin group). */
  storefrontFailsOver: boolean;
  /** CloudFront origin failover: connection attempts × timeout per request at worst. */
  originFailoverSeconds: number;
  /** Service pods at the standby's floors in this mode, and at production size. */
  capacity: { pods: number; fullPods: number };
}

export interface Step {
  step: string;
  range: Range;
  source: string;
}

export interface PathRto {
  path: "reads" | "writes" | "sign-in" | "storefront";
  trigger: Trigger;
  steps: Step[];
  total: Range;
  /** Why the path does not come back at all, when it does not. */
  never?: string;
}

export interface StoreRpo {
  store: string;
  range: Range;
  label: "enforced" | "SLA" | "typical" | "not replicated";
  note: string;
}

export interface Verdict {
  target: "brief" | "project";
  metric: string;
  worstSeconds: number;
  limitSeconds: number;
  met: boolean;
}

export interface DrReport {
  inputs: DrInputs;
  paths: PathRto[];
  rpo: StoreRpo[];
  capacity: { pods: number; fullPods: number; fullAfter: Range };
  verdicts: Verdict[];
}

const step = (name: string, f: Range & { source: string }): Step => ({
  step: name,
  range: { best: f.best, typical: f.typical, worst: f.worst },
  source: f.source,
});

export function sumRanges(steps: Step[]): Range {
  const add = (k: keyof Range) => steps.reduce((t, s) => t + s.range[k], 0);
  return { best: add("best"), typical: add("typical"), worst: add("worst") };
}

const maxRange = (a: Range, b: Range): Range => ({
  best: Math.max(a.best, b.best),
  typical: Math.max(a.typical, b.typical),
  worst: Math.max(a.worst, b.worst),
});

/** Route 53 declares the endpoint unhealthy: interval × threshold, one interval more at worst. */
export function detection(i: DrInputs): Step {
  const { intervalSeconds: n, failureThreshold: k } = i.healthCheck;
  return step("Route 53 health checks mark the primary unhealthy", {
    best: n * k,
    typical: n * k,
    worst: n * (k + 1),
    source: `health check every ${n} s × failure threshold ${k} (Amazon Route 53 Developer Guide, 'How Amazon Route 53 determines whether a health check is healthy'); assumption: one interval more at worst, the checkers are not synchronized`,
  });
}

/** From a changed answer at Route 53 to clients using it. */
export function dnsSteps(i: DrInputs): Step[] {
  return [
    step("Route 53 name servers answer with the standby", FIGURES.dnsPropagation),
    step("resolvers drop the cached answer", {
      best: 0,
      typical: i.recordTtlSeconds / 2,
      worst: i.recordTtlSeconds,
      source: `failover record TTL ${i.recordTtlSeconds} s (ecommerce:edge.recordTtlSeconds)`,
    }),
    step("clients that keep answers past the TTL", FIGURES.resolverOverhang),
  ];
}

/**
 * What starts the switch: a person after detection (who also approves), or the alarm trigger with
 * no approval step. With `dr.approval` on, an alarm-started execution still waits for a person:
 * its timing is the manual one.
 */
export function triggerSteps(i: DrInputs, trigger: Trigger): Step[] {
  const person = {
    best: 60,
    typical: i.operatorMinutes * 60,
    worst: i.operatorMinutes * 60 * 5,
    source: `ecommerce:dr.operatorMinutes (${i.operatorMinutes}) typical; assumption: 1 min best, 5× worst (paged at night)`,
  };
  if (trigger === "manual")
    return [
      detection(i),
      step("a person confirms the outage and starts or approves the switch", person),
    ];
  return [step("the primary's health alarm fires the Region switch trigger", FIGURES.alarmTrigger)];
}

/** The trigger the configuration gives: automatic only with the alarm trigger on and approval off. */
export function configuredTrigger(i: DrInputs): Trigger {
  return i.switchPlan && i.autoFailover && !i.approval ? "auto" : "manual";
}

function writeSteps(i: DrInputs, trigger: Trigger): Step[] {
  const promote = step(
    i.mode === "failover"
      ? "already the writer"
      : "Aurora fails the global database over (--allow-data-loss)",
    i.mode === "failover"
      ? { best: 0, typical: 0, worst: 0, source: "dr.mode=failover" }
      : FIGURES.auroraFailover,
  );
  if (i.switchPlan)
    return [
      ...triggerSteps(i, trigger),
      step("Region switch starts the Aurora block", FIGURES.planStepOverhead),
      promote,
      step("Region switch runs the Route 53 health-check block", FIGURES.planStepOverhead),
      ...dnsSteps(i),
    ];
  // The runbook: a person runs failover-global-cluster (no alarm trigger exists without a plan).
  return [...triggerSteps(i, "manual"), promote];
}

function readSteps(i: DrInputs, trigger: Trigger): Step[] {
  if (i.readsFollowEndpointHealth) return [detection(i), ...dnsSteps(i)];
  // The plan's Route 53 block steers the records; the model runs it after the Aurora block, so
  // reads move with writes. Without a plan either, DNS moves when a person changes the records.
  if (i.switchPlan) return writeSteps(i, trigger);
  return [...triggerSteps(i, "manual"), ...dnsSteps(i)];
}

function pathRto(i: DrInputs, path: PathRto["path"], trigger: Trigger): PathRto {
  const reads = readSteps(i, trigger);
  const readTotal = sumRanges(reads);
  if (path === "reads") return { path, trigger, steps: reads, total: readTotal };
  if (path === "writes") {
    const steps = writeSteps(i, trigger);
    // Without a plan, DNS moves on its own while the database is promoted: writes need both.
    const total = i.switchPlan ? sumRanges(steps) : maxRange(sumRanges(steps), readTotal);
    return { path, trigger, steps, total };
  }
  if (path === "sign-in") {
    if (!i.signInSurvives)
      return {
        path,
        trigger,
        steps: [],
        total: inf(),
        never: "its issuer and keys are in the lost Region",
      };
    return { path, trigger, steps: reads, total: readTotal };
  }
  if (!i.storefrontFailsOver)
    return {
      path,
      trigger,
      steps: [],
      total: inf(),
      never: "CloudFront's only origin is in the lost Region",
    };
  const failover = step("CloudFront retries the origin group's secondary", {
    best: 0,
    typical: 1,
    worst: i.originFailoverSeconds,
    source:
      "Amazon CloudFront Developer Guide, 'Optimize high availability with CloudFront origin failover' and 'Controlling origin timeouts and attempts': per request, after connection attempts × connection timeout (3 × 10 s by default)",
  });
  return { path, trigger, steps: [failover], total: sumRanges([failover]) };
}

const inf = (): Range => ({ best: Infinity, typical: Infinity, worst: Infinity });

export function drReport(i: DrInputs): DrReport {
  const triggers: Trigger[] = ["manual", "auto"];
  const paths = (["reads", "writes", "sign-in", "storefront"] as const).flatMap((p) =>
    triggers.map((t) => pathRto(i, p, t)),
  );
  const aurora: StoreRpo =
    i.maxRpoSeconds !== undefined
      ? {
          store: "Aurora PostgreSQL (global database)",
          range: { best: 0, typical: FIGURES.auroraLag.typical, worst: i.maxRpoSeconds },
          label: "enforced",
          note: `rds.global_db_rpo = ${i.maxRpoSeconds} s: the writer blocks commits while no secondary is within it (Amazon Aurora User Guide, 'Managing RPOs for Aurora PostgreSQL–based global databases')`,
        }
      : {
          store: "Aurora PostgreSQL (global database)",
          range: FIGURES.auroraLag,
          label: "typical",
          note: `${FIGURES.auroraLag.source}; set ecommerce:data.aurora.maxRpoSeconds (≥ 20) to bound it`,
        };
  const rpo: StoreRpo[] = [
    aurora,
    {
      store: "DynamoDB carts, sessions (global tables)",
      range: FIGURES.dynamoDbLag,
      label: "typical",
      note: FIGURES.dynamoDbLag.source,
    },
    {
      store: "S3 assets, web (CRR with RTC)",
      range: FIGURES.s3Rtc,
      label: "SLA",
      note: FIGURES.s3Rtc.source,
    },
    {
      store: "SQS order-events",
      range: inf(),
      label: "not replicated",
      note: "messages queued in the lost Region wait there until it returns (orders are recorded in Aurora first)",
    },
    {
      store: "Valkey cache",
      range: { best: 0, typical: 0, worst: 0 },
      label: "not replicated",
      note: "a cache: rebuilt from Aurora and DynamoDB",
    },
  ];
  const readsWorst = sumRanges(readSteps(i, configuredTrigger(i)));
  const scaleUp = sumRanges([
    step("autoscaler reacts", FIGURES.hpaReaction),
    step("nodes launch", FIGURES.nodeLaunch),
    step("pods ready", FIGURES.podReady),
  ]);
  const fullAfter: Range =
    i.capacity.pods >= i.capacity.fullPods
      ? { best: 0, typical: 0, worst: 0 }
      : {
          best: readsWorst.best + scaleUp.best,
          typical: readsWorst.typical + scaleUp.typical,
          worst: readsWorst.worst + scaleUp.worst,
        };
  const worst = (p: PathRto["path"], t: Trigger) =>
    paths.find((x) => x.path === p && x.trigger === t)?.total.worst ?? Infinity;
  const configured = configuredTrigger(i);
  const worstRto = Math.max(
    ...(["reads", "writes", "sign-in", "storefront"] as const).map((p) => worst(p, configured)),
  );
  const replicated = rpo.filter((r) => r.label !== "not replicated");
  const verdict = (
    target: Verdict["target"],
    metric: string,
    w: number,
    limit: number,
  ): Verdict => ({
    target,
    metric,
    worstSeconds: w,
    limitSeconds: limit,
    met: w <= limit,
  });
  const verdicts = [
    verdict(
      "brief",
      `RTO, every path (${configured === "auto" ? "auto-trigger" : "approved"}, as configured)`,
      worstRto,
      TARGETS.brief.rtoSeconds,
    ),
    verdict(
      "brief",
      "RPO, every replicated store",
      Math.max(...replicated.map((r) => r.range.worst)),
      TARGETS.brief.rpoSeconds,
    ),
    verdict(
      "project",
      "RTO reads (auto-trigger)",
      worst("reads", "auto"),
      TARGETS.project.readsSeconds,
    ),
    verdict(
      "project",
      "RTO writes (auto-trigger)",
      worst("writes", "auto"),
      TARGETS.project.writesSeconds,
    ),
    verdict(
      "project",
      `relational RPO (${aurora.label})`,
      aurora.range.worst,
      TARGETS.project.relationalRpoSeconds,
    ),
  ];
  return { inputs: i, paths, rpo, capacity: { ...i.capacity, fullAfter }, verdicts };
}

export function duration(s: number): string {
  if (!Number.isFinite(s)) return "unbounded";
  if (s < 120) return `${Math.round(s)} s`;
  return `${(s / 60).toFixed(1)} min`;
}
