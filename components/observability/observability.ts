import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { podIdentityRole } from "../cluster/podIdentity";
import { TableName } from "../data/tables";
import { ChartPin, pinnedRelease } from "../shared/helm";
import { encryptedLogGroup } from "../shared/logGroup";
import { PolicyStatement, policyDocument } from "../shared/iamDocuments";
import { API_5XX_ALARM, AlarmSpec, AlarmTargets, AlarmThresholds, alarmSpecs } from "./alarms";
import { Dashboard, drDashboard, goldenSignalsDashboard, meshHealthDashboard } from "./dashboards";
import {
  DASHBOARD_LABEL,
  OBSERVABILITY_CHARTS,
  RELEASES,
  SERVICE_ACCOUNTS,
  collectorValues,
  fluentBitValues,
  jaegerValues,
  prometheusStackValues,
} from "./values";
import { createControllerMonitors, createShopRules } from "./monitoring";
import { alarmTopic } from "./topics";

export interface ObservabilityArgs {
  /** The stack's region (chart settings, the alarm topics and their key policies). */
  region: string;
  /** Account of the alarm topics' key and topic policies. */
  accountId: pulumi.Input<string>;
  /** Prefix of alarm, topic and dashboard names. */
  namePrefix: string;
  /** The EKS cluster: container log groups are `/aws/eks/<cluster>/containers/<namespace>`. */
  clusterName: string;
  /** The cluster's Kubernetes provider (the charts and their secrets). */
  provider: k8s.Provider;
  /** The cluster's readiness, its observability namespace and the mesh. */
  dependsOn: pulumi.Resource[];
  /** Where the stack's telemetry runs. */
  namespace: string;
  /** Namespaces whose container logs are shipped, one log group each. */
  logNamespaces: string[];
  /** The shop's namespace, its services and their application container. */
  shop: { namespace: string; services: string[]; container: string };
  /** StorageClass of Prometheus's and Alertmanager's volumes (the cluster's KMS-encrypted gp3). */
  storageClass: string;
  /** Prometheus, Alertmanager and collector replicas (two whenever the region serves traffic). */
  replicas: number;
  /** The collector address the mesh sends traces to (`<name>.<namespace>.svc.cluster.local`). */
  tracing: { service: string; port: number };
  /** Retention of the container log groups, days (a value CloudWatch accepts). */
  logRetentionDays: number;
  /** Prometheus: how long samples stay, days; the volume's size, GiB. */
  prometheus: { retentionDays: number; storageGiB: number };
  /** Alarm thresholds (replication lag ms, 5xx percent, p99 latency ms). */
  thresholds: AlarmThresholds;
  /** Subscribed to every alarm topic when set. Default: no subscription. */
  alertEmail?: string;
  /** The data layer's keys here: logs for the log groups, messaging for the alarm topic. */
  logsKeyArn: pulumi.Input<string>;
  /** The data layer's messaging key in this region, for the alarm topic. */
  messagingKeyArn: pulumi.Input<string>;
  /** The resources the alarms watch (ALB, API, Aurora secondary, tables, cache, queues). */
  alarms: AlarmTargets;
  /** The DR dashboard: every region (primary first), the global tables, the primary's health check. */
  dr: {
    regions: string[];
    tableNames: pulumi.Input<Record<TableName, string>>;
    healthCheckId: pulumi.Input<string>;
  };
  /** Pulumi `protect` on the alarm topics' keys. Default true. */
  protect?: boolean;
}

/**
 * Seeing one region: kube-prometheus-stack (Prometheus on an encrypted volume, Alertmanager to the
 * alarm topic, Grafana with dashboards as code), traces from the mesh through an OpenTelemetry
 * collector into Jaeger, container logs through aws-for-fluent-bit into encrypted CloudWatch log
 * groups, and the CloudWatch alarms of the region's entry, stores and replication.
 */
export class Observability extends pulumi.ComponentResource {
  /** Alarm ARNs by id (alarms.ts). */
  public readonly alarmArns: Record<string, pulumi.Output<string>>;
  /** The alarm chaos drills stop on: the regional API's 5xx rate. */
  public readonly apiErrorAlarmArn: pulumi.Output<string>;
  public readonly alarmTopicArn: pulumi.Output<string>;
  public readonly logGroupNames: pulumi.Output<string[]>;

