import { NAMESPACES } from "../components/cluster/platform";
import { Cluster } from "../components/cluster/cluster";
import { Data } from "../components/data/data";
import { Edge } from "../components/edge/edge";
import { RegionSwitch } from "../components/regionswitch/regionSwitch";
import { StandbyConfig } from "./config";
import { StackContext } from "./context";
import { OutputsOf, PrimaryOutputs } from "./references";
import { shopServices } from "./services";

/**
 * The standby owns the Region switch plan: it is the stack that knows both Regions (it reads the
 * primary through the typed StackReference; the primary knows nothing about it), it is deployed
 * from the Region that survives the primary's loss, and the plan's executions run on the data
 * plane of the Region they activate, which for a failover is this one (components/regionswitch).
 */
export function buildRegionSwitch(
  cfg: StandbyConfig,
  ctx: StackContext,
  data: Data,
  cluster: Cluster,
  edge: Edge,
  p: OutputsOf<PrimaryOutputs>,
  primary: { region: string; domain: string },
): RegionSwitch {
  return new RegionSwitch("switch", {
    namePrefix: ctx.namePrefix,
    accountId: ctx.accountId,
    primaryRegion: primary.region,
    standbyRegion: cfg.region,
    globalClusterId: p.globalClusterId,
    auroraClusterArns: { primary: p.auroraClusterArn, standby: data.auroraClusterArn },
    eksClusterNames: { primary: p.eksClusterName, standby: cluster.clusterName },
    namespace: NAMESPACES.shop.name,
    deployments: shopServices(cfg).map((s) => s.name),
    zoneId: p.zoneId,
    recordName: `api.${primary.domain}`,
    recordTtlSeconds: cfg.edge.recordTtlSeconds,
    apiTargets: { primary: p.apiTarget, standby: edge.apiTarget },
    primaryEndpointHealthCheckId: p.healthCheckId,
    approval: cfg.dr.approval,
    triggerAlarmArn: cfg.dr.autoFailover ? p.apiHealthAlarmArn : undefined,
  });
}

/** What the game day and operators read: the plan, its roles and the health checks it steers. */
export function regionSwitchOutputs(s: RegionSwitch) {
  return {
    regionSwitch: {
      planArn: s.planArn,
      planName: s.planName,
      executionRoleArn: s.executionRoleArn,
      approverRoleArn: s.approverRoleArn ?? "",
      planHealthCheckIds: s.planHealthCheckIds,
      primaryRecordHealthCheckId: s.primaryRecordHealthCheckId,
      steps: s.steps,
    },
  };
}
