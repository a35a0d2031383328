/**
 * Grafana dashboards as code (pure): golden signals per service and mesh health from the Istio
 * metrics in Prometheus, and the DR dashboard from CloudWatch (replication lag of both stores,
 * the primary's Route 53 health check, request rate per region). Each becomes a ConfigMap the
 * Grafana sidecar loads.
 */
import { TableName } from "../data/tables";
import { GATEWAY_NAME } from "../mesh/values";
import { CLOUDWATCH_DATASOURCE_UID, PROMETHEUS_DATASOURCE_UID } from "./values";

const PROMETHEUS = { type: "prometheus", uid: PROMETHEUS_DATASOURCE_UID };
const CLOUDWATCH = { type: "cloudwatch", uid: CLOUDWATCH_DATASOURCE_UID };

interface Panel {
  id: number;
  type: "timeseries" | "stat";
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource: { type: string; uid: string };
  targets: Record<string, unknown>[];
  fieldConfig: { defaults: { unit: string; thresholds?: unknown } };
  description?: string;
}

export interface Dashboard {
  uid: string;
  title: string;
  tags: string[];
  schemaVersion: number;
  time: { from: string; to: string };
  refresh: string;
  panels: Panel[];
}

const PANEL = { w: 6, h: 8 };
const PER_ROW = 24 / PANEL.w;

/** Lays panels out left to right, four to a row, numbering them. */
function layout(panels: Omit<Panel, "id" | "gridPos">[]): Panel[] {
  return panels.map((p, i) => ({
    ...p,
    id: i + 1,
    gridPos: {
      x: (i % PER_ROW) * PANEL.w,
      y: Math.floor(i / PER_ROW) * PANEL.h,
      w: PANEL.w,
      h: PANEL.h,
    },
  }));
}

function dashboard(uid: string, title: string, panels: Omit<Panel, "id" | "gridPos">[]): Dashboard {
  return {
    uid,
    title,
    tags: ["ecommerce-platform"],
    schemaVersion: 39,
    time: { from: "now-6h", to: "now" },
    refresh: "30s",
    panels: layout(panels),
  };
}

const promql = (title: string, unit: string, ...exprs: [string, string][]) => ({
  type: "timeseries" as const,
  title,
  datasource: PROMETHEUS,
  fieldConfig: { defaults: { unit } },
  targets: exprs.map(([expr, legendFormat], i) => ({
    refId: String.fromCharCode(65 + i),
    datasource: PROMETHEUS,
    expr,
    legendFormat,
  })),
});

/** Requests a service received, as its own sidecar reports them. */
const served = (namespace: string, service: string, extra = "") =>
  `reporter="destination",destination_workload_namespace="${namespace}",destination_workload=~"${service}(-canary|-mirror)?"${extra}`;

/**
 * Rate, errors, latency (p50/p95/p99) and saturation of every service, one row each.
 * `container` is the application container's name in every service's pods.
 */
export function goldenSignalsDashboard(
  namespace: string,
  services: string[],
  container: string,
): Dashboard {
  return dashboard(
    "shop-golden-signals",
    "Shop: golden signals per service",
    services.flatMap((svc) => {
      const sel = served(namespace, svc);
      const rate = `sum(rate(istio_requests_total{${sel}}[5m]))`;
      const latency = (q: number) =>
        `histogram_quantile(${q}, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${sel}}[5m])))`;
      return [
        promql(`${svc}: request rate`, "reqps", [rate, "requests/s"]),
        promql(`${svc}: error ratio (5xx)`, "percentunit", [
          `sum(rate(istio_requests_total{${served(namespace, svc, ',response_code=~"5.."')}}[5m])) / ${rate}`,
          "5xx share",
        ]),
        promql(
          `${svc}: latency`,
          "ms",
          [latency(0.5), "p50"],
          [latency(0.95), "p95"],
          [latency(0.99), "p99"],
        ),
        promql(`${svc}: CPU saturation`, "percentunit", [
          `sum(rate(container_cpu_usage_seconds_total{namespace="${namespace}",pod=~"${svc}-.*",container="${container}"}[5m])) / sum(kube_pod_container_resource_limits{namespace="${namespace}",pod=~"${svc}-.*",container="${container}",resource="cpu"})`,
          "CPU used / limit",
        ]),
      ];
    }),
  );
}

