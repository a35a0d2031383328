/**
 * Pure builders for the observability charts' values: kube-prometheus-stack, the OpenTelemetry
 * collector, Jaeger and aws-for-fluent-bit. Pinned upstream charts; the keys follow each chart's
 * values.yaml at the pinned version.
 */
import { podScrapeAnnotations } from "../shared/scrape";

export const OBSERVABILITY_CHARTS = {
  prometheusStack: {
    chart: "kube-prometheus-stack",
    version: "88.5.3",
    repo: "https://prometheus-community.github.io/helm-charts",
  },
  collector: {
    chart: "opentelemetry-collector",
    version: "0.170.0",
    repo: "https://open-telemetry.github.io/opentelemetry-helm-charts",
  },
  // Chart 4.x is Jaeger v2 (itself an OpenTelemetry collector distribution).
  jaeger: {
    chart: "jaeger",
    version: "4.11.1",
    repo: "https://jaegertracing.github.io/helm-charts",
  },
  // 0.2.0 ships aws-for-fluent-bit 3.x, whose cloudwatch_logs output takes EKS Pod Identity credentials.
  fluentBit: {
    chart: "aws-for-fluent-bit",
    version: "0.2.0",
    repo: "https://aws.github.io/eks-charts",
  },
};

/** Service accounts the AWS-facing pods run as (each bound to a Pod Identity role). */
export const SERVICE_ACCOUNTS = {
  alertmanager: "alertmanager",
  grafana: "grafana",
  fluentBit: "fluent-bit",
};

/** The label kube-prometheus-stack's Grafana sidecar loads dashboards from. */
export const DASHBOARD_LABEL = { grafana_dashboard: "1" };
/** Grafana's CloudWatch data source (the DR dashboard's AWS panels query it). */
export const CLOUDWATCH_DATASOURCE_UID = "cloudwatch";
export const PROMETHEUS_DATASOURCE_UID = "prometheus";

/** Jaeger's in-cluster name; the collector exports to its OTLP port. */
export const JAEGER_NAME = "jaeger";
export const OTLP_GRPC_PORT = 4317;
export const OTLP_HTTP_PORT = 4318;

/**
 * Helm release names of the fixed charts; the collector's release takes the tracing service's
 * name, which therefore must not be one of these or a name their charts derive from them.
 */
export const RELEASES = { prometheusStack: "kps", jaeger: JAEGER_NAME, fluentBit: "fluent-bit" };
/** Helm refuses longer release names. */
export const MAX_RELEASE_NAME = 53;
/** How long Jaeger keeps traces on its volume. */
export const TRACE_RETENTION_HOURS = 7 * 24;

/** Runs on every node, whatever its taints (log shipping must not miss the system nodes). */
const EVERY_NODE = [{ operator: "Exists" }];

/** What the restricted Pod Security level requires of a container. */
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ["ALL"] },
  seccompProfile: { type: "RuntimeDefault" },
};

export interface PrometheusStackInputs {
  region: string;
  clusterName: string;
  storageClass: string;
  retentionDays: number;
  storageGiB: number;
  /** Prometheus and Alertmanager replicas (two whenever the region serves traffic). */
  replicas: number;
  alarmTopicArn: string;
  grafanaAdminSecret: string;
}

/**
 * Scrapes every pod that asks to be (`prometheus.io/*` annotations). Istio rewrites a meshed
 * pod's annotations to its agent (:15020), which serves the proxy's Istio metrics merged with the
 * application's own, so one job covers the mesh and the services without crossing mTLS.
 */
export function annotatedPodsScrapeConfig() {
  return {
    job_name: "kubernetes-pods",
    kubernetes_sd_configs: [{ role: "pod" }],
    relabel_configs: [
      {
        source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"],
        action: "keep",
        regex: "true",
      },
      {
        source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_path"],
        action: "replace",
        target_label: "__metrics_path__",
        regex: "(.+)",
      },
      {
        source_labels: ["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"],
        action: "replace",
        regex: "([^:]+)(?::\\d+)?;(\\d+)",
        replacement: "$1:$2",
        target_label: "__address__",
      },
      { action: "labelmap", regex: "__meta_kubernetes_pod_label_(.+)" },
      { source_labels: ["__meta_kubernetes_namespace"], target_label: "namespace" },
      { source_labels: ["__meta_kubernetes_pod_name"], target_label: "pod" },
    ],
  };
}

