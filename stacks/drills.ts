import { Cluster } from "../components/cluster/cluster";
import { NAMESPACES } from "../components/cluster/platform";
import { ChaosDrills } from "../components/drills/chaos";
import { Data } from "../components/data/data";
import { Observability } from "../components/observability/observability";
import { auroraPosture } from "../components/data/posture";
import { StackConfig, postureOf } from "./config";
import { StackContext } from "./context";

/** AWS FIS templates, when `ecommerce:dr.fis` is on. */
export function buildChaosDrills(
  cfg: StackConfig,
  ctx: StackContext,
  cluster: Cluster,
  data: Data,
  observability: Observability,
): ChaosDrills | undefined {
  if (!cfg.fis) return undefined;
  return new ChaosDrills("drills", {
    region: cfg.region,
    accountId: ctx.accountId,
    namePrefix: ctx.namePrefix,
    clusterName: ctx.clusterName,
    availabilityZone: cfg.network.availabilityZones[0],
    namespace: NAMESPACES.shop.name,
    provider: cluster.provider,
    // The FIS ServiceAccount, Role and RoleBinding live in the shop namespace.
    dependsOn: [cluster.namespaces.shop, ...cluster.ready],
    auroraClusterArn: data.auroraClusterArn,
    // No Aurora drill on a read-only secondary: only a writer can fail over to another instance.
    auroraWriter: auroraPosture(postureOf(cfg)).writer,
    stopAlarmArn: observability.apiErrorAlarmArn,
    volumeKeyArn: cluster.volumeKeyArn,
  });
}
