import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { byId, every, ofType, plan, the } from "../../helpers";
import { Spec, T, TUNED, children, dataKey, inObservability } from "./fixtures";

const alarm = (p: StackPlan, id: string) => the(p, T.alarm, `observability-${id}`);

describe("components/observability: CloudWatch alarms (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  describe("CloudWatch alarms", () => {
    const PRIMARY_ALARMS = [
      "alb-5xx-rate",
      "api-5xx",
      "api-p99-latency",
      "dynamodb-carts-replication-ap-southeast-1",
      "dynamodb-sessions-replication-ap-southeast-1",
      "cache-cpu",
      "cache-evictions",
      "order-events-dlq",
      "route53-api-health",
    ];

    it("watches the entry, the stores and replication in each region", () => {
      expect(children(prod, T.alarm).map((a) => a.name)).to.have.members(
        PRIMARY_ALARMS.map((id) => `observability-${id}`),
      );
      expect(children(dr, T.alarm).map((a) => a.name)).to.have.members(
        [
          "alb-5xx-rate",
          "api-5xx",
          "api-p99-latency",
          "aurora-replication-lag",
          "aurora-rpo-lag",
          "dynamodb-carts-replication-ap-south-1",
          "dynamodb-sessions-replication-ap-south-1",
          "cache-cpu",
          "cache-evictions",
          "order-events-dlq",
        ].map((id) => `observability-${id}`),
      );
      // The only alarm outside the component would be a second opinion nobody reads.
      expect(ofType(prod, T.alarm).filter((a) => !inObservability(a))).to.deep.equal([]);
    });

    it("notifies an encrypted topic on alarm and on recovery; Route 53's alarm uses one in us-east-1", () => {
      const regional = the(prod, T.topic, "observability-alarms");
      const usEast1 = the(prod, T.topic, "observability-alarms-us-east-1");
      expect(regional.inputs.kmsMasterKeyId).to.equal(dataKey(prod, "messaging"));
      const usKey = byId(prod, String(usEast1.inputs.kmsMasterKeyId).split("/").pop());
      expect(usKey?.inputs).to.deep.include({ region: "us-east-1", enableKeyRotation: true });
      // The key lets CloudWatch encrypt what it publishes.
      const keyPolicy = JSON.parse(String(usKey?.inputs.policy));
      expect(keyPolicy.Statement.map((s: Spec) => s.Principal.Service).flat()).to.include(
        "cloudwatch.amazonaws.com",
      );
      for (const a of every(prod, T.alarm, inObservability)) {
        const topic = a.name === "observability-route53-api-health" ? usEast1 : regional;
        expect(a.inputs.alarmActions, a.name).to.deep.equal([topic.outputs.arn]);
        expect(a.inputs.okActions, a.name).to.deep.equal([topic.outputs.arn]);
      }
      expect(alarm(prod, "route53-api-health").inputs).to.deep.include({
        region: "us-east-1",
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: {
          HealthCheckId: the(prod, "aws:route53/healthCheck:HealthCheck", "edge-primary").id,
        },
        comparisonOperator: "LessThanThreshold",
        threshold: 1,
      });
      expect(ofType(dr, T.topic).map((t) => t.name)).to.deep.equal(["observability-alarms"]);
    });

    it("lets CloudWatch, this account's principals and the governance alerts publish, over TLS only", () => {
      const policy = JSON.parse(
        String(the(prod, T.topicPolicy, "observability-alarms").inputs.policy),
      );
      const [cloudwatch, account, tls, ...governance] = policy.Statement as Spec[];
      // The governance layer's publishers, each confined to this account (and region for rules).
      expect(governance.map((g) => [g.Principal.Service, g.Condition])).to.deep.equal([
        [
          "events.amazonaws.com",
          { ArnLike: { "aws:SourceArn": "arn:aws:events:ap-south-1:123456789012:rule/*" } },
        ],
        [
          "budgets.amazonaws.com",
          {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:budgets::123456789012:*" },
          },
        ],
        ["costalerts.amazonaws.com", { StringEquals: { "aws:SourceAccount": "123456789012" } }],
      ]);
      expect(cloudwatch.Principal).to.deep.equal({ Service: "cloudwatch.amazonaws.com" });
      expect(cloudwatch.Condition).to.deep.equal({
        StringEquals: { "aws:SourceAccount": "123456789012" },
        ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:ap-south-1:123456789012:alarm:*" },
      });
      // Alertmanager publishes as an IAM role of this account; no other account is admitted.
      expect(account.Principal).to.deep.equal({ AWS: "arn:aws:iam::123456789012:root" });
      expect(tls).to.deep.include({
        Effect: "Deny",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
    });

    it("uses the configured thresholds", async () => {
      const defaults = Object.fromEntries(
        children(prod, T.alarm).map((a) => [a.name, a.inputs.threshold]),
      );
      expect(defaults).to.deep.include({
        "observability-alb-5xx-rate": 5,
        "observability-api-5xx": 50,
        "observability-api-p99-latency": 2000,
        "observability-dynamodb-carts-replication-ap-southeast-1": 1000,
        "observability-cache-cpu": 75,
        "observability-cache-evictions": 100,
        "observability-order-events-dlq": 0,
      });
      expect(alarm(dr, "aurora-replication-lag").inputs.threshold).to.equal(1000);
      expect(alarm(dr, "aurora-rpo-lag").inputs.threshold).to.equal(10000);
      const tuned = await plan("dr-singapore", TUNED);
      expect(alarm(tuned, "aurora-replication-lag").inputs.threshold).to.equal(500);
      expect(alarm(tuned, "alb-5xx-rate").inputs.threshold).to.equal(2);
      expect(alarm(tuned, "api-p99-latency").inputs.threshold).to.equal(800);
    });

    it("measures each signal on the right metric and dimension", () => {
      const alb = ofType(prod, "aws:lb/loadBalancer:LoadBalancer")[0];
      const queries = alarm(prod, "alb-5xx-rate").inputs.metricQueries as Spec[];
      expect(queries.filter((q) => q.metric).map((q) => q.metric.dimensions)).to.deep.equal(
        Array(4).fill({ LoadBalancer: alb.outputs.arnSuffix }),
      );
      expect(
        Object.fromEntries(queries.filter((q) => q.metric).map((q) => [q.id, q.metric.metricName])),
      ).to.deep.equal({
        target5xx: "HTTPCode_Target_5XX_Count",
        elb5xx: "HTTPCode_ELB_5XX_Count",
        requests: "RequestCount",
        elb503: "HTTPCode_ELB_503_Count",
      });
      // The ALB's own 503s (no target to route to) count in the denominator too: RequestCount
      // leaves them out, so a gateway with no pods would otherwise read "no data", i.e. OK.
      expect(queries.find((q) => q.returnData)?.expression).to.equal(
        "100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / (FILL(requests, 0) + FILL(elb503, 0))",
      );
      const api = ofType(prod, "aws:apigatewayv2/api:Api")[0];
      expect(alarm(prod, "api-p99-latency").inputs).to.deep.include({
        namespace: "AWS/ApiGateway",
        metricName: "Latency",
        extendedStatistic: "p99",
        dimensions: { ApiId: api.id },
      });
      // The secondary's lag, by Metrics Insights: matched on the cluster whatever other
      // dimensions (SourceRegion) the series carry. Silence is reported, not taken as health.
      const cluster = the(dr, "aws:rds/cluster:Cluster", "data-aurora").inputs.clusterIdentifier;
      expect(cluster).to.equal("ecommerce-dr-singapore-aurora");
      const regional = the(dr, T.topic, "observability-alarms");
      for (const [id, metric] of [
        ["aurora-replication-lag", "AuroraGlobalDBReplicationLag"],
        ["aurora-rpo-lag", "AuroraGlobalDBRPOLag"],
      ]) {
        const lag = alarm(dr, id).inputs;
        expect(lag.metricName, id).to.equal(undefined);
        expect(lag.metricQueries, id).to.deep.equal([
          {
            id: "lag",
            expression: `SELECT MAX(${metric}) FROM "AWS/RDS" WHERE DBClusterIdentifier = '${cluster}'`,
            period: 60,
            label: `${metric} (ms)`,
            returnData: true,
          },
        ]);
        expect(lag, id).to.deep.include({
          treatMissingData: "missing",
          insufficientDataActions: [regional.outputs.arn],
        });
      }
      // Only these two report silence; elsewhere no data is a quiet period.
      const silent = every(dr, T.alarm, inObservability).filter(
        (a) => a.inputs.insufficientDataActions,
      );
      expect(silent.map((a) => a.name)).to.have.members([
        "observability-aurora-replication-lag",
        "observability-aurora-rpo-lag",
      ]);
      expect(
        alarm(prod, "dynamodb-sessions-replication-ap-southeast-1").inputs.dimensions,
      ).to.deep.equal({
        TableName: "ecommerce-prod-mumbai-sessions",
        ReceivingRegion: "ap-southeast-1",
      });
      const cpu = alarm(prod, "cache-cpu").inputs.metricQueries as Spec[];
      expect(
        cpu.filter((q) => q.metric).map((q) => q.metric.dimensions.CacheClusterId),
      ).to.deep.equal(["ecommerce-prod-mumbai-cache-001", "ecommerce-prod-mumbai-cache-002"]);
      expect(cpu.find((q) => q.returnData)?.expression).to.equal("MAX([node0, node1])");
      const dlq = ofType(prod, "aws:sqs/queue:Queue").find(
        (q) => q.name === "data-order-events-dlq",
      );
      expect(alarm(prod, "order-events-dlq").inputs).to.deep.include({
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: dlq?.outputs.name },
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        // An unread DLQ stops reporting after six hours: its alarm keeps its state meanwhile.
        treatMissingData: "ignore",
      });
    });

    it("drops the replication-lag and RPO-lag alarms once the Region switch plan made the standby's cluster the writer", async () => {
      const lagAlarms = ["observability-aurora-replication-lag", "observability-aurora-rpo-lag"];
      // drill: after the plan's switchover; failover: after its failover. A writer reports no lag.
      for (const mode of ["drill", "failover"]) {
        const p = await plan("dr-singapore", [`dr-singapore:ecommerce:dr.mode=${mode}`]);
        for (const name of lagAlarms)
          expect(
            children(p, T.alarm).map((a) => a.name),
            mode,
          ).to.not.include(name);
      }
      const standby = await plan("dr-singapore");
      expect(children(standby, T.alarm).map((a) => a.name)).to.include.members(lagAlarms);
    });

    it("subscribes the on-call address to every alarm topic when one is configured", async () => {
      expect(ofType(prod, T.subscription)).to.deep.equal([]);
      const subscribed = await plan("prod-mumbai", TUNED);
      const subscriptions = ofType(subscribed, T.subscription);
      expect(
        subscriptions.map((s) => [
          s.inputs.region ?? "ap-south-1",
          s.inputs.protocol,
          s.inputs.endpoint,
        ]),
      ).to.have.deep.members([
        ["ap-south-1", "email", "oncall@shop.example.com"],
        ["us-east-1", "email", "oncall@shop.example.com"],
      ]);
    });
  });
});
