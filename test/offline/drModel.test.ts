import { expect } from "chai";
import { DrInputs, FIGURES, configuredTrigger, drReport, duration } from "../../offline/drModel";

/** A design without a switch plan: reads follow the health check, sign-in and storefront pinned. */
const base: DrInputs = {
  mode: "standby",
  healthCheck: { intervalSeconds: 10, failureThreshold: 3 },
  recordTtlSeconds: 60,
  operatorMinutes: 3,
  approval: true,
  autoFailover: false,
  switchPlan: false,
  readsFollowEndpointHealth: true,
  signInSurvives: false,
  storefrontFailsOver: false,
  originFailoverSeconds: 30,
  capacity: { pods: 7, fullPods: 21 },
};

/** The intended design: a switch plan steering DNS, nothing pinned to the primary. */
const fixed: DrInputs = {
  ...base,
  switchPlan: true,
  readsFollowEndpointHealth: false,
  signInSurvives: true,
  storefrontFailsOver: true,
  maxRpoSeconds: 20,
};

const total = (i: DrInputs, path: string, trigger: "manual" | "auto") => {
  const p = drReport(i).paths.find((x) => x.path === path && x.trigger === trigger);
  if (!p) throw new Error(`no ${path}/${trigger}`);
  return p;
};

const verdicts = (i: DrInputs) =>
  Object.fromEntries(drReport(i).verdicts.map((v) => [`${v.target} ${v.metric}`, v.met]));

