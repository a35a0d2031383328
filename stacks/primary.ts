import { PrimaryConfig } from "./config";
import { StackContext } from "./context";
import { buildNetwork, networkOutputs } from "./network";
import { InputsOf, PrimaryOutputs } from "./references";

/** prod-mumbai: the active region. It knows nothing about the standby. */
export async function primary(cfg: PrimaryConfig, ctx: StackContext) {
  const network = buildNetwork(cfg, ctx);
  // Typed against PrimaryOutputs: dropping a key the standby reads is a compile error.
  const forStandby: InputsOf<PrimaryOutputs> = {
    region: cfg.region,
    vpcId: network.vpcId,
    vpcCidr: network.cidr,
  };
  return { role: cfg.role, ...networkOutputs(network), ...forStandby };
}
