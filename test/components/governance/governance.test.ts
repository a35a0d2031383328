import { expect } from "chai";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";
import { CONFIG_RULES } from "../../../components/governance/policies";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T = {
  component: "ecommerce:governance:Governance",
  trail: "aws:cloudtrail/trail:Trail",
  key: "aws:kms/key:Key",
  bucket: "aws:s3/bucket:Bucket",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  lock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  recorder: "aws:cfg/recorder:Recorder",
  channel: "aws:cfg/deliveryChannel:DeliveryChannel",
  status: "aws:cfg/recorderStatus:RecorderStatus",
  rule: "aws:cfg/rule:Rule",
  hub: "aws:securityhub/account:Account",
  standard: "aws:securityhub/standardsSubscription:StandardsSubscription",
  aggregator: "aws:securityhub/findingAggregator:FindingAggregator",
  detector: "aws:guardduty/detector:Detector",
  feature: "aws:guardduty/detectorFeature:DetectorFeature",
  eventRule: "aws:cloudwatch/eventRule:EventRule",
  eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
  macieJob: "aws:macie2/classificationJob:ClassificationJob",
  analyzer: "aws:accessanalyzer/analyzer:Analyzer",
  budget: "aws:budgets/budget:Budget",
  monitor: "aws:costexplorer/anomalyMonitor:AnomalyMonitor",
  anomalies: "aws:costexplorer/anomalySubscription:AnomalySubscription",
  topic: "aws:sns/topic:Topic",
};
const inGovernance = (r: PlannedResource) => r.urn.includes(`${T.component}$`);
const children = (p: StackPlan, type: string) => ofType(p, type).filter(inGovernance);
const dataKeyArn = (p: StackPlan, purpose: string) =>
  ofType(p, T.key)
    .concat(ofType(p, "aws:kms/replicaKey:ReplicaKey"))
    .find((k) => k.name === `data-${purpose}`)?.outputs.arn;
const alarmTopicArn = (p: StackPlan) => the(p, T.topic, "observability-alarms").outputs.arn;

/** One run with the primary's trail bucket locked and every service of the standby left out. */
const VARIED = [
  'prod-mumbai:ecommerce:governance={"objectLockDays":365}',
  'dr-singapore:ecommerce:governance={"config":"organization","securityHub":"organization","guardDuty":"organization","macie":false,"accessAnalyzer":"organization","budget":false}',
];