  constructor(name: string, args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:observability:Observability", name, {}, opts);
    const parent = { parent: this };
    const protect = args.protect ?? true;

    const specs = alarmSpecs(args.alarms, args.thresholds);
    const topics = new Map<string, aws.sns.Topic>();
    const topicIn = (region: string | undefined) => {
      const key = region ?? args.region;
      if (!topics.has(key)) topics.set(key, alarmTopic(this, name, args, region, protect));
      return topics.get(key) as aws.sns.Topic;
    };
    const regional = topicIn(undefined);
    this.alarmArns = Object.fromEntries(
      specs.map((spec) => [spec.id, this.alarm(name, args, spec, topicIn(spec.region)).arn]),
    );
    this.apiErrorAlarmArn = this.alarmArns[API_5XX_ALARM];
    this.alarmTopicArn = regional.arn;

    const logGroups = this.logGroups(name, args);
    this.logGroupNames = pulumi.output(logGroups.map((g) => g.name));

    const identityOpts = { parent: this, dependsOn: args.dependsOn };
    const identity = (
      id: string,
      serviceAccount: string,
      statements: pulumi.Input<PolicyStatement[]>,
    ) =>
      podIdentityRole(
        `${name}-${id}`,
        {
          clusterName: args.clusterName,
          accountId: args.accountId,
          namespace: args.namespace,
          serviceAccount,
          policy: pulumi.output(statements).apply((s) => policyDocument(s as PolicyStatement[])),
          description: `${serviceAccount} in ${args.namespace}`,
        },
        identityOpts,
      );
    const alertmanager = identity(
      "alertmanager",
      SERVICE_ACCOUNTS.alertmanager,
      pulumi.all([regional.arn, args.messagingKeyArn]).apply(([topic, key]): PolicyStatement[] => [
        { Sid: "PublishAlerts", Effect: "Allow", Action: "sns:Publish", Resource: topic },
        // The topic is encrypted: publishing needs a data key from its CMK, through SNS only.
        {
          Sid: "EncryptForTopic",
          Effect: "Allow",
          Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
          Resource: key,
          Condition: { StringEquals: { "kms:ViaService": `sns.${args.region}.amazonaws.com` } },
        },
      ]),
    );
    const grafana = identity("grafana", SERVICE_ACCOUNTS.grafana, [
      {
        Sid: "ReadMetricsAndAlarms",
        Effect: "Allow",
        // CloudWatch reads have no resource-level permissions (Grafana's documented minimum).
        Action: [
          "cloudwatch:DescribeAlarmsForMetric",
          "cloudwatch:DescribeAlarmHistory",
          "cloudwatch:DescribeAlarms",
          "cloudwatch:ListMetrics",
          "cloudwatch:GetMetricData",
          "cloudwatch:GetInsightRuleReport",
          "tag:GetResources",
          "ec2:DescribeRegions",
        ],
        Resource: "*",
      },
    ]);
    const fluentBit = identity(
      "fluent-bit",
      SERVICE_ACCOUNTS.fluentBit,
      pulumi.output(logGroups.map((g) => g.arn)).apply((arns): PolicyStatement[] => [
        {
          Sid: "ShipContainerLogs",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          Resource: arns.flatMap((arn) => [arn, `${arn}:log-stream:*`]),
        },
      ]),
    );

    const k8sOpts = { parent: this, provider: args.provider };
    // Grafana's admin: generated, kept in a Kubernetes Secret the chart reads (never in values).
    const adminPassword = new random.RandomPassword(
      `${name}-grafana-admin`,
      { length: 32, special: false },
      parent,
    );
    const adminSecret = new k8s.core.v1.Secret(
      `${name}-grafana-admin`,
      {
        metadata: { name: "grafana-admin", namespace: args.namespace },
        type: "Opaque",
        stringData: { "admin-user": "admin", "admin-password": adminPassword.result },
      },
      { ...k8sOpts, dependsOn: args.dependsOn },
    );

    const release = (
      id: string,
      chart: ChartPin,
      values: pulumi.Input<Record<string, unknown>>,
      dependsOn: pulumi.Resource[],
    ) =>
      pinnedRelease(`${name}-${id}`, { name: id, namespace: args.namespace, values }, chart, {
        ...k8sOpts,
        dependsOn: [...args.dependsOn, ...dependsOn],
      });

    const stack = release(
      RELEASES.prometheusStack,
      OBSERVABILITY_CHARTS.prometheusStack,
      regional.arn.apply((alarmTopicArn) =>
        prometheusStackValues({
          region: args.region,
          clusterName: args.clusterName,
          storageClass: args.storageClass,
          retentionDays: args.prometheus.retentionDays,
          storageGiB: args.prometheus.storageGiB,
          replicas: args.replicas,
          alarmTopicArn,
          grafanaAdminSecret: "grafana-admin",
        }),
      ),
      [adminSecret, alertmanager.role, grafana.role, ...associations(alertmanager, grafana)],
    );

    // Traces: Jaeger (Badger on its own encrypted volume) behind the collector the mesh targets.
    const traces = new k8s.core.v1.PersistentVolumeClaim(
      `${name}-jaeger-traces`,
      {
        metadata: {
          name: "jaeger-traces",
          namespace: args.namespace,
          // The claim binds only when Jaeger's pod is scheduled (WaitForFirstConsumer).
          annotations: { "pulumi.com/skipAwait": "true" },
        },
        spec: {
          storageClassName: args.storageClass,
          accessModes: ["ReadWriteOnce"],
          resources: { requests: { storage: "50Gi" } },
        },
      },
      { ...k8sOpts, dependsOn: args.dependsOn },
    );
    const jaeger = release(
      RELEASES.jaeger,
      OBSERVABILITY_CHARTS.jaeger,
      jaegerValues("jaeger-traces"),
      [traces],
    );
    const [collectorName] = args.tracing.service.split(".");
    release(
      collectorName,
      OBSERVABILITY_CHARTS.collector,
      collectorValues({
        name: collectorName,
        port: args.tracing.port,
        namespace: args.namespace,
        replicas: args.replicas,
      }),
      [jaeger],
    );

    release(
      RELEASES.fluentBit,
      OBSERVABILITY_CHARTS.fluentBit,
      fluentBitValues({
        region: args.region,
        logGroupPrefix: containerLogPrefix(args.clusterName),
        fallbackLogGroup: `${containerLogPrefix(args.clusterName)}/${UNMATCHED_LOGS}`,
      }),
      [fluentBit.role, ...associations(fluentBit), ...logGroups],
    );

    // Dashboards: ConfigMaps the Grafana sidecar loads from any namespace.
    const dashboards: Record<string, pulumi.Output<Dashboard>> = {
      "shop-golden-signals": pulumi.output(
        goldenSignalsDashboard(args.shop.namespace, args.shop.services, args.shop.container),
      ),
      "mesh-health": pulumi.output(meshHealthDashboard(args.shop.namespace)),
      "disaster-recovery": pulumi
        .all([args.dr.tableNames, args.dr.healthCheckId])
        .apply(([tableNames, healthCheckId]) =>
          drDashboard({ regions: args.dr.regions, tableNames, healthCheckId }),
        ),
    };
    for (const [id, dashboard] of Object.entries(dashboards)) {
      new k8s.core.v1.ConfigMap(
        `${name}-dashboard-${id}`,
        {
          metadata: { name: `dashboard-${id}`, namespace: args.namespace, labels: DASHBOARD_LABEL },
          data: { [`${id}.json`]: dashboard.apply((d) => JSON.stringify(d)) },
        },
        { ...k8sOpts, dependsOn: args.dependsOn },
      );
    }

    createShopRules(name, {
      namespace: args.namespace,
      shopNamespace: args.shop.namespace,
      p99LatencyMs: args.thresholds.apiP99LatencyMs,
      opts: { ...k8sOpts, dependsOn: [stack] },
    });
    createControllerMonitors(name, { ...k8sOpts, dependsOn: [stack] });

    this.registerOutputs({
      alarmArns: this.alarmArns,
      alarmTopicArn: this.alarmTopicArn,
      logGroupNames: this.logGroupNames,
    });
  }

