import { PrimaryConfig } from "./config";
import { StackContext } from "./context";
import { buildCluster, buildDeployRunner, clusterOutputs } from "./cluster";
import { buildData, dataOutputs } from "./data";
import { buildNetwork, networkOutputs } from "./network";
import { buildChaosDrills } from "./drills";
import { buildIdentity, buildPrimaryEdge, storefrontReplicaBuckets } from "./edge";
import { buildMesh, buildServices, gatewayHosts } from "./services";
import { buildObservability } from "./observability";
import { buildGovernance } from "./governance";
import * as pulumi from "@pulumi/pulumi";
import { InputsOf, PrimaryOutputs } from "./references";
import { ROUTE53_API_HEALTH_ALARM } from "../components/observability/alarms";

/** prod-mumbai: the active region. It knows nothing about the standby. */
export async function primary(cfg: PrimaryConfig, ctx: StackContext) {
  const network = buildNetwork(cfg, ctx);
  // The web bucket admits only the storefront's distribution, which the edge builds from that
  // bucket: its ARN reaches the bucket policy through a deferred output, resolved below.
  const [webDistributionArn, resolveWebDistributionArn] = pulumi.deferredOutput<string>();
  const data = buildData(
    cfg,
    ctx,
    network,
    { posture: "active", secretReplicaRegions: cfg.dr.replicaRegions },
    webDistributionArn,
  );
  const cluster = buildCluster(cfg, ctx, network, data);
  const runner = buildDeployRunner(cfg, ctx, network, data, cluster);
  const domain = cfg.edge.domain;
  const identity = buildIdentity(cfg, ctx, domain);
  const hosts = gatewayHosts(cfg, domain);
  const mesh = buildMesh(cfg, network, cluster, {
    hosts,
    jwt: { issuer: identity.issuer, jwksUri: identity.jwksUri, jwks: identity.jwks },
  });
  const services = buildServices(cfg, ctx, cluster, data, mesh, hosts);
  const replicaBuckets = storefrontReplicaBuckets(cfg, ctx);
  const edge = buildPrimaryEdge(cfg, ctx, network, cluster, data, mesh, {
    domain,
    jwt: { issuer: identity.issuer, audience: identity.audience },
    storefrontReplicaBuckets: replicaBuckets,
  });
  const { distributionArn, healthCheckId } = edge;
  resolveWebDistributionArn(distributionArn);
  const observability = buildObservability(cfg, ctx, cluster, data, edge, {
    regions: [cfg.region, ...cfg.dr.replicaRegions],
    healthCheckId,
  });
  const drills = buildChaosDrills(cfg, ctx, cluster, data, observability);
  const governance = buildGovernance(cfg, ctx, data, observability);
  // Typed against PrimaryOutputs: dropping a key the standby reads is a compile error.
  const forStandby: InputsOf<PrimaryOutputs> = {
    region: cfg.region,
    vpcId: network.vpcId,
    vpcCidr: network.cidr,
    globalClusterId: data.globalClusterId,
    globalWriterEndpoint: data.globalWriterEndpoint,
    keyArns: data.keyArns,
    tableArns: data.tableArns,
    buckets: data.buckets,
    dbSecretArn: data.dbSecretArn,
    storefrontDistributionArn: distributionArn,
    storefrontReplicaBuckets: replicaBuckets,
    replicaRegions: cfg.dr.replicaRegions,
    domain,
    zoneId: edge.zoneId,
    jwtIssuer: identity.issuer,
    jwksUri: identity.jwksUri,
    jwks: identity.jwks,
    jwtAudience: identity.audience,
    acceleratorListenerArn: edge.acceleratorListenerArn ?? "",
    healthCheckId,
    auroraClusterArn: data.auroraClusterArn,
    eksClusterName: cluster.clusterName,
    apiTarget: edge.apiTarget,
    apiHealthAlarmArn: observability.alarmArns[ROUTE53_API_HEALTH_ALARM],
  };
  return {
    role: cfg.role,
    ...networkOutputs(network),
    ...dataOutputs(data),
    ...clusterOutputs(cluster, runner),
    meshGateway: mesh.targetGroupBinding,
    repositoryUrls: services.repositoryUrls,
    apiName: edge.apiName,
    ...(drills ? { chaosDrills: drills.templateIds } : {}),
    regionalApiName: edge.regionalApiName,
    storefront: edge.distributionDomain,
    alarmTopicArn: observability.alarmTopicArn,
    governance: governance.services,
    ...(governance.trailArn ? { trailArn: governance.trailArn } : {}),
    ...forStandby,
  };
}
