/**
 * The CloudWatch alarms of one region, as data: which metric, which threshold, how many minutes
 * must breach. The component binds each spec to the alarm topic; tests read the specs directly.
 */
import * as pulumi from "@pulumi/pulumi";
import { TABLES, TableName } from "../data/tables";

/** Thresholds from `ecommerce:observability.alarms` (stacks/config/observability.ts). */
export interface AlarmThresholds {
  /** Percent of the ALB's requests answered with a 5xx (by the targets or the ALB itself). */
  alb5xxPercent: number;
  /** API Gateway 5xx responses per minute; also the stop condition of every chaos drill. */
  api5xxPerMinute: number;
  /** API Gateway p99 latency, milliseconds. */
  apiP99LatencyMs: number;
  /** Aurora global database lag of this region's secondary cluster, milliseconds. */
  auroraReplicationLagMs: number;
  /**
   * Aurora PostgreSQL's RPO lag of this region's secondary (how long the newest commit takes to be
   * stored here), milliseconds: what `rds.global_db_rpo` enforces on the primary.
   */
  auroraRpoLagMs: number;
  /** DynamoDB global-table replication latency to the other region, milliseconds. */
  dynamodbReplicationLatencyMs: number;
  /** Valkey engine CPU of the busiest node, percent. */
  cacheCpuPercent: number;
  /** Keys evicted per minute across the cache's nodes. */
  cacheEvictionsPerMinute: number;
}

/** What the alarms watch in this region. */
export interface AlarmTargets {
  albArnSuffix: pulumi.Input<string>;
  apiId: pulumi.Input<string>;
  /** Set while this region's Aurora cluster is a secondary of the global database. */
  auroraSecondaryClusterId?: pulumi.Input<string>;
  tableNames: pulumi.Input<Record<TableName, string>>;
  /** Regions this region's table writes replicate to (the `ReceivingRegion` dimension). */
  replicaRegions: string[];
  cacheNodeIds: pulumi.Input<string[]>;
  deadLetterQueueName: pulumi.Input<string>;
  /** The primary's Route 53 health check of the API; its metrics exist only in us-east-1. */
  healthCheckId?: pulumi.Input<string>;
}

interface MetricQuery {
  id: string;
  expression?: string;
  /** Seconds; set only on a Metrics Insights query, whose granularity it is. */
  period?: number;
  label?: string;
  returnData?: boolean;
  metric?: {
    namespace: string;
    metricName: string;
    dimensions: Record<string, pulumi.Input<string>>;
    stat: string;
    period: number;
  };
}

export interface AlarmSpec {
  /** Logical suffix and physical name suffix of the alarm. */
  id: string;
  description: string;
  /** us-east-1 for Route 53 health checks; unset means the stack's region. */
  region?: string;
  threshold: number;
  comparisonOperator: "GreaterThanThreshold" | "LessThanThreshold";
  /** One-minute periods looked at, and how many of them must breach. */
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissingData: "notBreaching" | "breaching" | "missing" | "ignore";
  /** Also notify when the alarm has no data: for metrics whose silence is itself a fault. */
  notifyInsufficientData?: boolean;
  /** A single metric … */
  metric?: {
    namespace: string;
    metricName: string;
    dimensions: pulumi.Input<Record<string, pulumi.Input<string>>>;
    statistic?: string;
    extendedStatistic?: string;
    period: number;
  };
  /** … or metric math over several (the last query returns the alarmed value). */
  metricQueries?: pulumi.Input<MetricQuery[]>;
}

/** The alarm every chaos drill stops on. */
export const API_5XX_ALARM = "api-5xx";

/** Route 53 publishes health-check metrics only in us-east-1. */
export const ROUTE53_METRICS_REGION = "us-east-1";
/** The primary's API health alarm: the standby's Region switch plan may trigger on it. */
export const ROUTE53_API_HEALTH_ALARM = "route53-api-health";

/** Three of five minutes: a short blip does not page, a sustained problem does within minutes. */
const SUSTAINED = { evaluationPeriods: 5, datapointsToAlarm: 3 };
const MINUTE = 60;

/**
 * A Metrics Insights query for the largest value of one metric over every series whose dimensions
 * include `where`. Values go between single quotes; one holding a quote or a backslash is refused
 * rather than escaped (no dimension value here can hold either: they are resource identifiers).
 */
