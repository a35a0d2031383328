import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "../components/cluster/cluster";
import { NAMESPACES } from "../components/cluster/platform";
import { Data } from "../components/data/data";
import { Mesh } from "../components/mesh/mesh";
import { Network } from "../components/network/network";
import { CATALOG, applyOverrides } from "../services/catalog";
import { Services } from "../services/index";
import { StackConfig } from "./config";
import { StackContext } from "./context";

/** The posture both the cluster and the services size themselves by. */
export const postureOf = (cfg: StackConfig) => (cfg.role === "primary" ? "active" : cfg.dr.mode);

/** Where the shop is reached and who issues its tokens (from the edge's identity, or config). */
export interface ShopEntry {
  hosts: string[];
  jwt: { issuer: pulumi.Input<string>; jwksUri: pulumi.Input<string> };
}

/** The gateway's hosts: configured, or the failover and regional API names. */
export function gatewayHosts(cfg: StackConfig, domain: string): string[] {
  return cfg.mesh.hosts ?? [`api.${domain}`, `api-${cfg.region}.${domain}`];
}

/** Istio on the cluster: two control-plane and gateway replicas whenever the stack serves traffic. */
export function buildMesh(
  cfg: StackConfig,
  network: Network,
  cluster: Cluster,
  entry: ShopEntry,
): Mesh {
  const specs = applyOverrides(CATALOG, cfg.services);
  return new Mesh("mesh", {
    provider: cluster.provider,
    region: cfg.region,
    vpcCidr: network.cidr,
    dependsOn: [cluster.namespaces.mesh, cluster.namespaces.shop, ...cluster.ready],
    tracing: cfg.mesh.tracing,
    hosts: entry.hosts,
    healthPath: cfg.edge.healthCheck.path,
    protectedPaths: specs.filter((s) => s.requiresJwt).map((s) => s.pathPrefix),
    jwt: cfg.mesh.jwt ?? entry.jwt,
    replicas: postureOf(cfg) === "standby" ? 1 : 2,
  });
}

/** The catalog with this stack's overrides, bound to this region's data layer. */
export function buildServices(
  cfg: StackConfig,
  ctx: StackContext,
  cluster: Cluster,
  data: Data,
  mesh: Mesh,
  hosts: string[],
): Services {
  const dataResources = pulumi
    .all([
      ctx.accountId,
      data.auroraClusterResourceId,
      data.cacheSecretArn,
      data.tableArns,
      data.queueArns,
      data.buckets,
      data.keyArns,
    ])
    .apply(
      ([
        accountId,
        auroraClusterResourceId,
        cacheSecretArn,
        tableArns,
        queueArns,
        buckets,
        keyArns,
      ]) => ({
        region: cfg.region,
        accountId,
        auroraClusterResourceId,
        cacheSecretArn,
        tableArns,
        queueArns: { "order-events": queueArns.orderEvents },
        bucketArns: { assets: buckets.assets.arn, web: buckets.web.arn },
        keyArns,
      }),
    );
  const endpoints = pulumi
    .all([
      data.auroraEndpoint,
      data.auroraReaderEndpoint,
      data.cacheEndpoint,
      data.cacheSecretArn,
      data.tableNames,
      data.queueUrls,
      data.buckets,
    ])
    .apply(
      ([
        auroraEndpoint,
        auroraReaderEndpoint,
        cacheEndpoint,
        cacheSecretArn,
        tableNames,
        queueUrls,
        buckets,
      ]) => ({
        auroraEndpoint,
        auroraReaderEndpoint,
        cacheEndpoint,
        cacheSecretArn,
        tableNames,
        queueUrls: { "order-events": queueUrls.orderEvents },
        bucketNames: { assets: buckets.assets.name, web: buckets.web.name },
      }),
    );
  return new Services("services", {
    specs: applyOverrides(CATALOG, cfg.services),
    posture: postureOf(cfg),
    namespace: NAMESPACES.shop.name,
    provider: cluster.provider,
    clusterName: ctx.clusterName,
    region: cfg.region,
    accountId: ctx.accountId,
    data: dataResources,
    endpoints,
    gatewayRef: mesh.gatewayRef,
    gatewayHosts: hosts,
    gatewayPrincipal: mesh.gatewayPrincipal,
    dependsOn: [mesh, cluster.namespaces.shop],
    registry:
      cfg.role === "primary"
        ? { kmsKeyArn: data.keyArns.apply((k) => k.storage), replicaRegions: cfg.dr.replicaRegions }
        : undefined,
  });
}
