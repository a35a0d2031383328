/**
 * Pure builders for the mesh: Helm values for istiod and the gateway, and the external hosts the
 * services may reach while outbound traffic is REGISTRY_ONLY.
 */

import { SYSTEM_PLACEMENT } from "../shared/helm";

export const ISTIO = {
  repo: "https://istio-release.storage.googleapis.com/charts",
  version: "1.28.3",
};
export const MESH_NAMESPACE = "istio-system";
/** The gateway's Helm release name: also its ServiceAccount and its `istio` label value. */
export const GATEWAY_NAME = "istio-ingressgateway";
/** The port the gateway listens on for traffic from the regional ALB (a TargetGroupBinding). */
export const GATEWAY_HTTP_PORT = 8080;

/**
 * How a gateway pod leaves the ALB without dropping requests. The target group drains a
 * deregistered target for `deregistrationSeconds`; the pod keeps serving that long (preStop),
 * then Envoy drains open connections (`drainSeconds`, Istio's default is 5 s) before it exits.
 */
export const GATEWAY_SHUTDOWN = { deregistrationSeconds: 30, drainSeconds: 20 };

/** The taint the Istio CNI agent's readiness clears (istiod's untaint controller). */
export const CNI_NOT_READY_TAINT = { key: "cni.istio.io/not-ready", effect: "NoSchedule" };

/** Envoy statistics kept beyond Istio's defaults: outlier ejections and connection-pool overflows. */
export const PROXY_STATS = [
  ".*outlier_detection.*",
  ".*upstream_rq_pending_overflow.*",
  ".*upstream_cx_overflow.*",
];

/** istiod: JSON access logs, tracing to the OpenTelemetry collector, REGISTRY_ONLY egress, CNI. */
export function istiodValues(tracing: { service: string; port: number }, replicas: number) {
  return {
    pilot: {
      replicaCount: replicas,
      autoscaleMin: replicas,
      autoscaleMax: Math.max(replicas * 2, 3),
      // Sidecars are set up by the CNI node agent, so application pods need no NET_ADMIN and
      // pass the `restricted` Pod Security level.
      cni: { enabled: true },
      // New Karpenter nodes start tainted cni.istio.io/not-ready; istiod removes the taint once
      // the CNI agent on the node is ready, so no pod starts before its traffic is captured.
      // The chart (1.28.3) grants nodes/patch with taint.enabled, points istiod at the agent's
      // namespace with taint.namespace, and the controller runs only with this variable
      // (pilot/pkg/features/pilot.go).
      taint: { enabled: true, namespace: "kube-system" },
      env: { PILOT_ENABLE_NODE_UNTAINT_CONTROLLERS: "true" },
      ...SYSTEM_PLACEMENT,
    },
    meshConfig: {
      accessLogFile: "/dev/stdout",
      accessLogEncoding: "JSON",
      outboundTrafficPolicy: { mode: "REGISTRY_ONLY" },
      enableTracing: true,
      extensionProviders: [
        { name: "otel", opentelemetry: { service: tracing.service, port: tracing.port } },
      ],
      // Setting defaultProviders replaces the chart's default, so Prometheus metrics are listed too.
      defaultProviders: { metrics: ["prometheus"], tracing: ["otel"] },
      // Envoy's circuit-breaker statistics are off by default; the mesh-health dashboard and the
      // ejection alert read them.
      defaultConfig: { proxyStatsMatcher: { inclusionRegexps: PROXY_STATS } },
    },
    global: {
      proxy: {
        resources: {
          requests: { cpu: "50m", memory: "64Mi" },
          limits: { cpu: "500m", memory: "256Mi" },
        },
      },
    },
  };
}

/** The ingress gateway: a ClusterIP Service (the ALB reaches pod IPs), autoscaled by our own HPA. */
export function gatewayValues() {
  return {
    service: {
      type: "ClusterIP",
      ports: [
        { name: "http", port: GATEWAY_HTTP_PORT, targetPort: GATEWAY_HTTP_PORT, protocol: "TCP" },
        { name: "status-port", port: 15021, targetPort: 15021, protocol: "TCP" },
      ],
    },
    autoscaling: { enabled: false },
    labels: { istio: "ingressgateway" },
    // Keep serving while the ALB stops sending (deregistration), then let Envoy drain.
    podAnnotations: {
      "proxy.istio.io/config": JSON.stringify({
        terminationDrainDuration: `${GATEWAY_SHUTDOWN.drainSeconds}s`,
      }),
    },
    lifecycle: { preStop: { sleep: { seconds: GATEWAY_SHUTDOWN.deregistrationSeconds } } },
    terminationGracePeriodSeconds:
      GATEWAY_SHUTDOWN.deregistrationSeconds + GATEWAY_SHUTDOWN.drainSeconds + 10,
    resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { cpu: "2", memory: "1Gi" } },
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: "topology.kubernetes.io/zone",
        whenUnsatisfiable: "DoNotSchedule",
        labelSelector: { matchLabels: { istio: "ingressgateway" } },
      },
    ],
  };
}

/** AWS APIs the services call (HTTPS, SNI-routed). Pod Identity's agent is link-local and bypasses the sidecar. */
export function awsApiHosts(region: string): string[] {
  return [
    `dynamodb.${region}.amazonaws.com`,
    // DynamoDB's account-based endpoints (`<account-id>.ddb.<region>.amazonaws.com`), which the
    // AWS SDKs prefer whenever the credentials name the account, as EKS Pod Identity's do
    // (AWS SDKs and Tools reference, "Account-based endpoints").
    `*.ddb.${region}.amazonaws.com`,
    `sqs.${region}.amazonaws.com`,
    `secretsmanager.${region}.amazonaws.com`,
    `sts.${region}.amazonaws.com`,
    `s3.${region}.amazonaws.com`,
    `*.s3.${region}.amazonaws.com`,
    `kms.${region}.amazonaws.com`,
  ];
}
