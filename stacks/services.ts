import * as pulumi from "@pulumi/pulumi";
import { Cluster } from "../components/cluster/cluster";
import { NAMESPACES } from "../components/cluster/platform";
import { MASTER_USER } from "../components/data/aurora";
import { Data } from "../components/data/data";
import { Mesh, MeshJwt } from "../components/mesh/mesh";
import { Network } from "../components/network/network";
import { CATALOG, applyOverrides } from "../services/catalog";
import { Services } from "../services/index";
import { StackConfig, isServing, postureOf } from "./config";
import { StackContext } from "./context";

/** Where the shop is reached and who issues its tokens (from the edge's identity, or config). */
export interface ShopEntry {
  hosts: string[];
  /** `jwks` inline ("" for none) wins over `jwksUri`. */
  jwt: { issuer: pulumi.Input<string>; jwksUri: pulumi.Input<string>; jwks: string };
}

/** The catalog with this stack's overrides (`ecommerce:services`). */
export function shopServices(cfg: StackConfig) {
  return applyOverrides(CATALOG, cfg.services);
}

/** The gateway's hosts: configured, or the failover and regional API names. */
export function gatewayHosts(cfg: StackConfig, domain: string): string[] {
  return cfg.mesh.hosts ?? [`api.${domain}`, `api-${cfg.region}.${domain}`];
}

const SERVING_MESH_REPLICAS = 2;

/** Istio on the cluster: two control-plane and gateway replicas whenever the stack serves traffic. */
export function buildMesh(
  cfg: StackConfig,
  network: Network,
  cluster: Cluster,
  entry: ShopEntry,
): Mesh {
  const specs = shopServices(cfg);
  return new Mesh("mesh", {
    provider: cluster.provider,
    region: cfg.region,
    vpcCidr: network.cidr,
    dependsOn: [cluster.namespaces.mesh, cluster.namespaces.shop, ...cluster.ready],
    tracing: cfg.mesh.tracing,
    hosts: entry.hosts,
    healthPath: cfg.edge.healthCheck.path,
    protectedPaths: specs.filter((s) => s.requiresJwt).map((s) => s.pathPrefix),
    jwt: meshJwt(cfg, entry),
    replicas: isServing(cfg) ? SERVING_MESH_REPLICAS : 1,
    // The serving ceiling in every mode: a resting standby's gateway grows on load alone.
    gatewayMaxReplicas: SERVING_MESH_REPLICAS * 5,
  });
}

/**
 * The mesh's token check: `ecommerce:mesh.jwtIssuer`/`jwksUri` override the identity's; otherwise
 * the identity's issuer with its inline key set when there is one (Istio: only one of jwks and
 * jwksUri per rule), else its key URL.
 */
export function meshJwt(cfg: StackConfig, entry: ShopEntry): MeshJwt {
  if (cfg.mesh.jwt) return { issuer: cfg.mesh.jwt.issuer, keys: { jwksUri: cfg.mesh.jwt.jwksUri } };
  const { issuer, jwks, jwksUri } = entry.jwt;
  return { issuer, keys: jwks !== "" ? { jwks } : { jwksUri } };
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
  // pulumi.output unwraps an object of outputs key by key, so each value keeps its name.
  const dataResources = pulumi
    .output({
      accountId: ctx.accountId,
      auroraClusterResourceId: data.auroraClusterResourceId,
      cacheArn: data.cacheArn,
      cacheUsers: data.cacheUsers,
      tableArns: data.tableArns,
      queueArns: data.queueArns,
      buckets: data.buckets,
      keyArns: data.keyArns,
    })
    .apply(({ queueArns, buckets, cacheUsers, ...rest }) => ({
      ...rest,
      region: cfg.region,
      cacheUserArns: Object.fromEntries(Object.entries(cacheUsers).map(([s, u]) => [s, u.arn])),
      queueArns: { "order-events": queueArns.orderEvents },
      bucketArns: { assets: buckets.assets.arn, web: buckets.web.arn },
    }));
  const endpoints = pulumi
    .output({
      // Per DR mode (components/data/endpoints.ts): writes through the global writer endpoint,
      // or, in a drill, forwarded through this cluster's reader; reads from this region's reader.
      auroraEndpoint: data.dbHost,
      auroraReaderEndpoint: data.dbReaderHost,
      cacheEndpoint: data.cacheEndpoint,
      cacheName: data.cacheName,
      cacheUsers: data.cacheUsers,
      tableNames: data.tableNames,
      queueUrls: data.queueUrls,
      buckets: data.buckets,
    })
    .apply(({ queueUrls, buckets, cacheUsers, ...rest }) => ({
      ...rest,
      cacheUsers: Object.fromEntries(Object.entries(cacheUsers).map(([s, u]) => [s, u.id])),
      queueUrls: { "order-events": queueUrls.orderEvents },
      bucketNames: { assets: buckets.assets.name, web: buckets.web.name },
    }));
  return new Services("services", {
    specs: shopServices(cfg),
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
    // The standby's database is the global database's replica: roles and databases arrive there.
    bootstrap:
      cfg.role === "primary"
        ? {
            auroraEndpoint: data.auroraEndpoint,
            masterUser: MASTER_USER,
            masterSecretArn: data.dbSecretArn,
            secretsKeyArn: data.keyArns.apply((k) => k.secrets),
            vpcCidr: cfg.network.cidr,
            dependsOn: [...cluster.ready, ...data.auroraWriterReady],
          }
        : undefined,
  });
}
