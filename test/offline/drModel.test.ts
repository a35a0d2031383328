import { expect } from "chai";
import { AWS_FIGURES, DrInputs, drReport } from "../../offline/drModel";

const base: DrInputs = {
  mode: "standby",
  healthCheckIntervalSeconds: 10,
  healthCheckFailureThreshold: 3,
  recordTtlSeconds: 60,
  operatorSeconds: 180,
  reducedCapacity: true,
};

describe("offline/drModel (RTO/RPO)", () => {
  const cases: [string, Partial<DrInputs>, number, number][] = [
    // [title, inputs, RTO reads, RTO writes]
    [
      // Reads at resting capacity once DNS moves; its ceilings rise only with the operator's run.
      "resting standby: reads after detection + TTL; writes after operator, promotion and scale-up",
      {},
      30 + 60,
      30 + 180 + 60 + 90 + 30,
    ],
    [
      "drill: capacity already full, writes wait for promotion",
      { mode: "drill", reducedCapacity: false },
      90,
      30 + 180 + 60,
    ],
    [
      "failover: already the writer, DNS is the whole story",
      { mode: "failover", reducedCapacity: false },
      90,
      90,
    ],
    [
      "slow health checks: 30 s × 3",
      { mode: "failover", healthCheckIntervalSeconds: 30, reducedCapacity: false },
      150,
      150,
    ],
    [
      // A short TTL so that promotion, not DNS, decides the write RTO.
      "no operator delay still needs promotion",
      { mode: "drill", operatorSeconds: 0, recordTtlSeconds: 10, reducedCapacity: false },
      30 + 10,
      30 + 0 + 60,
    ],
  ];
  for (const [title, inputs, reads, writes] of cases) {
    it(title, () => {
      const r = drReport({ ...base, ...inputs });
      expect(r.rtoReadsSeconds).to.equal(reads);
      expect(r.rtoWritesSeconds).to.equal(writes);
    });
  }

  it("marks the manual step and cites a source for every automatic one", () => {
    const r = drReport(base);
    expect(r.writeTimeline.filter((s) => !s.automatic).map((s) => s.step)).to.deep.equal([
      "Operator fails the global database over (--allow-data-loss), then runs pulumi up with dr.mode=failover",
    ]);
    for (const s of r.writeTimeline) expect(s.basis.length, s.step).to.be.greaterThan(10);
    expect(r.writeTimeline.map((s) => s.seconds)).to.include(
      AWS_FIGURES.auroraPromotionSeconds.value,
    );
  });

  it("reports RPO per store honestly, S3 at its 15-minute RTC bound and the unreplicated ones as such", () => {
    const rpo = Object.fromEntries(
      drReport(base).rpo.map((r) => [r.store.split(" ")[0], r.rpoSeconds]),
    );
    expect(rpo).to.deep.equal({
      Aurora: 1,
      DynamoDB: 1,
      S3: 900,
      SQS: undefined,
      Valkey: undefined,
    });
  });

  it("flags what misses the targets: the brief's RPO (S3 RTC) always, the project's RTO only at rest", () => {
    const verdict = (mode: DrInputs["mode"]) =>
      Object.fromEntries(
        drReport({ ...base, mode, reducedCapacity: mode === "standby" }).verdicts.map((v) => [
          `${v.target} ${v.metric}`,
          v.met,
        ]),
      );
    expect(verdict("standby")).to.deep.equal({
      "brief RTO (writes)": true,
      "brief RPO (all replicated data)": false,
      "project RTO (writes)": false,
      "project RPO (relational and key-value)": true,
    });
    expect(verdict("failover")["project RTO (writes)"]).to.equal(true);
  });
});
