import { PrimaryConfig } from "./config";
import { StackContext } from "./context";
import { buildCluster, clusterOutputs } from "./cluster";
import { buildData, dataOutputs } from "./data";
import { buildNetwork, networkOutputs } from "./network";
import { buildMesh, buildServices } from "./services";
import { InputsOf, PrimaryOutputs } from "./references";

/** prod-mumbai: the active region. It knows nothing about the standby. */
export async function primary(cfg: PrimaryConfig, ctx: StackContext) {
  const network = buildNetwork(cfg, ctx);
  const data = buildData(cfg, ctx, network);
  const cluster = buildCluster(cfg, ctx, network, data);
  const mesh = buildMesh(cfg, network, cluster);
  const services = buildServices(cfg, ctx, cluster, data, mesh);
  // Typed against PrimaryOutputs: dropping a key the standby reads is a compile error.
  const forStandby: InputsOf<PrimaryOutputs> = {
    region: cfg.region,
    vpcId: network.vpcId,
    vpcCidr: network.cidr,
    globalClusterId: data.globalClusterId,
    keyArns: data.keyArns,
    tableArns: data.tableArns,
    buckets: data.buckets,
    dbSecretArn: data.dbSecretArn,
    replicaRegions: cfg.dr.replicaRegions,
  };
  return {
    role: cfg.role,
    ...networkOutputs(network),
    ...dataOutputs(data),
    ...clusterOutputs(cluster),
    meshGateway: mesh.targetGroupBinding,
    repositoryUrls: services.repositoryUrls,
    ...forStandby,
  };
}
