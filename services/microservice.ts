import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { podIdentityRole } from "../components/cluster/podIdentity";
import { DataPosture } from "../components/data/posture";
import { APP_CONTAINER, METRICS_PORT, SERVICE_PORT, ServiceSpec, replicasFor } from "./catalog";
import { DataResources, servicePolicy } from "./permissions";

/** Connection settings a service reads from its environment; secrets only by ARN. */
export interface ServiceEndpoints {
  auroraEndpoint: string;
  auroraReaderEndpoint: string;
  cacheEndpoint: string;
  cacheSecretArn: string;
  tableNames: Record<"carts" | "sessions", string>;
  queueUrls: Record<"order-events", string>;
  bucketNames: Record<"assets" | "web", string>;
}

export interface MicroserviceArgs {
  spec: ServiceSpec;
  posture: DataPosture;
  namespace: string;
  provider: k8s.Provider;
  clusterName: string;
  region: string;
  accountId: pulumi.Input<string>;
  /** The data layer's ARNs (for the Pod Identity policy) and endpoints (for the environment). */
  data: pulumi.Input<DataResources>;
  endpoints: pulumi.Input<ServiceEndpoints>;
  /** `namespace/name` of the shop's Istio Gateway, and the hosts it serves. */
  gatewayRef: string;
  gatewayHosts: string[];
  /** The gateway's mesh identity (always allowed to call). */
  gatewayPrincipal: string;
  dependsOn: pulumi.Resource[];
}

type Track = "stable" | "canary" | "mirror";

/** The Service's HTTP port; routes name it, or the gateway would look for its own listener port. */
export const SERVICE_HTTP_PORT = 80;

