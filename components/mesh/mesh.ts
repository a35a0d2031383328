import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  GATEWAY_HTTP_PORT,
  GATEWAY_NAME,
  ISTIO,
  MESH_NAMESPACE,
  awsApiHosts,
  gatewayValues,
  istiodValues,
} from "./values";
import { pinnedRelease } from "../shared/helm";

/**
 * The JWT issuer and its keys: inline (`jwks`, nothing fetched: an istiod that starts while the
 * issuer's region is down still validates) or by URL (`jwksUri`). Istio's JWTRule takes one of
 * the two (istio.io, "RequestAuthentication": "only one of jwksUri and jwks should be used").
 */
export interface MeshJwt {
  /** The issuer (`iss`) tokens must carry. */
  issuer: pulumi.Input<string>;
  /** The issuer's signing keys: a JWKS document inline, or its URL. */
  keys: { jwks: pulumi.Input<string> } | { jwksUri: pulumi.Input<string> };
}

export interface MeshArgs {
  /** The cluster's Kubernetes provider. */
  provider: k8s.Provider;
  /** The stack's region: ServiceEntries admit this region's AWS API hosts only. */
  region: string;
  /** The VPC's CIDR: a ServiceEntry admits the data stores' private addresses in it. */
  vpcCidr: pulumi.Input<string>;
  /** Resources the mesh waits for (the namespaces, the nodes, the CNI). */
  dependsOn: pulumi.Resource[];
  /** OpenTelemetry collector (OTLP gRPC) that receives the mesh's traces. */
  tracing: { service: string; port: number };
  /** Hosts the shop's Istio Gateway serves. */
  hosts: string[];
  /** The path Route 53's health check requests through the edge; the gateway answers it. */
  healthPath: string;
  /** Path prefixes that require a verified JWT. */
  protectedPaths: string[];
  /** The JWT issuer and its keys. Default unset: protected paths stay closed. */
  jwt?: MeshJwt;
  /** istiod and minimum gateway replicas (2 keep the mesh up through a node loss). */
  replicas: number;
  /** The gateway autoscaler's ceiling: production size in every posture. */
  gatewayMaxReplicas: number;
}

/**
 * Istio from the upstream charts, in order base → cni → istiod → gateway; mesh-wide STRICT mTLS,
 * REGISTRY_ONLY egress with ServiceEntries for the AWS endpoints, tracing to the collector, the
 * shop's Gateway, and JWT authentication at the edge of the mesh.
 */
export class Mesh extends pulumi.ComponentResource {
  /** Gateway name as `namespace/name`, for VirtualServices. */
  public readonly gatewayRef: string;
  /** The gateway's mesh identity, for AuthorizationPolicies that admit it. */
  public readonly gatewayPrincipal: string;
  /** What the edge's TargetGroupBinding needs: the gateway Service, its port and namespace. */
  public readonly targetGroupBinding: {
    serviceName: string;
    servicePort: number;
    namespace: string;
  };