  private alarm(
    name: string,
    args: ObservabilityArgs,
    spec: AlarmSpec,
    topic: aws.sns.Topic,
  ): aws.cloudwatch.MetricAlarm {
    return new aws.cloudwatch.MetricAlarm(
      `${name}-${spec.id}`,
      {
        ...(spec.region ? { region: spec.region } : {}),
        name: `${args.namePrefix}-${spec.id}`,
        alarmDescription: spec.description,
        threshold: spec.threshold,
        comparisonOperator: spec.comparisonOperator,
        evaluationPeriods: spec.evaluationPeriods,
        datapointsToAlarm: spec.datapointsToAlarm,
        treatMissingData: spec.treatMissingData,
        ...(spec.metric ?? {}),
        metricQueries: spec.metricQueries,
        // Recovery is news too: on-call learns when to stand down.
        alarmActions: [topic.arn],
        okActions: [topic.arn],
        ...(spec.notifyInsufficientData ? { insufficientDataActions: [topic.arn] } : {}),
        tags: { Name: `${args.namePrefix}-${spec.id}` },
      },
      { parent: this },
    );
  }

  /** One KMS-encrypted group per namespace (and one for records without one), with retention. */
  private logGroups(name: string, args: ObservabilityArgs): aws.cloudwatch.LogGroup[] {
    return [...args.logNamespaces, UNMATCHED_LOGS].map(
      (ns) =>
        encryptedLogGroup(
          `${name}-logs-${ns}`,
          {
            logGroupName: `${containerLogPrefix(args.clusterName)}/${ns}`,
            retentionInDays: args.logRetentionDays,
            key: { kind: "shared", arn: args.logsKeyArn },
          },
          { parent: this },
        ).group,
    );
  }
}

/** The group records go to when fluent-bit cannot tell their namespace. */
export const UNMATCHED_LOGS = "unmatched";

/** Container log groups are `/aws/eks/<cluster>/containers/<namespace>`. */
export function containerLogPrefix(clusterName: string): string {
  return `/aws/eks/${clusterName}/containers`;
}

/** The Pod Identity associations (so a chart's pods start with credentials). */
function associations(...identities: { association?: pulumi.Resource }[]): pulumi.Resource[] {
  return identities.flatMap((i) => (i.association ? [i.association] : []));
}
