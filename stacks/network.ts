import { Network } from "../components/network/network";
import { StackConfig } from "./config";
import { StackContext } from "./context";

/** The network both roles build the same way; only sizes and NAT mode differ by config. */
export function buildNetwork(cfg: StackConfig, ctx: StackContext): Network {
  return new Network("network", {
    region: cfg.region,
    accountId: ctx.accountId,
    cidr: cfg.network.cidr,
    availabilityZones: cfg.network.availabilityZones,
    natGateways: cfg.network.natGateways,
    clusterName: ctx.clusterName,
    namePrefix: ctx.namePrefix,
    flowLogRetentionDays: cfg.network.flowLogRetentionDays,
    protect: cfg.protect,
  });
}

/** The network outputs every stack exports (operators and later components use them). */
export function networkOutputs(network: Network) {
  return {
    vpcId: network.vpcId,
    vpcCidr: network.cidr,
    publicSubnetIds: network.publicSubnetIds,
    privateSubnetIds: network.privateSubnetIds,
    dataSubnetIds: network.dataSubnetIds,
    privateRouteTableIds: network.privateRouteTableIds,
    dataRouteTableId: network.dataRouteTableId,
    workloadSecurityGroupId: network.workloadSecurityGroupId,
  };
}