/**
 * The subject of Alertmanager's SNS messages. SNS refuses a subject of 100 characters or more
 * (Publish: "less than 100 characters long") and Alertmanager 0.34 neither shortens one nor retries
 * the refusal (notify/sns/sns.go, notify/util.go). Its default subject lists every label the
 * grouped alerts share, cluster and region included, which is longer than that for nearly every
 * alert, so every page would be dropped. This one names the status, the alert and the cluster, cut
 * to 99 characters. Left as Alertmanager template text: the chart does not template its config
 * (`alertmanager.tplConfig` is off).
 */
export const ALERTMANAGER_SNS_SUBJECT =
  '{{ reReplaceAll "^(.{0,99}).*$" "$1" (printf "[%s] %s %s" (.Status | toUpper) .CommonLabels.alertname .CommonLabels.cluster) }}';

export function prometheusStackValues(i: PrometheusStackInputs) {
  const volume = (gib: number) => ({
    volumeClaimTemplate: {
      spec: {
        storageClassName: i.storageClass,
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: `${gib}Gi` } },
      },
    },
  });
  return {
    // Short and fixed: object names (and the Pod Identity service accounts) stay predictable.
    fullnameOverride: RELEASES.prometheusStack,
    // EKS runs the control plane: its scheduler, controller manager and etcd cannot be scraped,
    // and kube-proxy binds its metrics to localhost.
    kubeControllerManager: { enabled: false },
    kubeScheduler: { enabled: false },
    kubeEtcd: { enabled: false },
    kubeProxy: { enabled: false },
    prometheus: {
      prometheusSpec: {
        replicas: i.replicas,
        retention: `${i.retentionDays}d`,
        // Old blocks go before the volume fills: Prometheus stops ingesting on a full disk.
        retentionSize: `${Math.floor(i.storageGiB * 0.85)}GiB`,
        storageSpec: volume(i.storageGiB),
        externalLabels: { region: i.region, cluster: i.clusterName },
        // Pick up every ServiceMonitor, PodMonitor and rule, not only the chart's own.
        serviceMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelectorNilUsesHelmValues: false,
        ruleSelectorNilUsesHelmValues: false,
        additionalScrapeConfigs: [annotatedPodsScrapeConfig()],
        resources: {
          requests: { cpu: "500m", memory: "2Gi" },
          limits: { memory: "6Gi" },
        },
      },
    },
    alertmanager: {
      serviceAccount: { create: true, name: SERVICE_ACCOUNTS.alertmanager },
      alertmanagerSpec: {
        replicas: i.replicas,
        storage: volume(10),
        resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
      },
      // Alerts go to the region's alarm topic (credentials from Pod Identity), except the
      // always-firing Watchdog, which only proves the pipeline is alive, and info-level ones.
      config: {
        route: {
          receiver: "sns",
          group_by: ["alertname", "namespace"],
          group_wait: "30s",
          group_interval: "5m",
          repeat_interval: "4h",
          routes: [
            { receiver: "null", matchers: ['alertname = "Watchdog"'] },
            // The chart's informational alerts (and the InfoInhibitor that mutes them) page no one.
            { receiver: "null", matchers: ['alertname = "InfoInhibitor"'] },
            { receiver: "null", matchers: ['severity = "info"'] },
          ],
        },
        receivers: [
          { name: "null" },
          {
            name: "sns",
            sns_configs: [
              {
                topic_arn: i.alarmTopicArn,
                sigv4: { region: i.region },
                send_resolved: true,
                subject: ALERTMANAGER_SNS_SUBJECT,
              },
            ],
          },
        ],
      },
    },
    grafana: {
      admin: {
        existingSecret: i.grafanaAdminSecret,
        userKey: "admin-user",
        passwordKey: "admin-password",
      },
      serviceAccount: { create: true, name: SERVICE_ACCOUNTS.grafana },
      sidecar: {
        dashboards: {
          enabled: true,
          label: Object.keys(DASHBOARD_LABEL)[0],
          labelValue: Object.values(DASHBOARD_LABEL)[0],
          searchNamespace: "ALL",
        },
      },
      additionalDataSources: [
        {
          name: "CloudWatch",
          type: "cloudwatch",
          uid: CLOUDWATCH_DATASOURCE_UID,
          // The default chain: Grafana's Pod Identity role.
          jsonData: { authType: "default", defaultRegion: i.region },
        },
      ],
      "grafana.ini": {
        analytics: { check_for_updates: false, reporting_enabled: false },
        users: { allow_sign_up: false },
        "auth.anonymous": { enabled: false },
      },
    },
  };
}

