import { Cluster } from "../components/cluster/cluster";
import { Data } from "../components/data/data";
import { EdgeCommonArgs, PrimaryEdge, StandbyEdge } from "../components/edge/edge";
import { Identity } from "../components/edge/identity";
import { Mesh } from "../components/mesh/mesh";
import { Network } from "../components/network/network";
import * as pulumi from "@pulumi/pulumi";
import { storefrontReplicaBucketName } from "../components/data/buckets";
import { PrimaryConfig, StackConfig, StandbyConfig, isServing } from "./config";
import { StackContext } from "./context";
import { shopServices } from "./services";

/**
 * Who signs the shoppers' tokens and how both regions check them: the primary's Cognito pool, or
 * an external multi-region OpenID Connect provider (`ecommerce:identity`). `jwks` is the inline
 * public key set ("" when none): Istio validates with it and fetches nothing.
 */
export interface ShopIdentity {
  issuer: pulumi.Input<string>;
  audience: pulumi.Input<string>;
  /** Where keys are fetched when there is no inline set ("" for an external provider). */
  jwksUri: pulumi.Input<string>;
  jwks: string;
}

/** The shoppers' identity: created (Cognito) or configured (OIDC) by the primary, read by the standby. */
export function buildIdentity(cfg: PrimaryConfig, ctx: StackContext, domain: string): ShopIdentity {
  const id = cfg.identity;
  if (id.provider === "oidc") {
    return { issuer: id.issuer, audience: id.audience, jwksUri: "", jwks: id.jwks };
  }
  const pool = new Identity("identity", {
    region: cfg.region,
    namePrefix: ctx.namePrefix,
    domain,
    protect: cfg.protect,
  });
  return {
    issuer: pool.issuer,
    audience: pool.clientId,
    jwksUri: pool.jwksUri,
    jwks: id.jwks ?? "",
  };
}

/**
 * Primary: the name of the storefront's `web` replica in each replica region. The primary names
 * them, so its distribution can list the first as the origin group's secondary before any standby
 * exists; each standby creates its replica under its region's name (read through the
 * StackReference) and admits the distribution in that bucket's policy.
 */
export function storefrontReplicaBuckets(
  cfg: PrimaryConfig,
  ctx: StackContext,
): pulumi.Output<Record<string, string>> {
  return ctx.accountId.apply((account) =>
    Object.fromEntries(
      cfg.dr.replicaRegions.map((region) => [
        region,
        storefrontReplicaBucketName(ctx.namePrefix, region, account),
      ]),
    ),
  );
}

/** What the stack resolves for its edge: the shop's domain and the identity provider's JWT. */
export interface EdgeInputs {
  domain: string;
  jwt: { issuer: pulumi.Input<string>; audience: pulumi.Input<string> };
}

/** The regional entry's args, the same in both roles. */
function commonEdgeArgs(
  cfg: StackConfig,
  ctx: StackContext,
  network: Network,
  cluster: Cluster,
  data: Data,
  mesh: Mesh,
  e: EdgeInputs,
): EdgeCommonArgs {
  const specs = shopServices(cfg);
  return {
    region: cfg.region,
    accountId: ctx.accountId,
    namePrefix: ctx.namePrefix,
    protect: cfg.protect,
    domain: e.domain,
    vpcId: network.vpcId,
    privateSubnetIds: network.privateSubnetIds,
    workloadSecurityGroupId: network.workloadSecurityGroupId,
    provider: cluster.provider,
    gateway: mesh.targetGroupBinding,
    dependsOn: [mesh, ...cluster.ready],
    logsKeyArn: data.keyArns.apply((k) => k.logs),
    logRetentionDays: cfg.observability.logRetentionDays,
    jwt: e.jwt,
    routes: specs.map((s) => ({ pathPrefix: s.pathPrefix, requiresJwt: s.requiresJwt })),
    throttling: cfg.edge.throttling,
  };
}

/** The primary's regional and global entry: zone, health check, CloudFront, the accelerator. */
export function buildPrimaryEdge(
  cfg: PrimaryConfig,
  ctx: StackContext,
  network: Network,
  cluster: Cluster,
  data: Data,
  mesh: Mesh,
  e: EdgeInputs & {
    /** The storefront replicas' names by region (storefrontReplicaBuckets). */
    storefrontReplicaBuckets: pulumi.Output<Record<string, string>>;
  },
): PrimaryEdge {
  return new PrimaryEdge("edge", {
    ...commonEdgeArgs(cfg, ctx, network, cluster, data, mesh, e),
    role: "primary",
    zoneId: cfg.edge.zoneId,
    healthCheck: cfg.edge.healthCheck,
    drill: cfg.dr.drill,
    web: {
      bucketName: data.buckets.apply((b) => b.web.name),
      regionalDomainName: data.buckets.apply((b) => `${b.web.name}.s3.${cfg.region}.amazonaws.com`),
      // The origin group's secondary: the replica in the first replica region.
      replicaRegionalDomainName: storefrontReplicaDomain(cfg, e.storefrontReplicaBuckets),
    },
    globalAccelerator: cfg.edge.globalAccelerator,
  });
}

/** The standby's regional entry in the primary's zone; its accelerator dial follows its mode. */
export function buildStandbyEdge(
  cfg: StandbyConfig,
  ctx: StackContext,
  network: Network,
  cluster: Cluster,
  data: Data,
  mesh: Mesh,
  e: EdgeInputs & {
    /** The primary's hosted zone. */
    zoneId: pulumi.Input<string>;
    /** The primary's accelerator listener to join; undefined without an accelerator here. */
    acceleratorListenerArn?: string;
  },
): StandbyEdge {
  return new StandbyEdge("edge", {
    ...commonEdgeArgs(cfg, ctx, network, cluster, data, mesh, e),
    role: "standby",
    zoneId: e.zoneId,
    trafficDial: isServing(cfg) ? 100 : 0,
    acceleratorListenerArn: e.acceleratorListenerArn,
  });
}

/** The first replica region's storefront bucket, as an S3 origin's regional domain name. */
function storefrontReplicaDomain(
  cfg: PrimaryConfig,
  replicaBuckets: pulumi.Output<Record<string, string>>,
): pulumi.Output<string> | undefined {
  const [region] = cfg.dr.replicaRegions;
  if (region === undefined) return undefined;
  return replicaBuckets.apply((b) => `${b[region]}.s3.${region}.amazonaws.com`);
}
