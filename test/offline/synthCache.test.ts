import { expect } from "chai";
import { runEngine } from "../../offline/engine";
import { parseOverride } from "../../offline/projectConfig";
import { synthesisKey } from "../../offline/synthCache";
import { PlanInput } from "../../offline/types";

const run = (overrides: string[] = []) => runEngine({ overrides: overrides.map(parseOverride) });
const standbyMode = (mode: string) => [`dr-singapore:ecommerce:dr.mode=${mode}`];

describe("offline/synthCache: one synthesis per distinct input", () => {
  const input: PlanInput = {
    project: "ecommerce-platform",
    organization: "organization",
    stack: "dr-singapore",
    config: { "ecommerce:role": "standby" },
    references: new Map([
      ["o/p/prod-mumbai", { outputs: { region: "ap-south-1" }, secretOutputNames: [] }],
    ]),
  };

  it("keys on the config, the mode, the project and what the references hold", () => {
    const key = synthesisKey("/p", input);
    expect(synthesisKey("/p", { ...input })).to.equal(key);
    expect(synthesisKey("/q", input)).to.not.equal(key);
    expect(synthesisKey("/p", { ...input, preview: true })).to.not.equal(key);
    expect(synthesisKey("/p", { ...input, config: { "ecommerce:role": "primary" } })).to.not.equal(
      key,
    );
    expect(synthesisKey("/p", { ...input, secretKeys: ["ecommerce:x"] })).to.not.equal(key);
    const moved = new Map([
      ["o/p/prod-mumbai", { outputs: { region: "us-east-1" }, secretOutputNames: [] }],
    ]);
    expect(synthesisKey("/p", { ...input, references: moved })).to.not.equal(key);
  });

  it("never hands a run a plan synthesized from other config, in any order", async () => {
    for (const mode of ["failover", "standby", "drill", "failover", "standby"]) {
      const result = await run(standbyMode(mode));
      const standby = result.plans.find((p) => p.stack === "dr-singapore");
      expect((standby?.config["ecommerce:dr"] as { mode: string }).mode).to.equal(mode);
      const aurora = standby?.resources.find((r) => r.type === "aws:rds/cluster:Cluster");
      // Write forwarding is the drill's alone.
      expect(aurora?.inputs.enableGlobalWriteForwarding ?? false, mode).to.equal(mode === "drill");
    }
  });

  it("hands out copies: editing one run's plan leaves the next run's alone", async () => {
    const first = await run();
    const vpc = first.plans[0].resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
    if (!vpc) throw new Error("no VPC in the plan");
    vpc.inputs.cidrBlock = "edited";
    first.gates.get(first.plans[0].stack)?.violations.push({
      policy: "edited",
      urn: vpc.urn,
      level: "mandatory",
      message: "edited",
    });
    const second = await run();
    const again = second.plans[0].resources.find((r) => r.urn === vpc.urn);
    expect(again?.inputs.cidrBlock).to.equal("10.10.0.0/16");
    expect(second.gates.get(second.plans[0].stack)?.violations).to.deep.equal([]);
  });
});