export function metricsInsightsMax(
  namespace: string,
  metricName: string,
  where: Record<string, string>,
): string {
  const quote = (v: string) => {
    if (/['\\]/.test(v))
      throw new Error(`a Metrics Insights filter value may not hold ' or \\: ${v}`);
    return `'${v}'`;
  };
  const filter = Object.entries(where)
    .map(([k, v]) => `${k} = ${quote(v)}`)
    .join(" AND ");
  return `SELECT MAX(${metricName}) FROM "${namespace}" WHERE ${filter}`;
}

/** Every alarm of one region, in a stable order. */
export function alarmSpecs(t: AlarmTargets, th: AlarmThresholds): AlarmSpec[] {
  const specs: AlarmSpec[] = [
    {
      id: "alb-5xx-rate",
      description: `More than ${th.alb5xxPercent}% of the regional ALB's requests end in a 5xx`,
      threshold: th.alb5xxPercent,
      comparisonOperator: "GreaterThanThreshold",
      ...SUSTAINED,
      // No requests means no rate, not an outage: the API alarms and the health check cover that.
      // RequestCount counts only requests the ALB could route to a target ("Reported if there are
      // registered targets", ALB CloudWatch metrics), so the 503s it answers itself with no target
      // left join the denominator too: a gateway with no pods reads 100 %, not "no data". (Its
      // 502s and 504s had a target, so RequestCount has them already.)
      treatMissingData: "notBreaching",
      metricQueries: pulumi.output(t.albArnSuffix).apply((lb) => {
        const m = (id: string, metricName: string): MetricQuery => ({
          id,
          returnData: false,
          metric: {
            namespace: "AWS/ApplicationELB",
            metricName,
            dimensions: { LoadBalancer: lb },
            stat: "Sum",
            period: MINUTE,
          },
        });
        return [
          m("target5xx", "HTTPCode_Target_5XX_Count"),
          m("elb5xx", "HTTPCode_ELB_5XX_Count"),
          m("requests", "RequestCount"),
          m("elb503", "HTTPCode_ELB_503_Count"),
          {
            id: "rate",
            expression:
              "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / (FILL(requests, 0) + FILL(elb503, 0))",
            label: "5xx percent",
            returnData: true,
          },
        ];
      }),
    },
    {
      id: API_5XX_ALARM,
      description: `The regional API returns more than ${th.api5xxPerMinute} server errors a minute (also stops chaos drills)`,
      threshold: th.api5xxPerMinute,
      comparisonOperator: "GreaterThanThreshold",
      // One minute: a chaos drill must stop as soon as shoppers see errors.
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: "notBreaching",
      metric: {
        namespace: "AWS/ApiGateway",
        metricName: "5xx",
        dimensions: { ApiId: t.apiId },
        statistic: "Sum",
        period: MINUTE,
      },
    },
    {
      id: "api-p99-latency",
      description: `The regional API's p99 latency is above ${th.apiP99LatencyMs} ms`,
      threshold: th.apiP99LatencyMs,
      comparisonOperator: "GreaterThanThreshold",
      ...SUSTAINED,
      treatMissingData: "notBreaching",
      metric: {
        namespace: "AWS/ApiGateway",
        metricName: "Latency",
        dimensions: { ApiId: t.apiId },
        extendedStatistic: "p99",
        period: MINUTE,
      },
    },
  ];

  if (t.auroraSecondaryClusterId !== undefined) {
    // Both Aurora figures are reported for the secondary cluster. Each pages after three minutes
    // over its bound. Silence is not taken for health: with `missing` the alarm goes to
    // INSUFFICIENT_DATA, which notifies too, since a joined secondary always reports.
    //
    // A Metrics Insights query rather than a metric with dimensions: an alarm on a metric matches
    // its dimension set exactly, and AWS documents `SourceRegion` as an Aurora dimension and shows
    // these lag metrics under "DBClusterIdentifier, SourceRegion" without listing their exact sets.
    // `WHERE DBClusterIdentifier = …` matches the cluster's series whichever set they carry.
    const clusterId = t.auroraSecondaryClusterId;
    const secondaryLag = (id: string, metricName: string, threshold: number, description: string) =>
      specs.push({
        id,
        description,
        threshold,
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: "missing",
        notifyInsufficientData: true,
        metricQueries: pulumi.output(clusterId).apply((cluster) => [
          {
            id: "lag",
            expression: metricsInsightsMax("AWS/RDS", metricName, { DBClusterIdentifier: cluster }),
            period: MINUTE,
            label: `${metricName} (ms)`,
            returnData: true,
          },
        ]),
      });
    secondaryLag(
      "aurora-replication-lag",
      "AuroraGlobalDBReplicationLag",
      th.auroraReplicationLagMs,
      `This region's Aurora secondary lags the writer by more than ${th.auroraReplicationLagMs} ms (the relational RPO)`,
    );
    // The data-loss figure itself: AuroraGlobalDBRPOLag, a cluster-level AWS/RDS metric in
    // milliseconds, published for the secondary cluster (Aurora User Guide, "Cluster-level metrics
    // for Amazon Aurora"; the switchover guide names it for every Aurora PostgreSQL secondary).
    secondaryLag(
      "aurora-rpo-lag",
      "AuroraGlobalDBRPOLag",
      th.auroraRpoLagMs,
      `The newest commit takes more than ${th.auroraRpoLagMs} ms to reach this region's Aurora secondary (the relational RPO)`,
    );
  }

  for (const table of TABLES) {
    for (const receivingRegion of t.replicaRegions) {
      specs.push({
        id: `dynamodb-${table}-replication-${receivingRegion}`,
        description: `Writes to ${table} take more than ${th.dynamodbReplicationLatencyMs} ms to reach ${receivingRegion} (the key-value RPO)`,
        threshold: th.dynamodbReplicationLatencyMs,
        comparisonOperator: "GreaterThanThreshold",
        ...SUSTAINED,
        // Published only while writes replicate: a quiet table is not a lagging one.
        treatMissingData: "notBreaching",
        metric: {
          namespace: "AWS/DynamoDB",
          metricName: "ReplicationLatency",
          dimensions: {
            TableName: pulumi.output(t.tableNames).apply((names) => names[table]),
            ReceivingRegion: receivingRegion,
          },
          statistic: "Average",
          period: MINUTE,
        },
      });
    }
  }

  const perNode = (metricName: string, stat: string, combine: "MAX" | "SUM", label: string) =>
    pulumi.output(t.cacheNodeIds).apply((nodes): MetricQuery[] => [
      ...nodes.map((node, i) => ({
        id: `node${i}`,
        returnData: false,
        metric: {
          namespace: "AWS/ElastiCache",
          metricName,
          dimensions: { CacheClusterId: node },
          stat,
          period: MINUTE,
        },
      })),
      {
        id: "combined",
        expression: `${combine}([${nodes.map((_, i) => `node${i}`).join(", ")}])`,
        label,
        returnData: true,
      },
    ]);
  specs.push(
    {
      id: "cache-cpu",
      description: `A cache node's engine CPU is above ${th.cacheCpuPercent}%`,
      threshold: th.cacheCpuPercent,
      comparisonOperator: "GreaterThanThreshold",
      ...SUSTAINED,
      treatMissingData: "missing",
      // Valkey runs commands on one thread: engine CPU, not host CPU, shows it saturating.
      metricQueries: perNode("EngineCPUUtilization", "Average", "MAX", "busiest node CPU %"),
    },
    {
      id: "cache-evictions",
      description: `The cache evicts more than ${th.cacheEvictionsPerMinute} keys a minute (it is too small)`,
      threshold: th.cacheEvictionsPerMinute,
      comparisonOperator: "GreaterThanThreshold",
      ...SUSTAINED,
      treatMissingData: "notBreaching",
      metricQueries: perNode("Evictions", "Sum", "SUM", "evictions per minute"),
    },
    {
      id: "order-events-dlq",
      description:
        "order-events messages reached the dead-letter queue: an order was not processed",
      threshold: 0,
      comparisonOperator: "GreaterThanThreshold",
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      // SQS publishes a queue's metrics only while it is active, which an unread dead-letter queue
      // stops being after about six hours with its messages still in it ("Available CloudWatch
      // metrics for Amazon SQS"). `ignore` keeps the alarm's state through the silence: an alarm
      // raised stays raised until the queue is read or redriven and reports 0, instead of
      // announcing a false recovery.
      treatMissingData: "ignore",
      metric: {
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: t.deadLetterQueueName },
        statistic: "Maximum",
        period: 5 * MINUTE,
      },
    },
  );

  if (t.healthCheckId !== undefined) {
    specs.push({
      id: ROUTE53_API_HEALTH_ALARM,
      description:
        "Route 53 reports the primary API unhealthy: api.<domain> is failing over to the standby (expected during a traffic drill)",
      region: ROUTE53_METRICS_REGION,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      // A health check that stops reporting cannot vouch for the primary.
      treatMissingData: "breaching",
      metric: {
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: t.healthCheckId },
        statistic: "Minimum",
        period: MINUTE,
      },
    });
  }
  return specs;
}
