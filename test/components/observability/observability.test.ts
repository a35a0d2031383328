import { expect } from "chai";
import { mockResourceOutputs } from "../../../offline/outputs";
import { StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";
import { Spec, T, TUNED, children, dataKey, inObservability } from "./fixtures";

describe("components/observability (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("exists in both stacks with the same charts, pinned, in the observability namespace", () => {
    for (const p of [prod, dr]) {
      expect(ofType(p, "ecommerce:observability:Observability").map((c) => c.name)).to.deep.equal([
        "observability",
      ]);
      const releases = Object.fromEntries(
        children(p, T.release).map((r) => [r.name, r.inputs as Spec]),
      );
      expect(Object.keys(releases)).to.have.members([
        "observability-kps",
        "observability-jaeger",
        "observability-otel-collector",
        "observability-fluent-bit",
      ]);
      expect(releases["observability-kps"]).to.deep.include({
        chart: "kube-prometheus-stack",
        version: "88.5.3",
        repositoryOpts: { repo: "https://prometheus-community.github.io/helm-charts" },
      });
      expect(releases["observability-otel-collector"]).to.deep.include({
        chart: "opentelemetry-collector",
        version: "0.170.0",
      });
      expect(releases["observability-jaeger"]).to.deep.include({
        chart: "jaeger",
        version: "4.11.1",
      });
      expect(releases["observability-fluent-bit"]).to.deep.include({
        chart: "aws-for-fluent-bit",
        version: "0.2.0",
      });
      for (const r of Object.values(releases)) expect(r.namespace).to.equal("observability");
    }
  });

  describe("metrics: kube-prometheus-stack", () => {
    it("keeps Prometheus's samples for the configured days on an encrypted gp3 volume that cannot fill up", async () => {
      const values = the(prod, T.release, "observability-kps").inputs.values as Spec;
      const spec = values.prometheus.prometheusSpec;
      expect(spec).to.deep.include({ retention: "15d", retentionSize: "85GiB", replicas: 2 });
      expect(spec.storageSpec.volumeClaimTemplate.spec).to.deep.include({
        storageClassName: "gp3-encrypted",
        resources: { requests: { storage: "100Gi" } },
      });
      const sc = the(prod, "kubernetes:storage.k8s.io/v1:StorageClass", "cluster-gp3");
      expect(sc.inputs.parameters).to.deep.include({ type: "gp3", encrypted: "true" });
      const resized = await plan("prod-mumbai", TUNED);
      const big = (the(resized, T.release, "observability-kps").inputs.values as Spec).prometheus
        .prometheusSpec;
      expect(big).to.deep.include({ retention: "30d", retentionSize: "340GiB" });
      expect(big.storageSpec.volumeClaimTemplate.spec.resources.requests.storage).to.equal("400Gi");
    });

    it("runs one Prometheus and Alertmanager in the resting standby, two once it serves", async () => {
      const replicas = (p: StackPlan) => {
        const v = the(p, T.release, "observability-kps").inputs.values as Spec;
        return [v.prometheus.prometheusSpec.replicas, v.alertmanager.alertmanagerSpec.replicas];
      };
      expect(replicas(dr)).to.deep.equal([1, 1]);
      expect(
        replicas(await plan("dr-singapore", ["dr-singapore:ecommerce:dr.mode=failover"])),
      ).to.deep.equal([2, 2]);
    });

    it("scrapes the mesh, istiod and the services once each (annotated pods, merged by Istio)", () => {
      const spec = (the(prod, T.release, "observability-kps").inputs.values as Spec).prometheus
        .prometheusSpec;
      expect(spec.additionalScrapeConfigs.map((j: Spec) => j.job_name)).to.deep.equal([
        "kubernetes-pods",
      ]);
      expect(spec.serviceMonitorSelectorNilUsesHelmValues).to.equal(false);
      // The services ask to be scraped; Istio points the annotations at its merged endpoint.
      const deployment = the(prod, "kubernetes:apps/v1:Deployment", "services-cart");
      expect((deployment.inputs.spec as Spec).template.metadata.annotations).to.deep.include({
        "prometheus.io/scrape": "true",
      });
      // One scrape per target: no ServiceMonitor repeats what the annotations already ask for
      // (istiod's pods are annotated too), or the mesh panels would count twice. Only the
      // controllers in kube-system, whose charts annotate nothing, have ServiceMonitors.
      const monitors = ofType(prod, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor");
      expect(monitors.map((m) => (m.inputs.metadata as Spec).name)).to.have.members([
        "karpenter",
        "aws-load-balancer-controller-metrics",
      ]);
      for (const m of monitors) {
        expect((m.inputs.metadata as Spec).namespace).to.equal("kube-system");
        expect(m.dependencies).to.include(the(prod, T.release, "observability-kps").urn);
      }
      // The LB controller's chart makes no metrics Service without its own ServiceMonitor: ours
      // selects the controller's pods on the port the ServiceMonitor names.
      const lbcMetrics = the(prod, "kubernetes:core/v1:Service", "cluster-lb-controller-metrics");
      const lbcMonitor = monitors.find(
        (m) => (m.inputs.metadata as Spec).name === "aws-load-balancer-controller-metrics",
      );
      expect((lbcMonitor?.inputs.spec as Spec).selector.matchLabels).to.deep.equal(
        (lbcMetrics.inputs.metadata as Spec).labels,
      );
      expect((lbcMetrics.inputs.spec as Spec).ports[0].name).to.equal(
        (lbcMonitor?.inputs.spec as Spec).endpoints[0].port,
      );
      expect(
        the(prod, "kubernetes:monitoring.coreos.com/v1:PrometheusRule", "observability-shop-rules")
          .dependencies,
      ).to.include(the(prod, T.release, "observability-kps").urn);
      // Envoy's circuit-breaker counters are kept, or the ejection panels would stay empty.
      const mesh = the(prod, T.release, "mesh-istiod").inputs.values as Spec;
      expect(mesh.meshConfig.defaultConfig.proxyStatsMatcher.inclusionRegexps).to.include(
        ".*outlier_detection.*",
      );
    });

    it("routes Alertmanager to the region's alarm topic with Pod Identity credentials", () => {
      const values = the(prod, T.release, "observability-kps").inputs.values as Spec;
      const topic = the(prod, T.topic, "observability-alarms");
      expect(values.alertmanager.config.route.receiver).to.equal("sns");
      expect(values.alertmanager.config.receivers).to.deep.include({
        name: "sns",
        sns_configs: [
          {
            topic_arn: topic.outputs.arn,
            sigv4: { region: "ap-south-1" },
            send_resolved: true,
            // SNS refuses subjects of 100 characters or more; the default lists every label.
            subject:
              '{{ reReplaceAll "^(.{0,99}).*$" "$1" (printf "[%s] %s %s" (.Status | toUpper) .CommonLabels.alertname .CommonLabels.cluster) }}',
          },
        ],
      });
      // The chart passes the config through untemplated, so Alertmanager sees the braces.
      expect(values.alertmanager.tplConfig).to.equal(undefined);
      const association = the(prod, T.association, "observability-alertmanager");
      expect(association.inputs).to.deep.include({
        namespace: "observability",
        serviceAccount: values.alertmanager.serviceAccount.name,
      });
      const policy = JSON.parse(
        String(the(prod, T.rolePolicy, "observability-alertmanager").inputs.policy),
      );
      expect(policy.Statement[0]).to.deep.include({
        Action: "sns:Publish",
        Resource: topic.outputs.arn,
      });
      expect(policy.Statement[1].Resource).to.equal(dataKey(prod, "messaging"));
    });

    it("alerts on the shop's error rate, latency, plaintext traffic and ejections", () => {
      const rules = the(
        prod,
        "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
        "observability-shop-rules",
      );
      const alerts = (rules.inputs.spec as Spec).groups[0].rules as Spec[];
      expect(alerts.map((a) => a.alert)).to.deep.equal([
        "ShopServiceErrorRate",
        "ShopServiceLatencyP99",
        "MeshPlaintextTraffic",
        "MeshOutlierEjections",
      ]);
      expect(alerts[1].expr).to.match(/> 2000$/);
    });
  });

  describe("Grafana", () => {
    it("takes its admin password from @pulumi/random through a Kubernetes Secret, never in the plan", () => {
      const password = the(prod, T.password, "observability-grafana-admin");
      expect(password.inputs).to.deep.include({ length: 32 });
      const secret = the(prod, T.secret, "observability-grafana-admin");
      expect(secret.inputs.stringData).to.equal("[secret]");
      expect(secret.dependencies).to.include(password.urn);
      const values = the(prod, T.release, "observability-kps").inputs.values as Spec;
      expect(values.grafana.admin).to.deep.equal({
        existingSecret: (secret.inputs.metadata as Spec).name,
        userKey: "admin-user",
        passwordKey: "admin-password",
      });
      const plain = mockResourceOutputs(
        { type: password.type, name: password.name, inputs: password.inputs },
        { stack: "prod-mumbai", region: "ap-south-1", accountId: "123456789012" },
      ).state.result;
      expect(JSON.stringify(prod).includes(String(plain))).to.equal(false);
      expect(the(prod, T.release, "observability-kps").dependencies).to.include(secret.urn);
    });

    it("reads CloudWatch with its own Pod Identity role", () => {
      const values = the(prod, T.release, "observability-kps").inputs.values as Spec;
      expect(values.grafana.additionalDataSources).to.deep.equal([
        {
          name: "CloudWatch",
          type: "cloudwatch",
          uid: "cloudwatch",
          jsonData: { authType: "default", defaultRegion: "ap-south-1" },
        },
      ]);
      const policy = JSON.parse(
        String(the(prod, T.rolePolicy, "observability-grafana").inputs.policy),
      );
      expect(policy.Statement[0].Action).to.include("cloudwatch:GetMetricData");
      expect(policy.Statement[0].Action.every((a: string) => !a.endsWith(":*"))).to.equal(true);
      expect(the(prod, T.association, "observability-grafana").inputs.serviceAccount).to.equal(
        values.grafana.serviceAccount.name,
      );
    });

    it("loads three dashboards as code through the sidecar's label", () => {
      const maps = children(prod, T.configMap);
      expect(maps.map((m) => m.name)).to.have.members([
        "observability-dashboard-shop-golden-signals",
        "observability-dashboard-mesh-health",
        "observability-dashboard-disaster-recovery",
      ]);
      const values = the(prod, T.release, "observability-kps").inputs.values as Spec;
      const { label, labelValue } = values.grafana.sidecar.dashboards;
      for (const m of maps)
        expect((m.inputs.metadata as Spec).labels).to.deep.equal({ [label]: labelValue });
    });

    it("the DR dashboard queries both stores' replication lag, the primary's health check and both regions' traffic", () => {
      const healthCheck = the(prod, "aws:route53/healthCheck:HealthCheck", "edge-primary");
      for (const p of [prod, dr]) {
        const map = the(p, T.configMap, "observability-dashboard-disaster-recovery");
        const dashboard = JSON.parse((map.inputs.data as Spec)["disaster-recovery.json"]);
        const targets = dashboard.panels.flatMap((panel: Spec) => panel.targets) as Spec[];
        const lag = targets.filter((t) => t.metricName === "AuroraGlobalDBReplicationLag");
        expect(lag.map((t) => t.region)).to.deep.equal(["ap-southeast-1"]);
        const dynamo = targets.filter((t) => t.metricName === "ReplicationLatency");
        expect(
          dynamo.map(
            (t) => `${t.dimensions.TableName} ${t.region}→${t.dimensions.ReceivingRegion}`,
          ),
        ).to.have.members([
          "ecommerce-prod-mumbai-carts ap-south-1→ap-southeast-1",
          "ecommerce-prod-mumbai-sessions ap-south-1→ap-southeast-1",
          "ecommerce-prod-mumbai-carts ap-southeast-1→ap-south-1",
          "ecommerce-prod-mumbai-sessions ap-southeast-1→ap-south-1",
        ]);
        // The standby reads the primary's health check through the StackReference.
        const health = targets.find((t) => t.metricName === "HealthCheckStatus") as Spec;
        expect(health).to.deep.include({
          region: "us-east-1",
          dimensions: { HealthCheckId: healthCheck.id },
        });
        const traffic = targets.filter((t) => t.metricName === "Count");
        expect(traffic.map((t) => t.region)).to.deep.equal(["ap-south-1", "ap-southeast-1"]);
      }
    });
  });

  describe("traces", () => {
    it("deploys the collector at the address the mesh sends traces to, exporting to Jaeger", () => {
      const collector = the(prod, T.release, "observability-otel-collector").inputs.values as Spec;
      const istiod = the(prod, T.release, "mesh-istiod").inputs.values as Spec;
      const provider = istiod.meshConfig.extensionProviders[0].opentelemetry;
      expect(provider).to.deep.equal({
        service: "otel-collector.observability.svc.cluster.local",
        port: 4317,
      });
      expect(collector.fullnameOverride).to.equal(provider.service.split(".")[0]);
      expect(collector.ports.otlp).to.deep.include({ servicePort: provider.port });
      // The whole configuration (not merged with the chart's defaults): OTLP in, traces only.
      expect(collector.config).to.equal(undefined);
      const config = collector.alternateConfig;
      expect(config.exporters["otlp_grpc/jaeger"].endpoint).to.equal(
        "jaeger.observability.svc.cluster.local:4317",
      );
      expect(Object.keys(config.receivers)).to.deep.equal(["otlp"]);
      expect(Object.keys(config.service.pipelines)).to.deep.equal(["traces"]);
      expect(config.service.pipelines.traces).to.deep.equal({
        receivers: ["otlp"],
        processors: ["memory_limiter", "k8s_attributes", "batch"],
        exporters: ["otlp_grpc/jaeger"],
      });
      expect(config.service.extensions).to.include("health_check");
      const jaeger = the(prod, T.release, "observability-jaeger");
      expect((jaeger.inputs.values as Spec).fullnameOverride).to.equal("jaeger");
      expect(the(prod, T.release, "observability-otel-collector").dependencies).to.include(
        jaeger.urn,
      );
    });

    it("has Prometheus scrape the collector's and Jaeger's own metrics where they serve them", () => {
      const reader = (telemetry: Spec) => telemetry.metrics.readers[0].pull.exporter.prometheus;
      const collector = the(prod, T.release, "observability-otel-collector").inputs.values as Spec;
      // The chart's pod annotations, which the kubernetes-pods job keeps; the port it serves.
      expect(collector.podAnnotations).to.deep.equal({
        "prometheus.io/scrape": "true",
        "prometheus.io/port": "8888",
      });
      expect(reader(collector.alternateConfig.service.telemetry)).to.deep.equal({
        host: "${env:MY_POD_IP}",
        port: 8888,
      });
      // Jaeger's chart annotates its pod for 8888; Jaeger must listen there beyond localhost.
      const jaeger = the(prod, T.release, "observability-jaeger").inputs.values as Spec;
      expect(reader(jaeger.userconfig.service.telemetry)).to.deep.equal({
        host: "0.0.0.0",
        port: 8888,
      });
    });

    it("follows a changed ecommerce:mesh.tracing", async () => {
      const moved = await plan("prod-mumbai", TUNED);
      const collector = the(moved, T.release, "observability-traces");
      expect((collector.inputs.values as Spec).fullnameOverride).to.equal("traces");
      expect((collector.inputs.values as Spec).ports.otlp.servicePort).to.equal(4320);
      const istiod = the(moved, T.release, "mesh-istiod").inputs.values as Spec;
      expect(istiod.meshConfig.extensionProviders[0].opentelemetry).to.deep.equal({
        service: "traces.observability.svc.cluster.local",
        port: 4320,
      });
    });

    it("keeps Jaeger's traces on an encrypted claim of its own", () => {
      const claim = the(
        prod,
        "kubernetes:core/v1:PersistentVolumeClaim",
        "observability-jaeger-traces",
      );
      expect((claim.inputs.spec as Spec).storageClassName).to.equal("gp3-encrypted");
      const values = the(prod, T.release, "observability-jaeger").inputs.values as Spec;
      expect(values.jaeger.extraVolumes[0].persistentVolumeClaim.claimName).to.equal(
        (claim.inputs.metadata as Spec).name,
      );
      expect(
        values.userconfig.extensions.jaeger_storage.backends.badger_store.badger.ephemeral,
      ).to.equal(false);
    });
  });

  describe("logs", () => {
    it("ships every platform namespace to its own KMS-encrypted group with the configured retention", async () => {
      for (const p of [prod, dr]) {
        const groups = children(p, T.logGroup);
        const cluster =
          p.stack === "prod-mumbai" ? "ecommerce-prod-mumbai" : "ecommerce-dr-singapore";
        // The database bootstrap Job runs in the primary only, in a namespace of its own.
        const bootstrap = p.stack === "prod-mumbai" ? ["db-bootstrap"] : [];
        expect(groups.map((g) => g.inputs.name)).to.have.members(
          ["kube-system", "istio-system", "shop", "observability", ...bootstrap, "unmatched"].map(
            (ns) => `/aws/eks/${cluster}/containers/${ns}`,
          ),
        );
        for (const g of groups) {
          expect(g.inputs.kmsKeyId).to.equal(dataKey(p, "logs"));
          expect(g.inputs.retentionInDays).to.equal(365);
        }
      }
      const longer = await plan("prod-mumbai", TUNED);
      for (const g of every(longer, T.logGroup, inObservability))
        expect(g.inputs.retentionInDays).to.equal(731);
    });

    it("lets fluent-bit write only to those groups, which it may not create", () => {
      const values = the(prod, T.release, "observability-fluent-bit").inputs.values as Spec;
      expect(values.cloudWatchLogs).to.deep.include({
        autoCreateGroup: false,
        logGroupTemplate: "/aws/eks/ecommerce-prod-mumbai/containers/$kubernetes['namespace_name']",
        logGroupName: "/aws/eks/ecommerce-prod-mumbai/containers/unmatched",
      });
      // cloudwatch_logs will not start without a plain stream name or prefix beside the template.
      expect(values.cloudWatchLogs.logStreamPrefix).to.be.a("string").and.not.equal("");
      const policy = JSON.parse(
        String(the(prod, T.rolePolicy, "observability-fluent-bit").inputs.policy),
      );
      expect(policy.Statement).to.have.length(1);
      expect(policy.Statement[0].Action).to.not.include("logs:CreateLogGroup");
      const arns = children(prod, T.logGroup).map((g) => g.outputs.arn);
      expect(policy.Statement[0].Resource).to.have.members(
        arns.flatMap((a) => [a, `${a}:log-stream:*`]),
      );
      expect(the(prod, T.association, "observability-fluent-bit").inputs.serviceAccount).to.equal(
        values.serviceAccount.name,
      );
      const release = the(prod, T.release, "observability-fluent-bit");
      for (const g of every(prod, T.logGroup, inObservability))
        expect(release.dependencies).to.include(g.urn);
    });
  });
});