  constructor(name: string, args: MeshArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:mesh:Mesh", name, {}, opts);
    const k8sOpts = { parent: this, provider: args.provider };
    const release = (
      id: string,
      chart: string,
      namespace: string,
      values: pulumi.Inputs,
      dependsOn: pulumi.Resource[],
    ) =>
      pinnedRelease(
        `${name}-${id}`,
        { name: id === "gateway" ? GATEWAY_NAME : `istio-${id}`, namespace, values },
        { chart, ...ISTIO },
        { ...k8sOpts, dependsOn },
      );

    const base = release(
      "base",
      "base",
      MESH_NAMESPACE,
      { defaultRevision: "default" },
      args.dependsOn,
    );
    // The CNI node agent needs host access: it lives in kube-system, outside the baseline namespace.
    const cni = release(
      "cni",
      "cni",
      "kube-system",
      // The chart's defaults already leave kube-system alone.
      {},
      [base],
    );
    const istiod = release(
      "istiod",
      "istiod",
      MESH_NAMESPACE,
      istiodValues(args.tracing, args.replicas),
      [base, cni],
    );
    const gateway = release("gateway", "gateway", MESH_NAMESPACE, gatewayValues(), [istiod]);

    const afterControlPlane = { ...k8sOpts, dependsOn: [istiod] };
    const crd = (
      id: string,
      apiVersion: string,
      kind: string,
      spec: pulumi.Inputs,
      namespace = MESH_NAMESPACE,
      extraDeps: pulumi.Resource[] = [],
    ) =>
      new k8s.apiextensions.CustomResource(
        `${name}-${id}`,
        { apiVersion, kind, metadata: { name: id, namespace }, spec },
        { ...afterControlPlane, dependsOn: [istiod, ...extraDeps] },
      );

    // Mesh-wide: every workload accepts only mutual TLS.
    crd("default", "security.istio.io/v1", "PeerAuthentication", { mtls: { mode: "STRICT" } });
    crd("mesh-default", "telemetry.istio.io/v1", "Telemetry", {
      tracing: [{ providers: [{ name: "otel" }], randomSamplingPercentage: 10 }],
      accessLogging: [{ providers: [{ name: "envoy" }] }],
    });
    crd("aws-apis", "networking.istio.io/v1", "ServiceEntry", {
      hosts: awsApiHosts(args.region),
      location: "MESH_EXTERNAL",
      resolution: "NONE",
      ports: [{ number: 443, name: "tls", protocol: "TLS" }],
      exportTo: ["*"],
    });
    // Aurora and Valkey sit in the data subnets; they are reached by address, not by host name.
    crd("data-stores", "networking.istio.io/v1", "ServiceEntry", {
      hosts: ["data-stores.vpc.internal"],
      addresses: [args.vpcCidr],
      location: "MESH_EXTERNAL",
      resolution: "NONE",
      ports: [
        { number: 5432, name: "tcp-postgres", protocol: "TCP" },
        { number: 6379, name: "tcp-valkey", protocol: "TCP" },
      ],
      exportTo: ["*"],
    });

    const gatewaySelector = { istio: "ingressgateway" };
    crd(
      "shop-gateway",
      "networking.istio.io/v1",
      "Gateway",
      {
        selector: gatewaySelector,
        servers: [
          {
            port: { number: GATEWAY_HTTP_PORT, name: "http", protocol: "HTTP" },
            hosts: args.hosts,
          },
        ],
      },
      MESH_NAMESPACE,
      [gateway],
    );
    // Route 53's failover check requests this path through API Gateway, the VPC link and the
    // ALB; the gateway answers it itself, so a 200 proves that whole path and a ready gateway.
    // Without it no route matches, Istio answers 404, and the primary is never healthy.
    crd(
      "edge-health",
      "networking.istio.io/v1",
      "VirtualService",
      {
        hosts: args.hosts,
        gateways: [`${MESH_NAMESPACE}/shop-gateway`],
        http: [
          {
            name: "health",
            match: [{ uri: { exact: args.healthPath } }],
            directResponse: { status: 200, body: { string: "ok" } },
          },
        ],
      },
      MESH_NAMESPACE,
      [gateway],
    );
    if (args.jwt) {
      crd(
        "jwt",
        "security.istio.io/v1",
        "RequestAuthentication",
        {
          selector: { matchLabels: gatewaySelector },
          jwtRules: [{ issuer: args.jwt.issuer, ...args.jwt.keys, forwardOriginalToken: true }],
        },
        MESH_NAMESPACE,
        [gateway],
      );
    }
    // Deny requests without a verified principal on protected paths. With no issuer configured
    // no request carries a principal, so protected paths stay closed rather than open.
    crd(
      "require-jwt",
      "security.istio.io/v1",
      "AuthorizationPolicy",
      {
        selector: { matchLabels: gatewaySelector },
        action: "DENY",
        rules: [
          {
            from: [{ source: { notRequestPrincipals: ["*"] } }],
            to: [{ operation: { paths: args.protectedPaths.flatMap((p) => [p, `${p}/*`]) } }],
          },
        ],
      },
      MESH_NAMESPACE,
      [gateway],
    );

    // Our own HPA and PDB (not the chart's), so the policy pack and the tests see them.
    new k8s.autoscaling.v2.HorizontalPodAutoscaler(
      `${name}-gateway`,
      {
        metadata: { name: GATEWAY_NAME, namespace: MESH_NAMESPACE },
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: GATEWAY_NAME },
          minReplicas: args.replicas,
          maxReplicas: args.gatewayMaxReplicas,
          metrics: [
            {
              type: "Resource",
              resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
            },
          ],
        },
      },
      { ...k8sOpts, dependsOn: [gateway] },
    );
    new k8s.policy.v1.PodDisruptionBudget(
      `${name}-gateway`,
      {
        metadata: { name: GATEWAY_NAME, namespace: MESH_NAMESPACE },
        spec: { maxUnavailable: 1, selector: { matchLabels: gatewaySelector } },
      },
      { ...k8sOpts, dependsOn: [gateway] },
    );

    this.gatewayRef = `${MESH_NAMESPACE}/shop-gateway`;
    this.gatewayPrincipal = `cluster.local/ns/${MESH_NAMESPACE}/sa/${GATEWAY_NAME}`;
    this.targetGroupBinding = {
      serviceName: GATEWAY_NAME,
      servicePort: GATEWAY_HTTP_PORT,
      namespace: MESH_NAMESPACE,
    };
    this.registerOutputs({
      gatewayRef: this.gatewayRef,
      gatewayPrincipal: this.gatewayPrincipal,
      targetGroupBinding: this.targetGroupBinding,
    });
  }
}
