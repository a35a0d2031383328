import { Cluster } from "../components/cluster/cluster";
import { Data } from "../components/data/data";
import { Edge } from "../components/edge/edge";
import { Identity } from "../components/edge/identity";
import { Mesh } from "../components/mesh/mesh";
import { Network } from "../components/network/network";
import * as pulumi from "@pulumi/pulumi";
import { StackConfig, isServing } from "./config";
import { StackContext } from "./context";
import { shopServices } from "./services";

/** The shoppers' identity provider: created by the primary, read by the standby. */
export function buildIdentity(cfg: StackConfig, ctx: StackContext, domain: string): Identity {
  return new Identity("identity", {
    region: cfg.region,
    namePrefix: ctx.namePrefix,
    domain,
    protect: cfg.protect,
  });
}

export interface EdgeInputs {
  domain: string;
  zoneId?: pulumi.Input<string>;
  jwt: { issuer: pulumi.Input<string>; audience: pulumi.Input<string> };
  acceleratorListenerArn?: pulumi.Input<string>;
}

/** The regional entry and, in the primary, the global one; the standby's dial follows its mode. */
export function buildEdge(
  cfg: StackConfig,
  ctx: StackContext,
  network: Network,
  cluster: Cluster,
  data: Data,
  mesh: Mesh,
  e: EdgeInputs,
): Edge {
  const specs = shopServices(cfg);
  return new Edge("edge", {
    role: cfg.role,
    trafficDial: isServing(cfg) ? 100 : 0,
    region: cfg.region,
    accountId: ctx.accountId,
    namePrefix: ctx.namePrefix,
    protect: cfg.protect,
    domain: e.domain,
    zoneId: e.zoneId,
    healthCheck: cfg.edge.healthCheck,
    recordTtlSeconds: cfg.edge.recordTtlSeconds,
    drill: cfg.role === "primary" && cfg.dr.drill,
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
    web:
      cfg.role === "primary"
        ? {
            bucketName: data.buckets.apply((b) => b.web.name),
            regionalDomainName: data.buckets.apply(
              (b) => `${b.web.name}.s3.${cfg.region}.amazonaws.com`,
            ),
          }
        : undefined,
    globalAccelerator: cfg.edge.globalAccelerator
      ? { listenerArn: cfg.role === "standby" ? requireListener(e) : e.acceleratorListenerArn }
      : undefined,
  });
}

/**
 * The primary's accelerator listener, which the standby's endpoint group joins. The primary
 * exports "" when it has no accelerator; failing here names the key to change instead of
 * letting AWS reject an endpoint group with an empty listener.
 */
function requireListener(e: EdgeInputs): pulumi.Output<string> {
  return pulumi.output(e.acceleratorListenerArn ?? "").apply((arn) => {
    if (!arn) {
      throw new Error(
        "ecommerce:edge.globalAccelerator is true on the standby, but the primary exports no accelerator listener; set ecommerce:edge.globalAccelerator: true on the primary stack first (or false here)",
      );
    }
    return arn;
  });
}
