import {
  ConfigError,
  StandbyConfig,
  assertNoOverlapWithPrimary,
  assertReplicatedHere,
} from "./config";
import { StackContext } from "./context";
import { buildCluster, buildDeployRunner, clusterOutputs } from "./cluster";
import { buildData, dataOutputs } from "./data";
import { buildNetwork, networkOutputs } from "./network";
import { buildChaosDrills } from "./drills";
import { buildStandbyEdge } from "./edge";
import { buildMesh, buildServices, gatewayHosts } from "./services";
import { buildObservability } from "./observability";
import { buildGovernance } from "./governance";
import { PrimaryReference } from "./references";
import { buildRegionSwitch, regionSwitchOutputs } from "./regionSwitch";

/** dr-singapore: the warm standby, wired to the primary through a typed StackReference. */
export async function standby(cfg: StandbyConfig, ctx: StackContext) {
  const primaryStack = new PrimaryReference(cfg.dr.primaryStack);
  // Validated against the primary's real output before any resource of ours is declared.
  assertNoOverlapWithPrimary(cfg.network.cidr, await primaryStack.value("vpcCidr"));
  assertReplicatedHere(cfg.region, await primaryStack.value("replicaRegions"));
  const acceleratorListenerArn = acceleratorToJoin(
    cfg,
    await primaryStack.value("acceleratorListenerArn"),
  );

  const network = buildNetwork(cfg, ctx);
  const p = primaryStack.outputs;
  const data = buildData(
    cfg,
    ctx,
    network,
    {
      posture: cfg.dr.mode,
      primary: {
        region: p.region,
        globalClusterId: p.globalClusterId,
        globalWriterEndpoint: p.globalWriterEndpoint,
        keyArns: p.keyArns,
        tableArns: p.tableArns,
        buckets: p.buckets,
        webReplicaBucketName: p.storefrontReplicaBuckets.apply((b) => b[cfg.region]),
        dbSecretArn: p.dbSecretArn,
      },
    },
    p.storefrontDistributionArn,
  );
  const cluster = buildCluster(cfg, ctx, network, data);
  const runner = buildDeployRunner(cfg, ctx, network, data, cluster);
  const domain = await primaryStack.value("domain");
  const hosts = gatewayHosts(cfg, domain);
  const mesh = buildMesh(cfg, network, cluster, {
    hosts,
    // The keys inline when the primary publishes them: Istio then never fetches from its region.
    jwt: { issuer: p.jwtIssuer, jwksUri: p.jwksUri, jwks: await primaryStack.value("jwks") },
  });
  buildServices(cfg, ctx, cluster, data, mesh, hosts);
  const edge = buildStandbyEdge(cfg, ctx, network, cluster, data, mesh, {
    domain,
    zoneId: p.zoneId,
    jwt: { issuer: p.jwtIssuer, audience: p.jwtAudience },
    acceleratorListenerArn,
  });
  const observability = buildObservability(cfg, ctx, cluster, data, edge, {
    regions: [await primaryStack.value("region"), cfg.region],
    healthCheckId: p.healthCheckId,
  });
  const regionSwitch = buildRegionSwitch(cfg, ctx, data, cluster, edge, p, {
    region: await primaryStack.value("region"),
    domain,
  });
  const drills = buildChaosDrills(cfg, ctx, cluster, data, observability);
  const governance = buildGovernance(cfg, ctx, data, observability);
  return {
    role: cfg.role,
    drMode: cfg.dr.mode,
    region: cfg.region,
    primaryRegion: primaryStack.outputs.region,
    primaryVpcId: primaryStack.outputs.vpcId,
    ...networkOutputs(network),
    ...dataOutputs(data),
    ...clusterOutputs(cluster, runner),
    meshGateway: mesh.targetGroupBinding,
    apiName: edge.apiName,
    ...(drills ? { chaosDrills: drills.templateIds } : {}),
    regionalApiName: edge.regionalApiName,
    apiTarget: edge.apiTarget,
    alarmTopicArn: observability.alarmTopicArn,
    governance: governance.services,
    ...(governance.trailArn ? { trailArn: governance.trailArn } : {}),
    globalClusterId: data.globalClusterId,
    ...regionSwitchOutputs(regionSwitch),
  };
}

/**
 * The primary's accelerator listener the standby's endpoint group joins, checked before any
 * resource is declared: the primary exports "" when it has no accelerator, and AWS would reject
 * an endpoint group with an empty listener. Undefined when the standby has no accelerator.
 * @throws ConfigError naming the key to change.
 */
export function acceleratorToJoin(
  cfg: StandbyConfig,
  primaryListenerArn: string,
): string | undefined {
  if (!cfg.edge.globalAccelerator) return undefined;
  if (!primaryListenerArn) {
    throw new ConfigError([
      "ecommerce:edge.globalAccelerator is true on the standby, but the primary exports no accelerator listener; set ecommerce:edge.globalAccelerator: true on the primary stack first (or false here)",
    ]);
  }
  return primaryListenerArn;
}