describe("offline/drModel (best / typical / worst)", () => {
  const dns = FIGURES.dnsPropagation;
  const overhang = FIGURES.resolverOverhang;
  const cases: [
    string,
    DrInputs,
    string,
    "manual" | "auto",
    { best: number; typical: number; worst: number },
  ][] = [
    [
      "reads that follow the health check: detection (one interval more at worst) + propagation + TTL + clients past the TTL",
      base,
      "reads",
      "manual",
      {
        best: 30 + dns.best + 0 + overhang.best,
        typical: 30 + dns.typical + 30 + overhang.typical,
        worst: 40 + dns.worst + 60 + overhang.worst,
      },
    ],
    [
      "slow health checks: 30 s × 3 detect in 90 s, 120 s at worst",
      { ...base, healthCheck: { intervalSeconds: 30, failureThreshold: 3 } },
      "reads",
      "manual",
      { best: 90, typical: 90 + dns.typical + 30, worst: 120 + dns.worst + 60 + overhang.worst },
    ],
    [
      "writes without a plan: detection, a person running failover-global-cluster, Aurora's failover (the auto column is the same: no trigger exists)",
      base,
      "writes",
      "auto",
      {
        best: 30 + 60 + FIGURES.auroraFailover.best,
        typical: 30 + 180 + FIGURES.auroraFailover.typical,
        worst: 40 + 900 + FIGURES.auroraFailover.worst,
      },
    ],
    [
      "writes with the plan and the auto-trigger: alarm, Aurora block, Route 53 block, DNS",
      fixed,
      "writes",
      "auto",
      {
        best:
          FIGURES.alarmTrigger.best +
          2 * FIGURES.planStepOverhead.best +
          FIGURES.auroraFailover.best +
          dns.best,
        typical:
          FIGURES.alarmTrigger.typical +
          2 * FIGURES.planStepOverhead.typical +
          FIGURES.auroraFailover.typical +
          dns.typical +
          30,
        worst:
          FIGURES.alarmTrigger.worst +
          2 * FIGURES.planStepOverhead.worst +
          FIGURES.auroraFailover.worst +
          dns.worst +
          60 +
          overhang.worst,
      },
    ],
    [
      "already failed over: writes wait only for the trigger, the plan and DNS",
      { ...fixed, mode: "failover" },
      "writes",
      "auto",
      {
        best: FIGURES.alarmTrigger.best + 2 * FIGURES.planStepOverhead.best + dns.best,
        typical:
          FIGURES.alarmTrigger.typical + 2 * FIGURES.planStepOverhead.typical + dns.typical + 30,
        worst:
          FIGURES.alarmTrigger.worst +
          2 * FIGURES.planStepOverhead.worst +
          dns.worst +
          60 +
          overhang.worst,
      },
    ],
  ];
  for (const [title, inputs, path, trigger, expected] of cases) {
    it(title, () => {
      expect(total(inputs, path, trigger).total).to.deep.equal(expected);
    });
  }

  it("reads steered by the plan move with its Route 53 block, after the Aurora block: with the writes", () => {
    for (const trigger of ["manual", "auto"] as const)
      expect(total(fixed, "reads", trigger).total).to.deep.equal(
        total(fixed, "writes", trigger).total,
      );
    expect(total(fixed, "reads", "auto").steps.map((s) => s.step)).to.include(
      "Region switch runs the Route 53 health-check block",
    );
  });

  it("sign-in and the storefront never come back while they are pinned to the lost Region", () => {
    expect(total(base, "sign-in", "auto").never).to.match(/issuer and keys are in the lost Region/);
    expect(total(base, "storefront", "manual").never).to.match(/only origin is in the lost Region/);
    expect(total(base, "storefront", "manual").total.worst).to.equal(Infinity);
  });

  it("with an origin group the storefront fails over per request (connection attempts × timeout)", () => {
    const p = total({ ...fixed, originFailoverSeconds: 12 }, "storefront", "manual");
    expect(p.never).to.equal(undefined);
    expect(p.total).to.deep.equal({ best: 0, typical: 1, worst: 12 });
  });

  it("cites a source for every step of every path", () => {
    for (const i of [base, fixed]) {
      const steps = drReport(i).paths.flatMap((p) => p.steps);
      expect(steps.length).to.be.greaterThan(10);
      for (const s of steps) expect(s.source.length, s.step).to.be.greaterThan(20);
    }
  });

  it("labels the relational RPO typical (unbounded) unless rds.global_db_rpo enforces it", () => {
    const aurora = (i: DrInputs) => drReport(i).rpo[0];
    expect(aurora(base)).to.include({ label: "typical" });
    expect(aurora(base).range.worst).to.equal(Infinity);
    expect(aurora({ ...base, maxRpoSeconds: 45 })).to.deep.include({
      label: "enforced",
      range: { best: 0, typical: 1, worst: 45 },
    });
    expect(drReport(base).rpo.map((r) => [r.store.split(" ")[0], r.label])).to.deep.equal([
      ["Aurora", "typical"],
      ["DynamoDB", "typical"],
      ["S3", "SLA"],
      ["SQS", "not replicated"],
      ["Valkey", "not replicated"],
    ]);
  });

  it("a resting standby browns out until scale-up; a full one does not", () => {
    const rest = drReport(base).capacity;
    expect(rest).to.include({ pods: 7, fullPods: 21 });
    expect(rest.fullAfter.worst).to.be.greaterThan(
      FIGURES.nodeLaunch.worst + FIGURES.podReady.worst + FIGURES.hpaReaction.worst,
    );
    expect(
      drReport({ ...base, capacity: { pods: 21, fullPods: 21 } }).capacity.fullAfter.worst,
    ).to.equal(0);
  });

  it("judges the targets on the worst case: today every one misses", () => {
    expect(verdicts(base)).to.deep.equal({
      "brief RTO, every path (approved, as configured)": false,
      "brief RPO, every replicated store": false,
      "project RTO reads (auto-trigger)": false,
      "project RTO writes (auto-trigger)": false,
      "project relational RPO (typical)": false,
    });
  });

  it("the fixed design with an enforced 20 s RPO: the relational target is met, the brief's RPO still misses on S3's 15-minute bound", () => {
    const v = verdicts(fixed);
    expect(v["project relational RPO (enforced)"]).to.equal(true);
    expect(v["brief RPO, every replicated store"]).to.equal(false);
  });

  it("only the alarm trigger with approval off is an automatic switch", () => {
    expect(configuredTrigger(fixed)).to.equal("manual");
    expect(configuredTrigger({ ...fixed, autoFailover: true })).to.equal("manual");
    expect(configuredTrigger({ ...fixed, autoFailover: true, approval: false })).to.equal("auto");
    expect(configuredTrigger({ ...base, autoFailover: true, approval: false })).to.equal("manual");
  });

  it("prints durations in seconds, then minutes, and unbounded", () => {
    expect([duration(45), duration(150), duration(Infinity)]).to.deep.equal([
      "45 s",
      "2.5 min",
      "unbounded",
    ]);
  });
});
