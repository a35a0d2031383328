import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import {
  AlarmTargets,
  alarmSpecs,
  metricsInsightsMax,
} from "../../../components/observability/alarms";
import {
  drDashboard,
  goldenSignalsDashboard,
  meshHealthDashboard,
} from "../../../components/observability/dashboards";
import { shopAlertRules } from "../../../components/observability/monitoring";
import {
  annotatedPodsScrapeConfig,
  prometheusStackValues,
} from "../../../components/observability/values";
import { OBSERVABILITY_DEFAULTS } from "../../../stacks/config/observability";

const targets: AlarmTargets = {
  albArnSuffix: "app/shop/0123",
  apiId: "abc123",
  tableNames: { carts: "t-carts", sessions: "t-sessions" },
  replicaRegions: ["ap-southeast-1", "eu-west-1"],
  cacheNodeIds: ["c-001", "c-002", "c-003"],
  deadLetterQueueName: "dlq",
};
const thresholds = OBSERVABILITY_DEFAULTS.alarms;
/** The value of a plain Input (outside a Pulumi run, outputs of known values still resolve). */
function resolved<T>(value: pulumi.Input<T> | undefined): Promise<T> {
  return new Promise((resolve) => {
    pulumi.output(value).apply((v) => resolve(v as T));
  });
}

