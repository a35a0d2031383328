/**
 * The shop's alerting rules, which Alertmanager sends to the alarm topic. They are pure data
 * (`shopAlertRules`) so tests read them. istiod, the gateway and every meshed pod carry
 * `prometheus.io/*` annotations, which the pods job scrapes; Karpenter and the load balancer
 * controller get ServiceMonitors here (their charts' own would need the CRD before it exists).
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { CONTROLLER_METRICS } from "../cluster/platform";

export interface MonitoringArgs {
  /** Namespace of the PrometheusRule (the observability namespace). */
  namespace: string;
  /** The shop's namespace, whose services the rules watch. */
  shopNamespace: string;
  /** The same p99 the API alarm uses, per service. */
  p99LatencyMs: number;
  /** Options of every object (parent, provider, dependencies). */
  opts: pulumi.CustomResourceOptions;
}

/** Alerts on the mesh's own metrics, per service: errors, latency, plaintext traffic, ejections. */
export function shopAlertRules(shopNamespace: string, p99LatencyMs: number) {
  const dest = `reporter="destination",destination_workload_namespace="${shopNamespace}"`;
  return [
    {
      alert: "ShopServiceErrorRate",
      expr: `sum by (destination_workload) (rate(istio_requests_total{${dest},response_code=~"5.."}[5m])) / sum by (destination_workload) (rate(istio_requests_total{${dest}}[5m])) > 0.05`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: {
        summary: "{{ $labels.destination_workload }} answers more than 5% of requests with a 5xx",
      },
    },
    {
      alert: "ShopServiceLatencyP99",
      expr: `histogram_quantile(0.99, sum by (destination_workload, le) (rate(istio_request_duration_milliseconds_bucket{${dest}}[5m]))) > ${p99LatencyMs}`,
      for: "10m",
      labels: { severity: "warning" },
      annotations: {
        summary: `{{ $labels.destination_workload }} p99 latency is above ${p99LatencyMs} ms`,
      },
    },
    {
      alert: "MeshPlaintextTraffic",
      expr: `sum by (destination_workload) (rate(istio_requests_total{${dest},connection_security_policy!="mutual_tls"}[5m])) > 0`,
      for: "5m",
      labels: { severity: "critical" },
      annotations: {
        summary: "{{ $labels.destination_workload }} receives requests without mutual TLS",
      },
    },
    {
      alert: "MeshOutlierEjections",
      expr: "sum by (cluster_name) (envoy_cluster_outlier_detection_ejections_active) > 0",
      for: "10m",
      labels: { severity: "warning" },
      annotations: {
        summary:
          "Circuit breaker: hosts of {{ $labels.cluster_name }} have been ejected for 10 minutes",
      },
    },
  ];
}

/** The shop's rules as a PrometheusRule (its CRD comes with kube-prometheus-stack). */
export function createShopRules(name: string, a: MonitoringArgs): k8s.apiextensions.CustomResource {
  return new k8s.apiextensions.CustomResource(
    `${name}-shop-rules`,
    {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      metadata: { name: "shop", namespace: a.namespace },
      spec: { groups: [{ name: "shop", rules: shopAlertRules(a.shopNamespace, a.p99LatencyMs) }] },
    },
    a.opts,
  );
}

/** ServiceMonitors for the cluster's controllers, in kube-system beside their Services. */
export function createControllerMonitors(
  name: string,
  opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource[] {
  return Object.entries(CONTROLLER_METRICS).map(
    ([id, m]) =>
      new k8s.apiextensions.CustomResource(
        `${name}-${id}-monitor`,
        {
          apiVersion: "monitoring.coreos.com/v1",
          kind: "ServiceMonitor",
          metadata: { name: m.service, namespace: "kube-system" },
          spec: {
            namespaceSelector: { matchNames: ["kube-system"] },
            selector: { matchLabels: m.selector },
            endpoints: [{ port: m.port, path: "/metrics", interval: "30s" }],
          },
        },
        opts,
      ),
  );
}
