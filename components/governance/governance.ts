import * as pulumi from "@pulumi/pulumi";
import { scopeOf } from "../shared/scope";
import { AuditStore, TrailSettings, createAuditStore, createTrail } from "./audit";
import { createAccessAnalyzer, createGuardDuty, createMacie, createSecurityHub } from "./detection";
import { createRecording } from "./recording";
import { BudgetSettings, createAnomalyDetection, createBudget } from "./spend";

export interface GovernanceArgs {
  /** The stack's region (the trail's home region on the primary, the recorder's region). */
  region: string;
  /** Account that owns the audit key, bucket and recorder (policies, bucket name). */
  accountId: pulumi.Input<string>;
  /** Prefix for physical names and `Name` tags, unique per account and region. */
  namePrefix: string;
  /** Pulumi `protect` on the audit key and bucket. Default true. */
  protect?: boolean;
  /** Where the audit bucket's server access logs go: the data layer's log bucket (by name). */
  logBucketName: pulumi.Input<string>;
  /** The regional alarm topic (observability): GuardDuty findings, budget and anomaly alerts. */
  alarmTopicArn: pulumi.Input<string>;
  /**
   * The multi-Region trail; set only in its home region (the primary). Unset: no trail here
   * (another stack's or the organization's trail records this region).
   */
  trail?: TrailSettings;
  /** AWS Config in this region; unset: not here. */
  config?: {
    /** Record global resource types (IAM) here; exactly one region of the account should. */
    recordsGlobal: boolean;
  };
  /** Security Hub in this region; unset: not here. */
  securityHub?: {
    /** Regions whose findings this region aggregates (the aggregation region only). */
    aggregateRegions?: string[];
  };
  /** GuardDuty in this region, high-severity findings to the alarm topic. Default false. */
  guardDuty?: boolean;
  /** IAM Access Analyzer (account analyzer) in this region. Default false. */
  accessAnalyzer?: boolean;
  /** Macie and a weekly classification job over these buckets (names); unset: no Macie. */
  macieBuckets?: pulumi.Input<string[]>;
  /** A monthly budget for this stack; unset: none. */
  budget?: BudgetSettings;
  /** Cost Anomaly Detection (account-wide) with this impact threshold, USD; unset: none. */
  anomalyThresholdUsd?: number;
}

/**
 * Audit, threat detection, compliance and cost guardrails of one region: CloudTrail, AWS Config
 * with PCI DSS rules, Security Hub, GuardDuty, Macie, IAM Access Analyzer, a budget and Cost
 * Anomaly Detection. Each is an account-level singleton, so each is optional: an organization
 * that runs one centrally leaves it out here.
 */
export class Governance extends pulumi.ComponentResource {
  /** The trail's ARN; undefined when this stack has no trail. */
  public readonly trailArn?: pulumi.Output<string>;
  /** The audit bucket (trail and AWS Config history); undefined when neither is here. */
  public readonly auditBucketName?: pulumi.Output<string>;
  public readonly guardDutyDetectorId?: pulumi.Output<string>;
  /** Which services this stack runs here, for operators and the plan summary. */
  public readonly services: pulumi.Output<string[]>;

  constructor(name: string, args: GovernanceArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:governance:Governance", name, {}, opts);
    const scope = scopeOf(name, this, args);
    const services: string[] = [];

    let store: AuditStore | undefined;
    if (args.trail || args.config) {
      store = createAuditStore(scope, { bucket: args.logBucketName }, args.trail);
      this.auditBucketName = store.bucket.bucket.bucket;
    }
    if (args.trail && store) {
      this.trailArn = createTrail(scope, store, args.trail).arn;
      services.push("cloudtrail");
    }
    if (args.config && store) {
      createRecording(scope, store, args.config.recordsGlobal);
      services.push("config");
    }
    if (args.securityHub) {
      createSecurityHub(scope, args.securityHub.aggregateRegions);
      services.push("securityhub");
    }
    if (args.guardDuty) {
      this.guardDutyDetectorId = createGuardDuty(scope, args.alarmTopicArn).id;
      services.push("guardduty");
    }
    if (args.macieBuckets) {
      createMacie(scope, args.macieBuckets);
      services.push("macie");
    }
    if (args.accessAnalyzer) {
      createAccessAnalyzer(scope);
      services.push("access-analyzer");
    }
    if (args.budget) {
      createBudget(scope, args.budget, args.alarmTopicArn);
      services.push("budget");
    }
    if (args.anomalyThresholdUsd !== undefined) {
      createAnomalyDetection(scope, args.anomalyThresholdUsd, args.alarmTopicArn);
      services.push("cost-anomaly-detection");
    }
    this.services = pulumi.output(services);
    this.registerOutputs({
      trailArn: this.trailArn,
      auditBucketName: this.auditBucketName,
      guardDutyDetectorId: this.guardDutyDetectorId,
      services: this.services,
    });
  }
}
