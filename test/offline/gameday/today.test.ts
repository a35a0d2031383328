import { expect } from "chai";
import { POSTURES, runGameday } from "../../../offline/gameday/cli";
import { INVARIANTS, Invariant } from "../../../offline/gameday/invariants";
import { SCENARIOS } from "../../../offline/gameday/scenarios";
import { PlanSets } from "../../../offline/gameday/world";
import { synth } from "../../helpers";

/**
 * Today's plans, before the Region switch plan and the serving-path fixes of issue 16: the game
 * day must fail exactly the invariants the issue lists. When those fixes land, this expectation
 * turns into "every scenario passes".
 */
describe("offline/gameday on today's plans (the failures issue 16 lists)", () => {
  let sets: PlanSets;
  before(async () => {
    const plans = async (overrides: string[]) => (await synth(overrides)).plans;
    sets = {
      standby: await plans(POSTURES.standby("prod-mumbai", "dr-singapore")),
      drill: await plans(POSTURES.drill("prod-mumbai", "dr-singapore")),
      failover: await plans(POSTURES.failover("prod-mumbai", "dr-singapore")),
    };
  });

  const failing = (scenario: string) =>
    [...new Set(runGameday(sets, [scenario]).violations.map((v) => v.invariant))].sort();
  const messages = (scenario: string, invariant: Invariant) =>
    runGameday(sets, [scenario])
      .violations.filter((v) => v.invariant === invariant)
      .map((v) => v.message);

  it("fails the specific invariants per scenario; Singapore lost passes", () => {
    expect(Object.fromEntries(SCENARIOS.map((s) => [s.name, failing(s.name)]))).to.deep.equal({
      "lost-at-rest": ["noLostDependency", "pathBack"],
      "lost-mid-drill": ["pathBack", "writesToWriter"],
      "returns-after-failover": ["noLostDependency", "pathBack", "writesToWriter"],
      "planned-switchover": ["writesToWriter"],
      "singapore-lost": [],
    });
  });

  it("identity and the storefront are pinned to ap-south-1 on the standby's serving path", () => {
    const m = messages("lost-at-rest", "noLostDependency");
    expect(m.map((x) => x.split(":")[0])).to.deep.equal([
      "token validation (API Gateway) served from ap-southeast-1",
      "sign-in served from ap-southeast-1",
      "token validation (mesh) served from ap-southeast-1",
      "storefront served from ap-southeast-1",
    ]);
    for (const x of m) expect(x).to.match(/needs ap-south-1$/);
  });

  it("S3 replicates one way: assets and web written in Singapore after failover are stranded", () => {
    expect(messages("lost-at-rest", "pathBack")).to.deep.equal(
      ["assets", "web"].map(
        (b) =>
          `S3: ecommerce-prod-mumbai-${b}-123456789012 → ecommerce-dr-singapore-${b}-123456789012 replicates ap-south-1 → ap-southeast-1 only; nothing replicates ecommerce-dr-singapore-${b}-123456789012 back to ap-south-1, so objects written after failover are stranded at failback`,
      ),
    );
  });

  it("DNS does not follow the switch: Mumbai's health check takes api back once it answers, away from the writer", () => {
    expect(messages("returns-after-failover", "writesToWriter")).to.deep.equal([
      "Route 53 answers api.shop.example.com with ap-south-1 (PRIMARY; PRIMARY ← endpoint check edge-primary on ap-south-1, SECONDARY ← no health check) while the writer is in ap-southeast-1; writes from ap-south-1: DB_HOST is ecommerce-prod-mumbai-aurora's cluster endpoint, inactive on a global secondary",
    ]);
  });

  it("a drill sends writes to Singapore's inactive cluster endpoint, and losing Mumbai mid-drill turns the inverted check healthy", () => {
    const m = messages("lost-mid-drill", "writesToWriter");
    expect(m[0]).to.match(
      /with ap-southeast-1 \(SECONDARY; PRIMARY ← inverted endpoint check edge-primary on ap-south-1.*while the writer is in ap-south-1; writes from ap-southeast-1: DB_HOST is ecommerce-dr-singapore-aurora's cluster endpoint, inactive on a global secondary$/,
    );
    expect(m[1]).to.match(
      /with ap-south-1 \(PRIMARY;.*while the writer is in ap-southeast-1; writes from ap-south-1: ap-south-1 is lost$/,
    );
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