/** The pod's container environment: region, then each binding's connection settings. */
export function environment(
  spec: ServiceSpec,
  region: string,
  e: ServiceEndpoints,
): { name: string; value: string }[] {
  const env = [
    { name: "AWS_REGION", value: region },
    { name: "SERVICE_NAME", value: spec.name },
    // The demo image reads its metrics port from here; real images ignore it.
    { name: "PODINFO_PORT_METRICS", value: String(METRICS_PORT) },
  ];
  for (const binding of spec.bindings) {
    const [kind, target] = binding.split(":");
    if (kind === "aurora") {
      env.push(
        { name: "DB_HOST", value: e.auroraEndpoint },
        { name: "DB_READER_HOST", value: e.auroraReaderEndpoint },
        { name: "DB_PORT", value: "5432" },
        { name: "DB_NAME", value: "shop" },
        { name: "DB_USER", value: spec.name },
        { name: "DB_AUTH", value: "iam" },
        { name: "DB_SSLMODE", value: "verify-full" },
      );
    } else if (kind === "redis") {
      env.push(
        { name: "REDIS_HOST", value: e.cacheEndpoint },
        { name: "REDIS_PORT", value: "6379" },
        { name: "REDIS_TLS", value: "true" },
        { name: "REDIS_AUTH_SECRET_ARN", value: e.cacheSecretArn },
      );
    } else if (kind === "dynamodb") {
      env.push({
        name: `TABLE_${target.toUpperCase()}`,
        value: e.tableNames[target as "carts" | "sessions"],
      });
    } else if (kind === "sqs-send" || kind === "sqs-receive") {
      env.push({
        name: `QUEUE_${target.replace(/-/g, "_").toUpperCase()}_URL`,
        value: e.queueUrls[target as "order-events"],
      });
    } else if (kind === "s3") {
      env.push({
        name: `BUCKET_${target.toUpperCase()}`,
        value: e.bucketNames[target as "assets" | "web"],
      });
    }
  }
  return env;
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

    const tracks: { track: Track; image: string; replicas: number }[] = [
      { track: "stable", image: spec.image, replicas },
    ];
    if (spec.canary)
      tracks.push({
        track: "canary",
        image: spec.canary.image,
        replicas: Math.max(1, Math.ceil((replicas * spec.canary.weight) / 100)),
      });
    if (spec.mirror) {
      tracks.push({ track: "mirror", image: spec.mirror.image, replicas: 1 });
      // The shadow runs without AWS credentials: mirrored writes must not reach real data.
      new k8s.core.v1.ServiceAccount(
        `${name}-mirror`,
        { metadata: { name: `${svc}-mirror`, namespace, labels: { app: svc } } },
        k8sOpts,
      );
    }
    for (const t of tracks) {
      new k8s.apps.v1.Deployment(
        t.track === "stable" ? name : `${name}-${t.track}`,
        this.deploymentSpec(args, t.track, t.image, t.replicas),
        {
          ...k8sOpts,
          dependsOn: [
            ...args.dependsOn,
            serviceAccount,
            ...(identity.association ? [identity.association] : []),
          ],
        },
      );
    }

    new k8s.core.v1.Service(
      name,
      {
        metadata: { name: svc, namespace, labels: { app: svc } },
        spec: {
          type: "ClusterIP",
          selector: { app: svc },
          // Istio picks the protocol from the port name.
          ports: [
            { name: "http", port: SERVICE_HTTP_PORT, targetPort: "http" },
            { name: "http-metrics", port: METRICS_PORT, targetPort: "http-metrics" },
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
          maxReplicas: Math.max(replicas * 4, 4),
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
    return {
      route: [
        {
          destination: { host, subset: "stable", port: { number: SERVICE_HTTP_PORT } },
          weight: 100 - canary,
        },
        ...(spec.canary
          ? [
              {
                destination: { host, subset: "canary", port: { number: SERVICE_HTTP_PORT } },
                weight: canary,
              },
            ]
          : []),
      ],
      ...(spec.mirror
        ? {
            mirror: { host, subset: "mirror", port: { number: SERVICE_HTTP_PORT } },
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
              // repeat a non-idempotent write (an order, a cart change).
              retryOn: "connect-failure,refused-stream,unavailable",
            }
          : { attempts: 0 },
    };
  }

  private deploymentSpec(
    args: MicroserviceArgs,
    track: Track,
    image: string,
    replicas: number,
  ): k8s.apps.v1.DeploymentArgs {
    const { spec, namespace } = args;
    const svc = spec.name;
    const labels = { app: svc, version: track };
    const probe = (path: string, extra: object = {}) => ({
      httpGet: { path, port: "http" },
      periodSeconds: 10,
      timeoutSeconds: 2,
      ...extra,
    });
    return {
      metadata: { name: track === "stable" ? svc : `${svc}-${track}`, namespace, labels },
      spec: {
        // The stable track's count is the HPA's (minReplicas follows the DR posture); fixed tracks
        // (canary, mirror) set theirs.
        ...(track === "stable" ? {} : { replicas }),
        selector: { matchLabels: labels },
        template: {
          metadata: {
            labels,
            annotations: {
              "prometheus.io/scrape": "true",
              "prometheus.io/port": String(METRICS_PORT),
              "prometheus.io/path": "/metrics",
              // The EKS Pod Identity agent is link-local; credentials must not go through the sidecar.
              "traffic.sidecar.istio.io/excludeOutboundIPRanges": "169.254.170.23/32",
            },
          },
          spec: {
            serviceAccountName: track === "mirror" ? `${svc}-mirror` : svc,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              runAsGroup: 10001,
              fsGroup: 10001,
              seccompProfile: { type: "RuntimeDefault" },
            },
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
                image,
                ports: [
                  { name: "http", containerPort: SERVICE_PORT },
                  { name: "http-metrics", containerPort: METRICS_PORT },
                ],
                env: pulumi.output(args.endpoints).apply((e) => environment(spec, args.region, e)),
                resources: spec.resources,
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: true,
                  capabilities: { drop: ["ALL"] },
                },
                startupProbe: probe("/healthz", { failureThreshold: 30, periodSeconds: 2 }),
                livenessProbe: probe("/healthz"),
                readinessProbe: probe("/readyz"),
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