/** Circuit breakers (outlier ejections, overflow), mTLS coverage and the control plane. */
export function meshHealthDashboard(namespace: string): Dashboard {
  const destination = `reporter="destination",destination_workload_namespace="${namespace}"`;
  return dashboard("mesh-health", "Mesh health", [
    promql("Hosts ejected by outlier detection", "short", [
      "sum by (cluster_name) (envoy_cluster_outlier_detection_ejections_active)",
      "{{cluster_name}}",
    ]),
    promql("Circuit breaker overflows", "reqps", [
      "sum by (cluster_name) (rate(envoy_cluster_upstream_rq_pending_overflow[5m]) + rate(envoy_cluster_upstream_cx_overflow[5m]))",
      "{{cluster_name}}",
    ]),
    promql("Requests over mutual TLS", "percentunit", [
      `sum(rate(istio_requests_total{${destination},connection_security_policy="mutual_tls"}[5m])) / sum(rate(istio_requests_total{${destination}}[5m]))`,
      "mTLS share",
    ]),
    promql("Requests without mutual TLS", "reqps", [
      `sum by (destination_workload) (rate(istio_requests_total{${destination},connection_security_policy!="mutual_tls"}[5m]))`,
      "{{destination_workload}}",
    ]),
    promql("Control plane: config pushes", "ops", [
      "sum by (type) (rate(pilot_xds_pushes[5m]))",
      "{{type}}",
    ]),
    promql("Control plane: proxy convergence p99", "s", [
      "histogram_quantile(0.99, sum by (le) (rate(pilot_proxy_convergence_time_bucket[5m])))",
      "p99",
    ]),
    promql("Connected proxies", "short", ["sum(pilot_xds)", "proxies"]),
    promql("Gateway request rate by code", "reqps", [
      `sum by (response_code) (rate(istio_requests_total{reporter="source",source_workload="${GATEWAY_NAME}"}[5m]))`,
      "{{response_code}}",
    ]),
  ]);
}

export interface DrDashboardInputs {
  /** The primary's region first, then the standbys'. */
  regions: string[];
  tableNames: Record<TableName, string>;
  /** The primary's Route 53 health check of `api.<domain>`. */
  healthCheckId: string;
}

interface CloudWatchQuery {
  region: string;
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  statistic: string;
  label: string;
  /**
   * Only series with exactly these dimensions (the default). Off, a series with more dimensions
   * matches too: API Gateway's per-stage series would then double the per-API ones.
   */
  matchExact?: boolean;
}

const cloudwatch = (
  title: string,
  unit: string,
  queries: CloudWatchQuery[],
  description: string,
) => ({
  type: "timeseries" as const,
  title,
  description,
  datasource: CLOUDWATCH,
  fieldConfig: { defaults: { unit } },
  targets: queries.map((q, i) => ({
    refId: String.fromCharCode(65 + i),
    datasource: CLOUDWATCH,
    queryMode: "Metrics",
    metricQueryType: 0,
    metricEditorMode: 0,
    region: q.region,
    namespace: q.namespace,
    metricName: q.metricName,
    dimensions: q.dimensions,
    // A "*" dimension value matches every value of that dimension.
    matchExact: q.matchExact ?? true,
    statistic: q.statistic,
    period: "60",
    label: q.label,
  })),
});

/** Replication lag of both stores, the primary's health, and where requests land. */
export function drDashboard(d: DrDashboardInputs): Dashboard {
  const [primary, ...standbys] = d.regions;
  const others = (region: string) => d.regions.filter((r) => r !== region);
  return dashboard("disaster-recovery", "Disaster recovery", [
    cloudwatch(
      "Aurora global database replication lag",
      "ms",
      standbys.map((region) => ({
        region,
        namespace: "AWS/RDS",
        metricName: "AuroraGlobalDBReplicationLag",
        dimensions: { DBClusterIdentifier: "*" },
        // Whatever other dimensions the lag is published with, any secondary's lag counts.
        matchExact: false,
        statistic: "Maximum",
        label: `${region} behind ${primary}`,
      })),
      "How far each secondary cluster trails the writer: the relational RPO if the primary fails now.",
    ),
    cloudwatch(
      "DynamoDB replication latency",
      "ms",
      d.regions.flatMap((region) =>
        Object.entries(d.tableNames).flatMap(([table, name]) =>
          others(region).map((receiving) => ({
            region,
            namespace: "AWS/DynamoDB",
            metricName: "ReplicationLatency",
            dimensions: { TableName: name, ReceivingRegion: receiving },
            statistic: "Average",
            label: `${table} ${region} → ${receiving}`,
          })),
        ),
      ),
      "Time for a write to a global table to reach the other region: the key-value RPO.",
    ),
    cloudwatch(
      "Route 53 health check of the primary",
      "bool_on_off",
      [
        {
          region: "us-east-1",
          namespace: "AWS/Route53",
          metricName: "HealthCheckStatus",
          dimensions: { HealthCheckId: d.healthCheckId },
          statistic: "Minimum",
          label: `api (${primary})`,
        },
      ],
      "1 while the primary answers its health check; at 0 api.<domain> fails over to the standby.",
    ),
    cloudwatch(
      "Requests per region",
      "short",
      d.regions.map((region) => ({
        region,
        namespace: "AWS/ApiGateway",
        metricName: "Count",
        dimensions: { ApiId: "*" },
        statistic: "Sum",
        label: region,
      })),
      "Requests per minute to the HTTP APIs of each region (this account's): after a failover the standby's line takes over.",
    ),
  ]);
}
