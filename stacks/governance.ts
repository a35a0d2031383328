import { Data } from "../components/data/data";
import { Governance } from "../components/governance/governance";
import { Observability } from "../components/observability/observability";
import { StackConfig } from "./config";
import { StackContext } from "./context";

/**
 * Where the primary's edge also bills: us-east-1 (CloudFront's WAF and certificate, the Route 53
 * alarm topic). Charges of global services billed without a region (CloudFront, Route 53) fall
 * outside both stacks' budgets; the account-wide anomaly monitor still sees them.
 */
const EDGE_COST_REGIONS = ["us-east-1"];

/**
 * Audit, detection, compliance and cost services of this stack's region, each as
 * `ecommerce:governance` asks: `on` creates it here; `off` and `organization` leave it out.
 */
export function buildGovernance(
  cfg: StackConfig,
  ctx: StackContext,
  data: Data,
  observability: Observability,
): Governance {
  const g = cfg.governance;
  const on = (mode: string) => mode === "on";
  const primary = cfg.role === "primary" ? cfg.governance : undefined;
  const shopBuckets = data.buckets.apply((b) => [b.assets, b.web]);
  return new Governance("governance", {
    region: cfg.region,
    accountId: ctx.accountId,
    namePrefix: ctx.namePrefix,
    protect: cfg.protect,
    logBucketName: data.buckets.apply((b) => b.logs.name),
    alarmTopicArn: observability.alarmTopicArn,
    trail:
      primary && on(primary.cloudTrail)
        ? {
            objectLockDays: primary.objectLockDays,
            logRetentionDays: primary.trailLogRetentionDays,
            logsKeyArn: data.keyArns.apply((k) => k.logs),
            dataBucketArns: shopBuckets.apply((b) => b.map((x) => x.arn)),
          }
        : undefined,
    // Global resource types (IAM) are recorded once, by the primary's recorder.
    config: on(g.config) ? { recordsGlobal: cfg.role === "primary" } : undefined,
    securityHub: on(g.securityHub)
      ? { aggregateRegions: cfg.role === "primary" ? cfg.dr.replicaRegions : undefined }
      : undefined,
    guardDuty: on(g.guardDuty),
    accessAnalyzer: on(g.accessAnalyzer),
    macieBuckets: on(g.macie) ? shopBuckets.apply((b) => b.map((x) => x.name)) : undefined,
    budget: g.budget
      ? {
          ...g.budget,
          regions: cfg.role === "primary" ? [cfg.region, ...EDGE_COST_REGIONS] : [cfg.region],
        }
      : undefined,
    anomalyThresholdUsd:
      primary && on(primary.costAnomaly) ? primary.anomalyThresholdUsd : undefined,
  });
}