describe("components/observability builders (pure)", () => {
  describe("alarmSpecs", () => {
    it("alarms on each table's replication to every other region", () => {
      const ids = alarmSpecs(targets, thresholds).map((s) => s.id);
      expect(ids.filter((id) => id.startsWith("dynamodb-"))).to.deep.equal([
        "dynamodb-carts-replication-ap-southeast-1",
        "dynamodb-carts-replication-eu-west-1",
        "dynamodb-sessions-replication-ap-southeast-1",
        "dynamodb-sessions-replication-eu-west-1",
      ]);
    });

    it("writes Metrics Insights queries with the filter values quoted", () => {
      expect(
        metricsInsightsMax("AWS/RDS", "AuroraGlobalDBRPOLag", { DBClusterIdentifier: "db-1" }),
      ).to.equal(
        `SELECT MAX(AuroraGlobalDBRPOLag) FROM "AWS/RDS" WHERE DBClusterIdentifier = 'db-1'`,
      );
      expect(metricsInsightsMax("AWS/X", "M", { A: "a", B: "b" })).to.equal(
        `SELECT MAX(M) FROM "AWS/X" WHERE A = 'a' AND B = 'b'`,
      );
      // Identifiers never hold quotes; one that did is refused, not escaped.
      expect(() => metricsInsightsMax("AWS/X", "M", { A: "it's" })).to.throw(/may not hold '/);
      expect(() => metricsInsightsMax("AWS/X", "M", { A: "a\\b" })).to.throw(/may not hold/);
    });

    it("alarms on Aurora lag and Route 53 health only where they exist", () => {
      const ids = (t: AlarmTargets) => alarmSpecs(t, thresholds).map((s) => s.id);
      expect(ids(targets)).to.not.include("aurora-replication-lag");
      expect(ids(targets)).to.not.include("aurora-rpo-lag");
      expect(ids(targets)).to.not.include("route53-api-health");
      const secondary = alarmSpecs({ ...targets, auroraSecondaryClusterId: "db" }, thresholds);
      expect(secondary.find((s) => s.id === "aurora-replication-lag")).to.deep.include({
        threshold: thresholds.auroraReplicationLagMs,
        comparisonOperator: "GreaterThanThreshold",
      });
      expect(secondary.find((s) => s.id === "aurora-rpo-lag")).to.deep.include({
        threshold: thresholds.auroraRpoLagMs,
        comparisonOperator: "GreaterThanThreshold",
        treatMissingData: "missing",
      });
      const primary = alarmSpecs({ ...targets, healthCheckId: "hc" }, thresholds);
      expect(primary.find((s) => s.id === "route53-api-health")).to.deep.include({
        region: "us-east-1",
        treatMissingData: "breaching",
      });
    });

    it("combines the cache's nodes: the busiest node's CPU, the sum of evictions", async () => {
      const specs = alarmSpecs(targets, thresholds);
      const cpu = await resolved(specs.find((s) => s.id === "cache-cpu")?.metricQueries);
      const evictions = await resolved(
        specs.find((s) => s.id === "cache-evictions")?.metricQueries,
      );
      expect(cpu.map((q) => q.metric?.dimensions.CacheClusterId).filter(Boolean)).to.deep.equal(
        targets.cacheNodeIds,
      );
      expect(cpu.at(-1)).to.deep.include({
        expression: "MAX([node0, node1, node2])",
        returnData: true,
      });
      expect(evictions.at(-1)).to.deep.include({ expression: "SUM([node0, node1, node2])" });
      expect(cpu.filter((q) => q.returnData)).to.have.length(1);
    });

    it("stops chaos drills within a minute of API errors", () => {
      const api = alarmSpecs(targets, thresholds).find((s) => s.id === "api-5xx");
      expect(api).to.deep.include({ evaluationPeriods: 1, datapointsToAlarm: 1, threshold: 50 });
    });
  });

  describe("dashboards", () => {
    it("shows rate, errors, latency quantiles and saturation for every service", () => {
      const d = goldenSignalsDashboard("shop", ["cart", "order"], "app");
      expect(d.panels).to.have.length(8);
      const latency = d.panels.find((p) => p.title === "order: latency");
      expect(latency?.targets.map((t) => t.legendFormat)).to.deep.equal(["p50", "p95", "p99"]);
      expect(String(latency?.targets[2].expr)).to.include("histogram_quantile(0.99");
      expect(String(latency?.targets[2].expr)).to.include(
        'destination_workload=~"order(-canary|-mirror)?"',
      );
      const errors = d.panels.find((p) => p.title === "cart: error ratio (5xx)");
      expect(String(errors?.targets[0].expr)).to.include('response_code=~"5.."');
      const cpu = d.panels.find((p) => p.title === "cart: CPU saturation");
      expect(String(cpu?.targets[0].expr)).to.include('container="app"');
      // Four to a row, no overlap.
      const positions = d.panels.map((p) => `${p.gridPos.x},${p.gridPos.y}`);
      expect(new Set(positions).size).to.equal(positions.length);
    });

    it("mesh health reads ejections, overflows and mTLS coverage", () => {
      const exprs = meshHealthDashboard("shop").panels.flatMap((p) =>
        p.targets.map((t) => String(t.expr)),
      );
      expect(
        exprs.some((e) => e.includes("envoy_cluster_outlier_detection_ejections_active")),
      ).to.equal(true);
      expect(exprs.some((e) => e.includes("upstream_rq_pending_overflow"))).to.equal(true);
      expect(exprs.some((e) => e.includes('connection_security_policy="mutual_tls"'))).to.equal(
        true,
      );
    });

    it("the DR dashboard matches lag on any secondary cluster but the health check exactly", () => {
      const d = drDashboard({
        regions: ["ap-south-1", "ap-southeast-1"],
        tableNames: { carts: "c", sessions: "s" },
        healthCheckId: "hc-1",
      });
      const targets = d.panels.flatMap((p) => p.targets);
      const lag = targets.find((t) => t.metricName === "AuroraGlobalDBReplicationLag");
      expect(lag).to.deep.include({ region: "ap-southeast-1", matchExact: false });
      const health = targets.find((t) => t.metricName === "HealthCheckStatus");
      expect(health).to.deep.include({ matchExact: true, dimensions: { HealthCheckId: "hc-1" } });
      // Per-API series only: the per-stage ones would count every request twice.
      const requests = targets.filter((t) => t.metricName === "Count");
      expect(requests.map((t) => t.matchExact)).to.deep.equal([true, true]);
      expect(d.panels.every((p) => p.datasource.uid === "cloudwatch")).to.equal(true);
    });
  });

  describe("Helm values", () => {
    it("Prometheus keeps 15% of its volume free and ignores EKS's unreachable control plane", () => {
      const v = prometheusStackValues({
        region: "ap-south-1",
        clusterName: "c",
        storageClass: "gp3-encrypted",
        retentionDays: 7,
        storageGiB: 20,
        replicas: 1,
        alarmTopicArn: "arn:aws:sns:ap-south-1:123456789012:alarms",
        grafanaAdminSecret: "grafana-admin",
      });
      expect(v.prometheus.prometheusSpec.retentionSize).to.equal("17GiB");
      expect([v.kubeEtcd, v.kubeScheduler, v.kubeControllerManager, v.kubeProxy]).to.deep.equal(
        Array(4).fill({ enabled: false }),
      );
      // The always-firing Watchdog and informational alerts do not page.
      expect(v.alertmanager.config.route.routes).to.deep.equal([
        { receiver: "null", matchers: ['alertname = "Watchdog"'] },
        { receiver: "null", matchers: ['alertname = "InfoInhibitor"'] },
        { receiver: "null", matchers: ['severity = "info"'] },
      ]);
      expect(v.alertmanager.config.route.receiver).to.equal("sns");
    });

    it("scrapes only pods that ask, at the port and path they name", () => {
      const [keep, path, address] = annotatedPodsScrapeConfig().relabel_configs;
      expect(keep).to.deep.include({ action: "keep", regex: "true" });
      expect(path.target_label).to.equal("__metrics_path__");
      const rewrite = new RegExp(`^${address.regex}$`);
      expect("10.0.0.7:9898;15020".replace(rewrite, address.replacement as string)).to.equal(
        "10.0.0.7:15020",
      );
    });

    it("alert rules use the configured p99", () => {
      const latency = shopAlertRules("shop", 750).find((r) => r.alert === "ShopServiceLatencyP99");
      expect(latency?.expr).to.match(/> 750$/);
    });
  });
});
