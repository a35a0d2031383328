import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { podIdentityRole } from "../components/cluster/podIdentity";
import { DataPosture } from "../components/data/posture";
import {
  APP_CONTAINER,
  ServiceContract,
  ServiceSpec,
  maxReplicasFor,
  replicasFor,
} from "./catalog";
import { migrationJob } from "./migration";
import { DataResources, servicePolicy } from "./permissions";
import {
  CONTAINER_SECURITY,
  POD_SECURITY,
  ServiceEndpoints,
  Upstream,
  containerPorts,
  environment,
  ingressPolicy,
  probes,
  scrapeAnnotations,
} from "./workload";

export interface MicroserviceArgs {
  /** The service's catalog entry: image, ports, path prefix, data bindings, sizing. */
  spec: ServiceSpec;
  /** The region's posture: a resting standby runs one replica, a serving region three. */
  posture: DataPosture;
  /** The shop's namespace, where the service's objects live. */
  namespace: string;
  /** The cluster's Kubernetes provider. */
  provider: k8s.Provider;
  /** The EKS cluster of the service's Pod Identity association. */
  clusterName: string;
  /** The stack's region (the AWS region in the service's environment). */
  region: string;
  /** Account in the service role's trust policy (Pod Identity). */
  accountId: pulumi.Input<string>;
  /** The data layer's ARNs (for the Pod Identity policy) and endpoints (for the environment). */
  data: pulumi.Input<DataResources>;
  /** Where the service's stores answer (Aurora, Valkey, queues, tables), for its environment. */
  endpoints: pulumi.Input<ServiceEndpoints>;
  /** The services this one may call, with their URLs (UPSTREAM_<NAME>_URL). */
  calls: Upstream[];
  /** `namespace/name` of the shop's Istio Gateway, and the hosts it serves. */
  gatewayRef: string;
  /** Hosts the gateway serves, for the service's VirtualService. */
  gatewayHosts: string[];
  /** The gateway's mesh identity (always allowed to call). */
  gatewayPrincipal: string;
  /** What the service's objects wait for (the mesh, the namespace, the cluster). */
  dependsOn: pulumi.Resource[];
  /**
   * What must have finished before the service's pods (and its migration) run: in the primary,
   * the Aurora bootstrap Job for an Aurora-bound service. Default none.
   */
  dataReady?: pulumi.Resource[];
  /**
   * Run `spec.migration` (primary only: the standby's database is a read-only replica). Default
   * false.
   */
  migrate?: boolean;
}

type TrackName = "stable" | "canary" | "mirror";
interface Track {
  track: TrackName;
  image: string;
  contract: ServiceContract;
  replicas: number;
}

/**
 * One of the shop's services on the mesh: ServiceAccount with a Pod Identity role derived from
 * its bindings, restricted Deployments (stable, plus canary or mirror tracks when configured),
 * Service, HPA, PDB, DestinationRule (circuit breaker), VirtualServices (edge and mesh) and an
 * AuthorizationPolicy that admits only the gateway and the declared callers.
 */
export class Microservice extends pulumi.ComponentResource {
  public readonly roleArn: pulumi.Output<string>;
  public readonly host: string;

  constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:services:Microservice", name, {}, opts);
    const { spec, namespace } = args;
    const svc = spec.name;
    const k8sOpts = { parent: this, provider: args.provider, dependsOn: args.dependsOn };
    const host = `${svc}.${namespace}.svc.cluster.local`;
    const replicas = replicasFor(spec, args.posture);

    const serviceAccount = new k8s.core.v1.ServiceAccount(
      name,
      { metadata: { name: svc, namespace, labels: { app: svc } } },
      k8sOpts,
    );
    const identity = podIdentityRole(
      `${name}-pod`,
      {
        clusterName: args.clusterName,
        accountId: args.accountId,
        namespace,
        serviceAccount: svc,
        policy: pulumi.output(args.data).apply((d) => servicePolicy(svc, spec.bindings, d)),
        description: `${svc} service`,
      },
      { parent: this, dependsOn: args.dependsOn },
    );