describe("components/governance (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("exists once in both stacks, and exports which services each runs", () => {
    for (const p of [prod, dr]) {
      expect(ofType(p, T.component).map((c) => c.name)).to.deep.equal(["governance"]);
    }
    expect(prod.outputs.governance).to.deep.equal([
      "cloudtrail",
      "config",
      "securityhub",
      "guardduty",
      "macie",
      "access-analyzer",
      "budget",
      "cost-anomaly-detection",
    ]);
    expect(dr.outputs.governance).to.deep.equal([
      "config",
      "securityhub",
      "guardduty",
      "macie",
      "access-analyzer",
      "budget",
    ]);
  });

  describe("CloudTrail (primary only)", () => {
    it("is one multi-Region, validated trail on the audit key, delivering to the audit bucket", () => {
      expect(children(dr, T.trail)).to.deep.equal([]);
      const trails = children(prod, T.trail);
      expect(trails.map((t) => t.name)).to.deep.equal(["governance-trail"]);
      const trail = trails[0].inputs as Spec;
      const key = the(prod, T.key, "governance-audit");
      const bucket = the(prod, T.bucket, "governance-audit");
      expect(trail).to.deep.include({
        name: "ecommerce-prod-mumbai-audit",
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: key.outputs.arn,
        s3BucketName: bucket.id,
      });
      expect(prod.outputs.trailArn).to.equal(
        "arn:aws:cloudtrail:ap-south-1:123456789012:trail/ecommerce-prod-mumbai-audit",
      );
      // Protected, like every store of the shop.
      expect(key.protect).to.equal(true);
      expect(bucket.protect).to.equal(true);
      expect(key.inputs.enableKeyRotation).to.equal(true);
    });

    it("records management events and S3 data events on the shop's buckets only", () => {
      const selectors = the(prod, T.trail, "governance-trail").inputs
        .advancedEventSelectors as Spec[];
      expect(selectors[0].fieldSelectors).to.deep.equal([
        { field: "eventCategory", equals: ["Management"] },
      ]);
      const arn = selectors[1].fieldSelectors.find((f: Spec) => f.field === "resources.ARN");
      const buckets = ["data-assets", "data-web"].map(
        (b) => `${the(prod, T.bucket, b).outputs.arn}/`,
      );
      expect(arn.startsWiths).to.deep.equal(buckets);
    });

    it("copies events to an encrypted log group through a role limited to its streams", () => {
      const group = the(prod, T.logGroup, "governance-trail");
      expect(group.inputs).to.deep.include({
        name: "/aws/cloudtrail/ecommerce-prod-mumbai-audit",
        kmsKeyId: dataKeyArn(prod, "logs"),
        retentionInDays: 365,
      });
      const trail = the(prod, T.trail, "governance-trail").inputs;
      expect(trail.cloudWatchLogsGroupArn).to.equal(`${group.outputs.arn}:*`);
      const policy = JSON.parse(
        String(the(prod, "aws:iam/rolePolicy:RolePolicy", "governance-trail").inputs.policy),
      );
      expect(policy.Statement[0].Resource).to.equal(`${group.outputs.arn}:log-stream:*`);
    });

    it("admits CloudTrail to the key and the bucket for this trail only", () => {
      const trailArn = prod.outputs.trailArn;
      const key = JSON.parse(String(the(prod, T.key, "governance-audit").inputs.policy));
      const encrypt = key.Statement.find((s: Spec) => s.Sid === "CloudTrailEncryptsLogs");
      expect(encrypt.Principal).to.deep.equal({ Service: "cloudtrail.amazonaws.com" });
      expect(encrypt.Condition.StringEquals).to.deep.equal({ "aws:SourceArn": trailArn });
      expect(encrypt.Condition.StringLike).to.deep.equal({
        "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:123456789012:trail/*",
      });
      const bucket = JSON.parse(
        String(the(prod, T.bucketPolicy, "governance-audit").inputs.policy),
      );
      const write = bucket.Statement.find((s: Spec) => s.Sid === "CloudTrailWrite");
      expect(write.Resource).to.equal(
        `${the(prod, T.bucket, "governance-audit").outputs.arn}/AWSLogs/123456789012/*`,
      );
      expect(write.Condition.StringEquals).to.deep.equal({
        "s3:x-amz-acl": "bucket-owner-full-control",
        "aws:SourceArn": trailArn,
      });
      // CloudTrail checks both policies when the trail is created.
      const deps = the(prod, T.trail, "governance-trail").dependencies;
      expect(deps).to.include(the(prod, T.bucketPolicy, "governance-audit").urn);
      expect(deps).to.include(the(prod, T.key, "governance-audit").urn);
    });

    it("locks the trail bucket in compliance mode when objectLockDays is set", async () => {
      expect(children(prod, T.lock)).to.deep.equal([]);
      const varied = await plan("prod-mumbai", VARIED);
      expect(the(varied, T.bucket, "governance-audit").inputs.objectLockEnabled).to.equal(true);
      expect(the(varied, T.lock, "governance-audit").inputs.rule).to.deep.equal({
        defaultRetention: { mode: "COMPLIANCE", days: 365 },
      });
    });
  });

  describe("AWS Config", () => {
    it("records every supported type in both regions, global types in the primary only", () => {
      for (const [p, global] of [
        [prod, true],
        [dr, false],
      ] as const) {
        const recorder = the(p, T.recorder, "governance-config").inputs;
        expect(recorder.recordingGroup).to.deep.equal({
          allSupported: true,
          includeGlobalResourceTypes: global,
        });
        const channel = the(p, T.channel, "governance-config").inputs;
        expect(channel).to.deep.include({
          s3BucketName: the(p, T.bucket, "governance-audit").id,
          s3KmsKeyArn: the(p, T.key, "governance-audit").outputs.arn,
          s3KeyPrefix: "config",
        });
        expect(the(p, T.status, "governance-config").inputs.isEnabled).to.equal(true);
      }
    });

    it("evaluates the PCI DSS rule set; account-wide rules once, in the primary", () => {
      const ids = (p: StackPlan) =>
        children(p, T.rule).map((r) => (r.inputs.source as Spec).sourceIdentifier);
      expect(ids(prod)).to.have.members(CONFIG_RULES.map((r) => r.identifier));
      const global = CONFIG_RULES.filter((r) => r.global).map((r) => r.identifier);
      expect(global).to.include("IAM_PASSWORD_POLICY");
      expect(ids(dr)).to.have.members(
        CONFIG_RULES.filter((r) => !r.global).map((r) => r.identifier),
      );
      // Managed rules need a running recorder.
      const status = the(prod, T.status, "governance-config").urn;
      for (const r of every(prod, T.rule, inGovernance)) expect(r.dependencies).to.include(status);
    });
  });

  describe("Security Hub", () => {
    it("subscribes FSBP, CIS 3.0.0 and PCI DSS 4.0.1 in each region, aggregated into the primary", () => {
      for (const p of [prod, dr]) {
        const region = p.stack === "prod-mumbai" ? "ap-south-1" : "ap-southeast-1";
        expect(the(p, T.hub, "governance-securityhub").inputs).to.deep.include({
          enableDefaultStandards: false,
          controlFindingGenerator: "SECURITY_CONTROL",
        });
        expect(children(p, T.standard).map((s) => s.inputs.standardsArn)).to.deep.equal([
          `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
          `arn:aws:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
          `arn:aws:securityhub:${region}::standards/pci-dss/v/4.0.1`,
        ]);
      }
      expect(children(dr, T.aggregator)).to.deep.equal([]);
      expect(the(prod, T.aggregator, "governance-securityhub-aggregator").inputs).to.deep.equal({
        linkingMode: "SPECIFIED_REGIONS",
        specifiedRegions: ["ap-southeast-1"],
      });
    });
  });

  describe("GuardDuty", () => {
    it("runs every protection plan in both regions, EKS runtime monitoring with the managed agent", () => {
      for (const p of [prod, dr]) {
        const detector = the(p, T.detector, "governance-guardduty");
        expect(detector.inputs.enable).to.equal(true);
        const features = children(p, T.feature).map((f) => f.inputs as Spec);
        expect(features.map((f) => f.name)).to.have.members([
          "S3_DATA_EVENTS",
          "EKS_AUDIT_LOGS",
          "EKS_RUNTIME_MONITORING",
          "RDS_LOGIN_EVENTS",
          "EBS_MALWARE_PROTECTION",
        ]);
        for (const f of features) {
          expect(f.status).to.equal("ENABLED");
          expect(f.detectorId).to.equal(detector.id);
        }
        expect(
          features.find((f) => f.name === "EKS_RUNTIME_MONITORING")?.additionalConfigurations,
        ).to.deep.equal([{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }]);
      }
    });

    it("routes findings of severity 7 and above to the region's alarm topic", () => {
      for (const p of [prod, dr]) {
        const rule = the(p, T.eventRule, "governance-guardduty-findings");
        expect(JSON.parse(String(rule.inputs.eventPattern))).to.deep.equal({
          source: ["aws.guardduty"],
          "detail-type": ["GuardDuty Finding"],
          detail: { severity: [{ numeric: [">=", 7] }] },
        });
        expect(the(p, T.eventTarget, "governance-guardduty-findings").inputs).to.deep.equal({
          rule: rule.inputs.name,
          arn: alarmTopicArn(p),
        });
      }
    });
  });

  it("scans the shop's buckets weekly with Macie and analyses the account with Access Analyzer", () => {
    for (const p of [prod, dr]) {
      const job = the(p, T.macieJob, "governance-macie-buckets").inputs as Spec;
      expect(job).to.deep.include({ jobType: "SCHEDULED", initialRun: true });
      expect(job.scheduleFrequency).to.deep.equal({ weeklySchedule: "SUNDAY" });
      expect(job.s3JobDefinition.bucketDefinitions).to.deep.equal([
        {
          accountId: "123456789012",
          buckets: [the(p, T.bucket, "data-assets").id, the(p, T.bucket, "data-web").id],
        },
      ]);
      expect(the(p, T.analyzer, "governance-access-analyzer").inputs.type).to.equal("ACCOUNT");
    }
  });

  describe("budgets and anomalies", () => {
    it("budgets each stack's tagged costs in its regions, alerting on actual and forecast spend", () => {
      for (const [p, regions, limit] of [
        [prod, ["ap-south-1", "us-east-1"], "6000"],
        [dr, ["ap-southeast-1"], "4500"],
      ] as const) {
        const budget = the(p, T.budget, "governance-budget").inputs as Spec;
        expect(budget).to.deep.include({
          budgetType: "COST",
          timeUnit: "MONTHLY",
          limitAmount: limit,
          limitUnit: "USD",
        });
        expect(budget.costFilters).to.deep.equal([
          { name: "TagKeyValue", values: ["user:project$ecommerce-platform"] },
          { name: "Region", values: regions },
        ]);
        expect(
          budget.notifications.map((n: Spec) => [
            n.notificationType,
            n.threshold,
            n.subscriberSnsTopicArns,
          ]),
        ).to.deep.equal([
          ["ACTUAL", 80, [alarmTopicArn(p)]],
          ["FORECASTED", 100, [alarmTopicArn(p)]],
        ]);
      }
    });

    it("watches the account for cost anomalies from the primary only", () => {
      expect(children(dr, T.monitor)).to.deep.equal([]);
      const monitor = the(prod, T.monitor, "governance-anomaly-monitor");
      expect(monitor.inputs).to.deep.include({
        monitorType: "DIMENSIONAL",
        monitorDimension: "SERVICE",
      });
      expect(the(prod, T.anomalies, "governance-anomaly-alerts").inputs).to.deep.include({
        frequency: "IMMEDIATE",
        monitorArnLists: [monitor.outputs.arn],
        subscribers: [{ type: "SNS", address: alarmTopicArn(prod) }],
        thresholdExpression: {
          dimension: {
            key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
            matchOptions: ["GREATER_THAN_OR_EQUAL"],
            values: ["100"],
          },
        },
      });
    });
  });

  it("creates nothing for a service an organization runs or that is switched off", async () => {
    const varied = await plan("dr-singapore", VARIED);
    const created = varied.resources.filter(inGovernance).map((r) => r.type);
    expect(created).to.deep.equal([]);
    expect(varied.outputs.governance).to.deep.equal([]);
  });
});
