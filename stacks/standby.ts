import { StandbyConfig, assertNoOverlapWithPrimary } from "./config";
import { StackContext } from "./context";
import { buildNetwork, networkOutputs } from "./network";
import { PrimaryReference } from "./references";

/** dr-singapore: the warm standby, wired to the primary through a typed StackReference. */
export async function standby(cfg: StandbyConfig, ctx: StackContext) {
  const primaryStack = new PrimaryReference(cfg.dr.primaryStack);
  // Validated against the primary's real output before any resource of ours is declared.
  assertNoOverlapWithPrimary(cfg.network.cidr, await primaryStack.value("vpcCidr"));

  const network = buildNetwork(cfg, ctx);
  return {
    role: cfg.role,
    drMode: cfg.dr.mode,
    region: cfg.region,
    primaryRegion: primaryStack.outputs.region,
    primaryVpcId: primaryStack.outputs.vpcId,
    ...networkOutputs(network),
  };
}