    const tracks: Track[] = [
      { track: "stable", image: spec.image, contract: spec.contract, replicas },
    ];
    if (spec.canary)
      tracks.push({
        track: "canary",
        image: spec.canary.image,
        contract: spec.canary.contract,
        replicas: Math.max(1, Math.ceil((replicas * spec.canary.weight) / 100)),
      });
    if (spec.mirror) {
      tracks.push({
        track: "mirror",
        image: spec.mirror.image,
        contract: spec.mirror.contract,
        replicas: 1,
      });
      // The shadow runs without AWS credentials: mirrored writes must not reach real data.
      new k8s.core.v1.ServiceAccount(
        `${name}-mirror`,
        { metadata: { name: `${svc}-mirror`, namespace, labels: { app: svc } } },
        k8sOpts,
      );
    }
    const podsNeed = [
      ...args.dependsOn,
      serviceAccount,
      ...(identity.association ? [identity.association] : []),
      ...(args.dataReady ?? []),
    ];
    // Schema migrations run once per change, as the service itself, before any of its pods roll.
    if (spec.migration && args.migrate) {
      podsNeed.push(
        new k8s.batch.v1.Job(
          `${name}-migrate`,
          migrationJob(spec, spec.migration, namespace, this.env(args, tracks[0])),
          { ...k8sOpts, dependsOn: podsNeed, customTimeouts: { create: "20m", update: "20m" } },
        ),
      );
    }
    for (const t of tracks) {
      new k8s.apps.v1.Deployment(
        t.track === "stable" ? name : `${name}-${t.track}`,
        this.deploymentSpec(args, t),
        { ...k8sOpts, dependsOn: podsNeed },
      );
    }
    new k8s.networking.v1.NetworkPolicy(
      name,
      {
        metadata: { name: svc, namespace, labels: { app: svc } },
        spec: ingressPolicy(
          spec,
          tracks.map((t) => t.contract),
        ),
      },
      k8sOpts,
    );

