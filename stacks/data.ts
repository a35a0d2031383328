import * as pulumi from "@pulumi/pulumi";
import { Data, PrimaryDataArgs, StandbyDataArgs } from "../components/data/data";
import { Network } from "../components/network/network";
import { StackConfig } from "./config";
import { StackContext } from "./context";
import { shopServices } from "./services";

/**
 * The role's own fields: the primary's `active` posture and its secrets' replica Regions, or the
 * standby's DR mode and the primary's stores (read through the StackReference).
 */
export type DataRole =
  | Pick<PrimaryDataArgs, "posture" | "secretReplicaRegions">
  | Pick<StandbyDataArgs, "posture" | "primary">;

/** The data layer: what both roles share from the config, plus the role's own fields. */
export function buildData(
  cfg: StackConfig,
  ctx: StackContext,
  network: Network,
  role: DataRole,
  webDistributionArn?: pulumi.Input<string>,
): Data {
  return new Data("data", {
    region: cfg.region,
    accountId: ctx.accountId,
    namePrefix: ctx.namePrefix,
    protect: cfg.protect,
    vpcId: network.vpcId,
    dataSubnetIds: network.dataSubnetIds,
    availabilityZones: cfg.network.availabilityZones,
    workloadSecurityGroupId: network.workloadSecurityGroupId,
    aurora: cfg.data.aurora,
    cache: cfg.data.cache,
    cacheServices: shopServices(cfg)
      .filter((s) => s.bindings.includes("redis"))
      .map((s) => s.name),
    queues: cfg.data.queues,
    webDistributionArn,
    ...role,
  });
}

/** What both stacks export for the services (and operators) to bind to. Secrets only by ARN. */
export function dataOutputs(data: Data) {
  return {
    auroraEndpoint: data.auroraEndpoint,
    auroraReaderEndpoint: data.auroraReaderEndpoint,
    // What this stack's services write to and read from in its current mode.
    dbHost: data.dbHost,
    dbReaderHost: data.dbReaderHost,
    dbSecretArn: data.dbSecretArn,
    cacheEndpoint: data.cacheEndpoint,
    // The disabled Valkey default user's password (break-glass); services use IAM auth.
    cacheSecretArn: data.cacheSecretArn,
    tableNames: data.tableNames,
    queueUrls: data.queueUrls,
    bucketNames: data.buckets.apply((b) => ({
      assets: b.assets.name,
      web: b.web.name,
      logs: b.logs.name,
    })),
  };
}