export interface CollectorInputs {
  /** The Service name the mesh sends traces to (its `tracing.service`, first label). */
  name: string;
  /** The Service port the mesh sends OTLP/gRPC to. */
  port: number;
  namespace: string;
  replicas: number;
}

/** Where an OpenTelemetry collector (the collector itself, or Jaeger v2) serves its own metrics. */
export const COLLECTOR_METRICS_PORT = 8888;

/** A collector's `service.telemetry`: its own metrics for Prometheus to pull, on `host`. */
function prometheusTelemetry(host: string) {
  return {
    metrics: {
      readers: [{ pull: { exporter: { prometheus: { host, port: COLLECTOR_METRICS_PORT } } } }],
    },
  };
}

/** The OpenTelemetry collector: OTLP from the Istio proxies in, batched, out to Jaeger. */
export function collectorValues(c: CollectorInputs) {
  return {
    mode: "deployment",
    fullnameOverride: c.name,
    image: {
      repository:
        "ghcr.io/open-telemetry/opentelemetry-collector-releases/opentelemetry-collector-k8s",
    },
    command: { name: "otelcol-k8s" },
    replicaCount: c.replicas,
    // The mesh reaches the collector at tracing.port; the pod keeps listening on 4317.
    ports: {
      otlp: { enabled: true, containerPort: OTLP_GRPC_PORT, servicePort: c.port },
      "jaeger-compact": { enabled: false },
      "jaeger-thrift": { enabled: false },
      "jaeger-grpc": { enabled: false },
      zipkin: { enabled: false },
    },
    // Spans gain the pod, deployment and namespace they came from.
    presets: { kubernetesAttributes: { enabled: true } },
    // Prometheus's `kubernetes-pods` job scrapes the collector's own metrics through these (the
    // chart's metrics port and ServiceMonitor are off by default at 0.170.0, `ports.metrics` and
    // `serviceMonitor` in its values.yaml; the pod annotations are read by `_helpers.tpl`).
    podAnnotations: podScrapeAnnotations(COLLECTOR_METRICS_PORT),
    // The whole configuration, not merged with the chart's `config` (chart 0.170.0's
    // `alternateConfig`): the chart's defaults would add jaeger and zipkin receivers and logs and
    // metrics pipelines that export to `debug`, none of which the mesh uses. The preset above
    // still injects the k8s_attributes processor's settings.
    alternateConfig: {
      // The chart's probes need health_check.
      extensions: { health_check: { endpoint: "${env:MY_POD_IP}:13133" } },
      receivers: {
        otlp: {
          protocols: {
            grpc: { endpoint: `\${env:MY_POD_IP}:${OTLP_GRPC_PORT}` },
            http: { endpoint: "${env:MY_POD_IP}:4318" },
          },
        },
      },
      processors: {
        batch: {},
        memory_limiter: {
          check_interval: "5s",
          limit_percentage: 80,
          spike_limit_percentage: 25,
        },
      },
      // `otlp_grpc`: the OTLP/gRPC exporter's type since collector 0.144 (`otlp` is its deprecated
      // alias, logged as such by the 0.158.0 image chart 0.170.0 runs: exporter/otlpexporter's
      // metadata.yaml).
      exporters: {
        "otlp_grpc/jaeger": {
          endpoint: `${JAEGER_NAME}.${c.namespace}.svc.cluster.local:${OTLP_GRPC_PORT}`,
          tls: { insecure: true },
        },
      },
      service: {
        // The collector's own metrics, on the pod's address for the scrape annotated above.
        telemetry: prometheusTelemetry("${env:MY_POD_IP}"),
        extensions: ["health_check"],
        pipelines: {
          traces: {
            receivers: ["otlp"],
            // `k8s_attributes`: the processor's name since collector 0.146 (the chart rewrites
            // the old `k8sattributes` only until a future release, UPGRADING.md at 0.170.0).
            processors: ["memory_limiter", "k8s_attributes", "batch"],
            exporters: ["otlp_grpc/jaeger"],
          },
        },
      },
    },
    resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
    securityContext: RESTRICTED_CONTAINER,
  };
}

