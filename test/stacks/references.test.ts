import { expect } from "chai";
import { runEngine } from "../../offline/engine";
import { parseOverride } from "../../offline/projectConfig";
import { SynthError } from "../../offline/synth";
import { ofType, plan } from "../helpers";

describe("stacks/references (standby wired to the primary's real outputs)", () => {
  it("reads prod-mumbai's synthesized outputs through the StackReference", async () => {
    const prod = await plan("prod-mumbai");
    const dr = await plan("dr-singapore");
    const [ref] = ofType(dr, "pulumi:pulumi:StackReference");
    expect(ref.read).to.equal(true);
    expect(ref.inputs.name).to.equal("organization/ecommerce-platform/prod-mumbai");
    expect((ref.outputs.outputs as Record<string, unknown>).vpcCidr).to.equal("10.10.0.0/16");
    expect(dr.outputs.primaryVpcId).to.equal(prod.outputs.vpcId);
    expect(dr.outputs.primaryRegion).to.equal("ap-south-1");
  });

  it("runs the primary first when only the standby is asked for", async () => {
    const result = await runEngine({ stacks: ["dr-singapore"] });
    expect(result.plans.map((p) => p.stack)).to.deep.equal(["prod-mumbai", "dr-singapore"]);
    expect(result.requested).to.deep.equal(["dr-singapore"]);
  });

  it("rejects a standby VPC that overlaps the primary's, before any standby resource exists", async () => {
    const err = await runEngine({
      overrides: [parseOverride("dr-singapore:ecommerce:network.cidr=10.10.0.0/17")],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(SynthError);
    expect((err as SynthError).stack).to.equal("dr-singapore");
    expect((err as Error).message).to.match(
      /^Invalid stack configuration:\n {2}- ecommerce:network.cidr: 10.10.0.0\/17 overlaps the primary's VPC 10.10.0.0\/16/,
    );
  });

  it("fails loudly when the referenced stack does not exist", async () => {
    const err = await runEngine({
      stacks: ["dr-singapore"],
      overrides: [
        parseOverride(
          "dr-singapore:ecommerce:dr.primaryStack=organization/ecommerce-platform/prod-elsewhere",
        ),
      ],
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error).message).to.match(
      /StackReference to organization\/ecommerce-platform\/prod-elsewhere: that stack was not synthesized/,
    );
  });
});