    new k8s.core.v1.Service(
      name,
      {
        metadata: { name: svc, namespace, labels: { app: svc } },
        spec: {
          type: "ClusterIP",
          selector: { app: svc },
          // Istio picks the protocol from the port name.
          // The Service listens on the stable track's ports; named target ports resolve per pod,
          // so a canary or mirror serving on its own port still receives its share.
          ports: [
            { name: "http", port: spec.contract.port, targetPort: "http" },
            { name: "http-metrics", port: spec.contract.metricsPort, targetPort: "http-metrics" },
          ],
        },
      },
      k8sOpts,
    );
    new k8s.autoscaling.v2.HorizontalPodAutoscaler(
      name,
      {
        metadata: { name: svc, namespace },
        spec: {
          scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: svc },
          minReplicas: replicas,
          maxReplicas: maxReplicasFor(spec),
          metrics: [
            {
              type: "Resource",
              resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
            },
          ],
        },
      },
      k8sOpts,
    );
    new k8s.policy.v1.PodDisruptionBudget(
      name,
      {
        metadata: { name: svc, namespace },
        spec: { maxUnavailable: 1, selector: { matchLabels: { app: svc } } },
      },
      k8sOpts,
    );

    const cb = spec.circuitBreaker;
    new k8s.apiextensions.CustomResource(
      name,
      {
        apiVersion: "networking.istio.io/v1",
        kind: "DestinationRule",
        metadata: { name: svc, namespace },
        spec: {
          host,
          trafficPolicy: {
            tls: { mode: "ISTIO_MUTUAL" },
            connectionPool: {
              tcp: { maxConnections: cb.maxConnections },
              http: {
                http1MaxPendingRequests: cb.http1MaxPendingRequests,
                http2MaxRequests: cb.http2MaxRequests,
              },
            },
            outlierDetection: {
              consecutive5xxErrors: cb.consecutive5xxErrors,
              interval: cb.interval,
              baseEjectionTime: cb.baseEjectionTime,
              maxEjectionPercent: cb.maxEjectionPercent,
            },
          },
          subsets: tracks.map((t) => ({ name: t.track, labels: { version: t.track } })),
        },
      },
      k8sOpts,
    );

    const route = this.httpRoute(spec, host);
    // Edge traffic: the gateway routes the service's path prefix here.
    new k8s.apiextensions.CustomResource(
      `${name}-edge`,
      {
        apiVersion: "networking.istio.io/v1",
        kind: "VirtualService",
        metadata: { name: `${svc}-edge`, namespace },
        spec: {
          hosts: args.gatewayHosts,
          gateways: [args.gatewayRef],
          // Exactly the prefix or below it: a bare prefix would also match /carts next to /cart,
          // outside the paths the gateway's JWT policy protects.
          http: [
            {
              name: svc,
              match: [
                { uri: { exact: spec.pathPrefix } },
                { uri: { prefix: `${spec.pathPrefix}/` } },
              ],
              ...route,
            },
          ],
        },
      },
      k8sOpts,
    );
    // Mesh traffic: calls from other services to the service's own host.
    new k8s.apiextensions.CustomResource(
      `${name}-mesh`,
      {
        apiVersion: "networking.istio.io/v1",
        kind: "VirtualService",
        metadata: { name: svc, namespace },
        spec: { hosts: [host], gateways: ["mesh"], http: [{ name: svc, ...route }] },
      },
      k8sOpts,
    );
    new k8s.apiextensions.CustomResource(
      name,
      {
        apiVersion: "security.istio.io/v1",
        kind: "AuthorizationPolicy",
        metadata: { name: svc, namespace },
        spec: {
          selector: { matchLabels: { app: svc } },
          action: "ALLOW",
          rules: [
            {
              from: [
                {
                  source: {
                    principals: [
                      args.gatewayPrincipal,
                      ...spec.callers.map((c) => `cluster.local/ns/${namespace}/sa/${c}`),
                    ],
                  },
                },
              ],
            },
          ],
        },
      },
      k8sOpts,
    );

    this.roleArn = identity.role.arn;
    this.host = host;
    this.registerOutputs({ roleArn: this.roleArn, host: this.host });
  }

  /** Weighted stable/canary routes, an optional mirror, timeouts and retries. */
  private httpRoute(spec: ServiceSpec, host: string) {
    const canary = spec.canary?.weight ?? 0;
    const port = { number: spec.contract.port };
    return {
      route: [
        {
          destination: { host, subset: "stable", port },
          weight: 100 - canary,
        },
        ...(spec.canary
          ? [
              {
                destination: { host, subset: "canary", port },
                weight: canary,
              },
            ]
          : []),
      ],
      ...(spec.mirror
        ? {
            mirror: { host, subset: "mirror", port },
            mirrorPercentage: { value: spec.mirror.percent },
          }
        : {}),
      timeout: spec.timeout,
      retries:
        spec.retries.attempts > 0
          ? {
              attempts: spec.retries.attempts,
              perTryTimeout: spec.retries.perTryTimeout,
              // Only failures where the request never reached the service: retrying a 5xx could
              // repeat a non-idempotent write (an order, a cart change). Not gRPC `unavailable`,
              // which a service that ran the request may answer; `reset-before-request` is Envoy's
              // reset before any of the request was sent upstream (x-envoy-retry-on; accepted by
              // Istio 1.28's retryOn validation, pkg/config/validation/validation.go).
              retryOn: "connect-failure,refused-stream,reset-before-request",
            }
          : { attempts: 0 },
    };
  }

  private env(args: MicroserviceArgs, t: Track) {
    return pulumi
      .output(args.endpoints)
      .apply((e) => environment(args.spec, t, args.region, e, args.calls));
  }

  private deploymentSpec(args: MicroserviceArgs, t: Track): k8s.apps.v1.DeploymentArgs {
    const { spec, namespace } = args;
    const svc = spec.name;
    const { track, contract } = t;
    const labels = { app: svc, version: track };
    return {
      metadata: { name: track === "stable" ? svc : `${svc}-${track}`, namespace, labels },
      spec: {
        // The stable track's count is the HPA's (minReplicas follows the DR posture); fixed tracks
        // (canary, mirror) set theirs.
        ...(track === "stable" ? {} : { replicas: t.replicas }),
        selector: { matchLabels: labels },
        template: {
          metadata: {
            labels,
            annotations: {
              ...scrapeAnnotations(contract),
              // The EKS Pod Identity agent is link-local; credentials must not go through the sidecar.
              "traffic.sidecar.istio.io/excludeOutboundIPRanges": "169.254.170.23/32",
            },
          },
          spec: {
            serviceAccountName: track === "mirror" ? `${svc}-mirror` : svc,
            securityContext: POD_SECURITY,
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: "topology.kubernetes.io/zone",
                whenUnsatisfiable: "ScheduleAnyway",
                labelSelector: { matchLabels: { app: svc } },
              },
            ],
            containers: [
              {
                name: APP_CONTAINER,
                image: t.image,
                ports: containerPorts(contract),
                env: this.env(args, t),
                resources: contract.resources,
                securityContext: CONTAINER_SECURITY,
                ...probes(contract),
                volumeMounts: [
                  { name: "tmp", mountPath: "/tmp" },
                  { name: "data", mountPath: "/data" },
                ],
              },
            ],
            volumes: [
              { name: "tmp", emptyDir: {} },
              { name: "data", emptyDir: {} },
            ],
          },
        },
      },
    };
  }
}
