import { Cluster } from "../components/cluster/cluster";
import { DeployRunner } from "../components/cluster/deployRunner";
import { Data } from "../components/data/data";
import { Network } from "../components/network/network";
import { StackConfig, postureOf } from "./config";
import { StackContext } from "./context";

/** The cluster, sized by the same posture as the data layer. */
export function buildCluster(
  cfg: StackConfig,
  ctx: StackContext,
  network: Network,
  data: Data,
): Cluster {
  return new Cluster("cluster", {
    posture: postureOf(cfg),
    region: cfg.region,
    accountId: ctx.accountId,
    clusterName: ctx.clusterName,
    vpcId: network.vpcId,
    vpcCidr: network.cidr,
    privateSubnetIds: network.privateSubnetIds,
    workloadSecurityGroupId: network.workloadSecurityGroupId,
    kubernetesVersion: cfg.cluster.version,
    addonVersions: cfg.cluster.addonVersions,
    systemInstanceTypes: cfg.cluster.systemInstanceTypes,
    capacity: cfg.cluster.capacity,
    karpenter: cfg.cluster.karpenter,
    adminRoleArns: cfg.cluster.adminRoleArns,
    publicAccessCidrs: cfg.cluster.publicAccessCidrs,
    operatorAccess: cfg.cluster.operatorAccess,
    resolverEndpoint: cfg.cluster.resolverEndpoint,
    messagingKeyArn: data.keyArns.apply((k) => k.messaging),
    logsKeyArn: data.keyArns.apply((k) => k.logs),
    // Control-plane logs (audit included) are kept as long as the VPC's flow logs.
    controlPlaneLogRetentionDays: cfg.network.flowLogRetentionDays,
    protect: cfg.protect,
  });
}

/**
 * The region's deploy runner, inside its VPC and admitted to the cluster's private endpoint: CI's
 * previews and deployments of this stack run there (README "Deploying"). None without
 * `ecommerce:cluster.runner`.
 */
export function buildDeployRunner(
  cfg: StackConfig,
  ctx: StackContext,
  network: Network,
  data: Data,
  cluster: Cluster,
): DeployRunner | undefined {
  const runner = cfg.cluster.runner;
  if (!runner) return undefined;
  return new DeployRunner("deploy-runner", {
    namePrefix: ctx.namePrefix,
    region: cfg.region,
    accountId: ctx.accountId,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    clusterSecurityGroupId: cluster.clusterSecurityGroupId,
    logsKeyArn: data.keyArns.apply((k) => k.logs),
    logRetentionDays: cfg.observability.logRetentionDays,
    repository: runner.repository,
    connectionArn: runner.connectionArn,
  });
}

/** What operators (and later components) need from the cluster. The kubeconfig is a secret. */
export function clusterOutputs(cluster: Cluster, runner?: DeployRunner) {
  return {
    ...(runner ? { deployRunnerProject: runner.projectName } : {}),
    clusterName: cluster.clusterName,
    clusterEndpoint: cluster.endpoint,
    kubeconfig: cluster.kubeconfig,
    oidcIssuer: cluster.oidcIssuer,
    systemNodeRoleArn: cluster.systemNodeRoleArn,
    karpenterNodeRoleArn: cluster.karpenterNodeRoleArn,
  };
}