/** Jaeger v2 with Badger on an encrypted volume: the trace store and UI of this region. */
export function jaegerValues(claimName: string) {
  const store = "badger_store";
  return {
    fullnameOverride: JAEGER_NAME,
    jaeger: {
      // Badger is a single-writer embedded store: one replica owns the volume.
      replicas: 1,
      extraVolumes: [{ name: "traces", persistentVolumeClaim: { claimName } }],
      extraVolumeMounts: [{ name: "traces", mountPath: "/badger" }],
      resources: { requests: { cpu: "200m", memory: "512Mi" }, limits: { memory: "2Gi" } },
    },
    userconfig: {
      service: {
        // The chart annotates Jaeger's pod for scraping on 8888 (templates/jaeger/jaeger-deploy.yaml
        // at 4.11.1), but the collector core Jaeger 2.x is built on serves its metrics on
        // localhost:8888 unless told otherwise: without this the target is always down (and
        // TargetDown pages). Upstream's own cmd/jaeger configs listen on 0.0.0.0:8888 the same way.
        telemetry: prometheusTelemetry("0.0.0.0"),
        extensions: ["jaeger_storage", "jaeger_query", "healthcheckv2"],
        pipelines: {
          traces: {
            receivers: ["otlp"],
            processors: ["batch"],
            exporters: ["jaeger_storage_exporter"],
          },
        },
      },
      extensions: {
        // The chart's probes ask :13133/status.
        healthcheckv2: { use_v2: true, http: { endpoint: "0.0.0.0:13133" } },
        jaeger_query: { storage: { traces: store } },
        jaeger_storage: {
          backends: {
            [store]: {
              badger: {
                directories: { keys: "/badger/keys", values: "/badger/values" },
                ephemeral: false,
                ttl: { spans: `${TRACE_RETENTION_HOURS}h` },
              },
            },
          },
        },
      },
      receivers: {
        otlp: {
          protocols: {
            grpc: { endpoint: `0.0.0.0:${OTLP_GRPC_PORT}` },
            http: { endpoint: `0.0.0.0:${OTLP_HTTP_PORT}` },
          },
        },
      },
      processors: { batch: {} },
      exporters: { jaeger_storage_exporter: { trace_storage: store } },
    },
  };
}

export interface FluentBitInputs {
  region: string;
  /** `<prefix>/<namespace>`: one pre-created, encrypted group per namespace. */
  logGroupPrefix: string;
  /** Where records whose namespace cannot be read go. */
  fallbackLogGroup: string;
}

/** aws-for-fluent-bit: container logs to the pre-created CloudWatch groups, nothing else. */
export function fluentBitValues(f: FluentBitInputs) {
  return {
    serviceAccount: { create: true, name: SERVICE_ACCOUNTS.fluentBit },
    cloudWatchLogs: {
      enabled: true,
      region: f.region,
      logGroupName: f.fallbackLogGroup,
      logGroupTemplate: `${f.logGroupPrefix}/$kubernetes['namespace_name']`,
      logStreamTemplate: "$kubernetes['pod_name'].$kubernetes['container_name']",
      // The plugin refuses to start without a plain stream name or prefix, the template's fallback.
      logStreamPrefix: "fluent-bit-",
      // The groups exist already, encrypted and with retention; the role cannot create others.
      autoCreateGroup: false,
    },
    firehose: { enabled: false },
    kinesis: { enabled: false },
    elasticsearch: { enabled: false },
    tolerations: EVERY_NODE,
    resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "256Mi" } },
  };
}
