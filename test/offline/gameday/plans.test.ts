import { expect } from "chai";
import { POSTURES, runGameday } from "../../../offline/gameday/cli";
import { INVARIANTS, Invariant } from "../../../offline/gameday/invariants";
import { SCENARIOS } from "../../../offline/gameday/scenarios";
import { PlanSets } from "../../../offline/gameday/world";
import { synth } from "../../helpers";

/**
 * The synthesized plans, with the Region switch plan (components/regionswitch) and the serving
 * path that needs no Mumbai: every scenario holds every invariant. The broken variants
 * (gameday.test.ts) show each invariant still bites.
 */
describe("offline/gameday on the synthesized plans", () => {
  let sets: PlanSets;
  before(async () => {
    const plans = async (overrides: string[]) => (await synth(overrides)).plans;
    sets = {
      standby: await plans(POSTURES.standby("prod-mumbai", "dr-singapore")),
      drill: await plans(POSTURES.drill("prod-mumbai", "dr-singapore")),
      failover: await plans(POSTURES.failover("prod-mumbai", "dr-singapore")),
    };
  });

  it("every scenario holds every invariant at every step", () => {
    const failing = (scenario: string) =>
      [...new Set(runGameday(sets, [scenario]).violations.map((v) => v.invariant))].sort();
    expect(Object.fromEntries(SCENARIOS.map((s) => [s.name, failing(s.name)]))).to.deep.equal(
      Object.fromEntries(SCENARIOS.map((s) => [s.name, [] as Invariant[]])),
    );
    expect(SCENARIOS.map((s) => s.name)).to.have.members([
      "lost-at-rest",
      "lost-mid-drill",
      "returns-after-failover",
      "planned-switchover",
      "singapore-lost",
    ]);
  });

  it("a Mumbai that answers again after a failover gets no traffic back: the plan keeps api on Singapore", () => {
    const text = runGameday(sets, ["returns-after-failover"]).text;
    expect(text).to.match(/Region switch failover → ap-southeast-1: Route53HealthCheck route-api/);
    expect(text).to.not.match(/DNS api\.shop\.example\.com→ap-south-1; writer ap-southeast-1/);
  });

  it("names every invariant it checks", () => {
    expect(Object.values(INVARIANTS)).to.include.members([
      "at most one writer",
      "DNS never sends writes to a Region without a writer",
      "no serving path depends on a lost Region",
      "data written after failover has a path back",
    ]);
  });
});
