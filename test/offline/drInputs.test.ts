import { expect } from "chai";
import { drInputsFromPlans, switchSettings } from "../../offline/drInputs";
import { StackPlan } from "../../offline/plan";
import { synth } from "../helpers";

const standbyWith = (dr: Record<string, unknown>): StackPlan => ({
  stack: "dr-singapore",
  project: "ecommerce-platform",
  region: "ap-southeast-1",
  qualifiedName: "organization/ecommerce-platform/dr-singapore",
  config: { "ecommerce:role": "standby", "ecommerce:dr": dr },
  resources: [],
  outputs: {},
  secretOutputs: [],
});

describe("offline/drInputs (the DR model's inputs from the plans)", () => {
  it("reads dr.approval (default on) and dr.autoFailover (default off) defensively, from booleans or --path strings", () => {
    expect(switchSettings(standbyWith({ mode: "standby" }))).to.deep.equal({
      approval: true,
      autoFailover: false,
    });
    expect(switchSettings(standbyWith({ approval: false, autoFailover: "true" }))).to.deep.equal({
      approval: false,
      autoFailover: true,
    });
    // Anything else keeps the safe default.
    expect(switchSettings(standbyWith({ approval: "maybe" }))).to.deep.include({ approval: true });
  });

  it("the synthesized plans: the Region switch plan, reads follow the primary's health check too, 7 of 21 pods at rest", async () => {
    const inputs = drInputsFromPlans((await synth()).plans);
    expect(inputs).to.deep.include({
      mode: "standby",
      healthCheck: { intervalSeconds: 10, failureThreshold: 3 },
      recordTtlSeconds: 60,
      operatorMinutes: 3,
      maxRpoSeconds: undefined,
      approval: true,
      autoFailover: false,
      switchPlan: true,
      readsFollowEndpointHealth: true,
      originFailoverSeconds: 30,
      capacity: { pods: 7, fullPods: 21 },
    });
  });

  it("takes the enforced RPO from ecommerce:data.aurora.maxRpoSeconds and full floors from a drill", async () => {
    const inputs = drInputsFromPlans(
      (
        await synth([
          "prod-mumbai:ecommerce:data.aurora.maxRpoSeconds=30",
          "dr-singapore:ecommerce:dr.mode=drill",
        ])
      ).plans,
    );
    expect(inputs).to.deep.include({
      mode: "drill",
      maxRpoSeconds: 30,
      capacity: { pods: 21, fullPods: 21 },
    });
  });
});
