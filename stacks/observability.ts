import { Cluster } from "../components/cluster/cluster";
import { NAMESPACES, STORAGE_CLASS } from "../components/cluster/platform";
import { Data } from "../components/data/data";
import { Edge } from "../components/edge/edge";
import { Observability } from "../components/observability/observability";
import * as pulumi from "@pulumi/pulumi";
import { APP_CONTAINER, SERVICE_NAMES } from "../services/catalog";
import { BOOTSTRAP_NAMESPACE } from "../services/databaseBootstrap";
import { StackConfig, isServing } from "./config";
import { StackContext } from "./context";

/** How this region relates to the others, for replication alarms and the DR dashboard. */
export interface RegionLinks {
  /** Every region of the shop, the primary's first. */
  regions: string[];
  /** The primary's Route 53 health check of the API. */
  healthCheckId: pulumi.Input<string>;
}

/** Metrics, traces, logs and alarms of this region. */
export function buildObservability(
  cfg: StackConfig,
  ctx: StackContext,
  cluster: Cluster,
  data: Data,
  edge: Edge,
  links: RegionLinks,
): Observability {
  const o = cfg.observability;
  // The Aurora cluster is a secondary of the global database until the Region switch plan makes
  // it the writer (drill: switchover; failover: failover); then it reports no replication lag.
  const secondary = cfg.role === "standby" && cfg.dr.mode === "standby";
  return new Observability("observability", {
    region: cfg.region,
    accountId: ctx.accountId,
    namePrefix: ctx.namePrefix,
    clusterName: ctx.clusterName,
    provider: cluster.provider,
    dependsOn: [cluster.namespaces.observability, ...cluster.ready],
    namespace: NAMESPACES.observability.name,
    // Karpenter and the AWS add-ons run in kube-system; the primary's database bootstrap Job, which
    // every database-bound service waits for, in a namespace of its own (fluent-bit creates no
    // groups, so a namespace without one loses its logs).
    logNamespaces: [
      "kube-system",
      NAMESPACES.mesh.name,
      NAMESPACES.shop.name,
      NAMESPACES.observability.name,
      ...(cfg.role === "primary" ? [BOOTSTRAP_NAMESPACE] : []),
    ],
    shop: {
      namespace: NAMESPACES.shop.name,
      services: [...SERVICE_NAMES],
      container: APP_CONTAINER,
    },
    storageClass: STORAGE_CLASS,
    replicas: isServing(cfg) ? 2 : 1,
    tracing: cfg.mesh.tracing,
    logRetentionDays: o.logRetentionDays,
    prometheus: o.prometheus,
    thresholds: o.alarms,
    alertEmail: o.alertEmail,
    logsKeyArn: data.keyArns.apply((k) => k.logs),
    messagingKeyArn: data.keyArns.apply((k) => k.messaging),
    alarms: {
      albArnSuffix: edge.albArnSuffix,
      apiId: edge.apiId,
      auroraSecondaryClusterId: secondary ? data.auroraClusterIdentifier : undefined,
      tableNames: data.tableNames,
      replicaRegions: links.regions.filter((r) => r !== cfg.region),
      cacheNodeIds: data.cacheNodeIds,
      deadLetterQueueName: data.queueNames.apply((q) => q.orderEventsDlq),
      // The health check belongs to the primary; its stack alarms on it.
      healthCheckId: cfg.role === "primary" ? links.healthCheckId : undefined,
    },
    dr: { regions: links.regions, tableNames: data.tableNames, healthCheckId: links.healthCheckId },
    protect: cfg.protect,
  });
}
