/**
 * Every price and usage assumption the cost estimate (`npm run cost`) uses, in one place.
 *
 * Prices are AWS on-demand list prices in USD, per region, as published on each service's pricing
 * page (the `source` of each line). They were written down on PRICES_RECORDED from those pages as
 * last seen; this project builds offline and could not re-read them then, so re-check any figure
 * that matters against the page or the AWS Pricing Calculator (or `aws pricing get-products`)
 * before budgeting on it. Free tiers, Savings Plans, Reserved Instances, Spot and taxes are not
 * applied: the estimate is an on-demand ceiling.
 */

export const PRICES_RECORDED = "2026-11-28";

/**
 * When each Kubernetes version the program accepts leaves EKS standard support (14 months after
 * its EKS release; "Understand the Kubernetes version lifecycle on EKS" and its release calendar).
 * A version past its date on PRICES_RECORDED is priced at the extended-support rate.
 */
export const EKS_STANDARD_SUPPORT_ENDS: Readonly<Record<string, string>> = {
  "1.32": "2026-03-23",
  "1.33": "2026-07-29",
  "1.34": "2026-12-02",
};
export const HOURS_PER_MONTH = 730;

export type PricedRegion = "ap-south-1" | "ap-southeast-1" | "us-east-1";
export const PRICED_REGIONS: readonly PricedRegion[] = [
  "ap-south-1",
  "ap-southeast-1",
  "us-east-1",
];

export interface RegionPrices {
  /** An EKS cluster on a Kubernetes version in standard support, per cluster-hour. */
  eksClusterHour: number;
  /** An EKS cluster on a version past standard support (extended support), per cluster-hour. */
  eksExtendedClusterHour: number;
  /** EC2 Linux on-demand, per instance-hour. */
  ec2Hour: Record<string, number>;
  natHour: number;
  natGb: number;
  publicIpv4Hour: number;
  /** Aurora PostgreSQL (Standard storage configuration), per instance-hour. */
  auroraHour: Record<string, number>;
  auroraStorageGbMonth: number;
  auroraIoMillion: number;
  /** ElastiCache for Valkey/Redis OSS on-demand, per node-hour. */
  cacheHour: Record<string, number>;
  albHour: number;
  albLcuHour: number;
  httpApiMillion: number;
  cloudfrontGb: number;
  cloudfront10kHttps: number;
  wafWebAclMonth: number;
  wafRuleMonth: number;
  wafMillion: number;
  kmsKeyMonth: number;
  route53ZoneMonth: number;
  route53QueriesMillion: number;
  /** Health check of an AWS endpoint; HTTPS and the 10 s interval each add an optional feature. */
  route53HealthCheckMonth: number;
  route53HealthCheckFeatureMonth: number;
  acceleratorHour: number;
  interfaceEndpointAzHour: number;
  logsIngestGb: number;
  logsStoreGbMonth: number;
  alarmMonth: number;
  s3GbMonth: number;
  secretMonth: number;
  gp3GbMonth: number;
  dynamodbWriteMillion: number;
  dynamodbReadMillion: number;
  guardDutyEventsMillion: number;
  guardDutyFlowDnsGb: number;
  guardDutyEksAuditMillion: number;
  guardDutyRuntimeVcpuMonth: number;
  guardDutyS3EventsMillion: number;
  configItem: number;
  configRuleEvaluation: number;
  cloudTrailDataEvents100k: number;
  securityHubCheck: number;
  macieBucketMonth: number;
  macieGb: number;
}

/** Where each figure is published (the region is chosen on the page). */
export const SOURCES: Record<keyof RegionPrices, string> = {
  eksClusterHour: "https://aws.amazon.com/eks/pricing/",
  eksExtendedClusterHour: "https://aws.amazon.com/eks/pricing/",
  ec2Hour: "https://aws.amazon.com/ec2/pricing/on-demand/",
  natHour: "https://aws.amazon.com/vpc/pricing/",
  natGb: "https://aws.amazon.com/vpc/pricing/",
  publicIpv4Hour: "https://aws.amazon.com/vpc/pricing/",
  auroraHour: "https://aws.amazon.com/rds/aurora/pricing/",
  auroraStorageGbMonth: "https://aws.amazon.com/rds/aurora/pricing/",
  auroraIoMillion: "https://aws.amazon.com/rds/aurora/pricing/",
  cacheHour: "https://aws.amazon.com/elasticache/pricing/",
  albHour: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  albLcuHour: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  httpApiMillion: "https://aws.amazon.com/api-gateway/pricing/",
  cloudfrontGb: "https://aws.amazon.com/cloudfront/pricing/",
  cloudfront10kHttps: "https://aws.amazon.com/cloudfront/pricing/",
  wafWebAclMonth: "https://aws.amazon.com/waf/pricing/",
  wafRuleMonth: "https://aws.amazon.com/waf/pricing/",
  wafMillion: "https://aws.amazon.com/waf/pricing/",
  kmsKeyMonth: "https://aws.amazon.com/kms/pricing/",
  route53ZoneMonth: "https://aws.amazon.com/route53/pricing/",
  route53QueriesMillion: "https://aws.amazon.com/route53/pricing/",
  route53HealthCheckMonth: "https://aws.amazon.com/route53/pricing/",
  route53HealthCheckFeatureMonth: "https://aws.amazon.com/route53/pricing/",
  acceleratorHour: "https://aws.amazon.com/global-accelerator/pricing/",
  interfaceEndpointAzHour: "https://aws.amazon.com/privatelink/pricing/",
  logsIngestGb: "https://aws.amazon.com/cloudwatch/pricing/",
  logsStoreGbMonth: "https://aws.amazon.com/cloudwatch/pricing/",
  alarmMonth: "https://aws.amazon.com/cloudwatch/pricing/",
  s3GbMonth: "https://aws.amazon.com/s3/pricing/",
  secretMonth: "https://aws.amazon.com/secrets-manager/pricing/",
  gp3GbMonth: "https://aws.amazon.com/ebs/pricing/",
  dynamodbWriteMillion: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
  dynamodbReadMillion: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
  guardDutyEventsMillion: "https://aws.amazon.com/guardduty/pricing/",
  guardDutyFlowDnsGb: "https://aws.amazon.com/guardduty/pricing/",
  guardDutyEksAuditMillion: "https://aws.amazon.com/guardduty/pricing/",
  guardDutyRuntimeVcpuMonth: "https://aws.amazon.com/guardduty/pricing/",
  guardDutyS3EventsMillion: "https://aws.amazon.com/guardduty/pricing/",
  configItem: "https://aws.amazon.com/config/pricing/",
  configRuleEvaluation: "https://aws.amazon.com/config/pricing/",
  cloudTrailDataEvents100k: "https://aws.amazon.com/cloudtrail/pricing/",
  securityHubCheck: "https://aws.amazon.com/security-hub/pricing/",
  macieBucketMonth: "https://aws.amazon.com/macie/pricing/",
  macieGb: "https://aws.amazon.com/macie/pricing/",
};

/** Prices that are the same in every priced region (global services, flat rates). */
const FLAT = {
  eksClusterHour: 0.1,
  eksExtendedClusterHour: 0.6,
  publicIpv4Hour: 0.005,
  wafWebAclMonth: 5,
  wafRuleMonth: 1,
  wafMillion: 0.6,
  kmsKeyMonth: 1,
  route53ZoneMonth: 0.5,
  route53QueriesMillion: 0.4,
  route53HealthCheckMonth: 0.5,
  route53HealthCheckFeatureMonth: 1,
  acceleratorHour: 0.025,
  alarmMonth: 0.1,
  secretMonth: 0.4,
  configItem: 0.003,
  configRuleEvaluation: 0.001,
  cloudTrailDataEvents100k: 0.1,
  securityHubCheck: 0.001,
  macieBucketMonth: 0.1,
  macieGb: 1,
  // GuardDuty's first tiers, at the US East rates; other regions are within a few percent.
  guardDutyEventsMillion: 4,
  guardDutyFlowDnsGb: 1,
  guardDutyEksAuditMillion: 2,
  guardDutyRuntimeVcpuMonth: 1.5,
  guardDutyS3EventsMillion: 0.8,
};

export const PRICES: Record<PricedRegion, RegionPrices> = {
  "ap-south-1": {
    ...FLAT,
    ec2Hour: { "m7g.large": 0.0857, "m7g.xlarge": 0.1714, "m7g.2xlarge": 0.3427 },
    natHour: 0.056,
    natGb: 0.056,
    auroraHour: { "db.r7g.large": 0.31, "db.r7g.xlarge": 0.62 },
    auroraStorageGbMonth: 0.11,
    auroraIoMillion: 0.22,
    cacheHour: { "cache.r7g.large": 0.251, "cache.r7g.xlarge": 0.502 },
    albHour: 0.0239,
    albLcuHour: 0.0084,
    httpApiMillion: 1.0,
    cloudfrontGb: 0.109,
    cloudfront10kHttps: 0.012,
    interfaceEndpointAzHour: 0.011,
    logsIngestGb: 0.5,
    logsStoreGbMonth: 0.03,
    s3GbMonth: 0.025,
    gp3GbMonth: 0.0912,
    dynamodbWriteMillion: 0.7125,
    dynamodbReadMillion: 0.1425,
  },
  "ap-southeast-1": {
    ...FLAT,
    ec2Hour: { "m7g.large": 0.1008, "m7g.xlarge": 0.2016, "m7g.2xlarge": 0.4032 },
    natHour: 0.059,
    natGb: 0.059,
    auroraHour: { "db.r7g.large": 0.33, "db.r7g.xlarge": 0.66 },
    auroraStorageGbMonth: 0.11,
    auroraIoMillion: 0.22,
    cacheHour: { "cache.r7g.large": 0.262, "cache.r7g.xlarge": 0.524 },
    albHour: 0.0252,
    albLcuHour: 0.008,
    httpApiMillion: 1.1,
    cloudfrontGb: 0.12,
    cloudfront10kHttps: 0.012,
    interfaceEndpointAzHour: 0.013,
    logsIngestGb: 0.7,
    logsStoreGbMonth: 0.033,
    s3GbMonth: 0.025,
    gp3GbMonth: 0.096,
    dynamodbWriteMillion: 0.7125,
    dynamodbReadMillion: 0.1425,
  },
  "us-east-1": {
    ...FLAT,
    ec2Hour: { "m7g.large": 0.0816, "m7g.xlarge": 0.1632, "m7g.2xlarge": 0.3264 },
    natHour: 0.045,
    natGb: 0.045,
    auroraHour: { "db.r7g.large": 0.276, "db.r7g.xlarge": 0.552 },
    auroraStorageGbMonth: 0.1,
    auroraIoMillion: 0.2,
    cacheHour: { "cache.r7g.large": 0.219, "cache.r7g.xlarge": 0.438 },
    albHour: 0.0225,
    albLcuHour: 0.008,
    httpApiMillion: 1.0,
    cloudfrontGb: 0.085,
    cloudfront10kHttps: 0.01,
    interfaceEndpointAzHour: 0.01,
    logsIngestGb: 0.5,
    logsStoreGbMonth: 0.03,
    s3GbMonth: 0.023,
    gp3GbMonth: 0.08,
    dynamodbWriteMillion: 0.625,
    dynamodbReadMillion: 0.125,
  },
};

/**
 * Usage the plan cannot show, for a stack that serves the shop's traffic (the primary, or the
 * standby in drill and failover). A resting standby takes no shopper traffic: traffic-driven
 * figures are multiplied by its activity (0) and logs by LOG_ACTIVITY_AT_REST.
 */
export const USAGE = {
  apiRequestsMillion: { value: 100, why: "≈ 38 requests/s on average through API Gateway" },
  albLcu: { value: 5, why: "average ALB capacity units while serving; 1 at rest" },
  cdnGb: { value: 5000, why: "5 TB a month from CloudFront to shoppers (India tier)" },
  cdnRequestsMillion: { value: 200, why: "HTTPS requests to CloudFront" },
  wafRequestsMillion: { value: 300, why: "requests through both web ACLs (CDN and API)" },
  dnsQueriesMillion: { value: 50, why: "queries to the hosted zone" },
  natGbPerGateway: {
    value: 500,
    why: "image pulls and third-party APIs per NAT gateway; 50 at rest",
  },
  auroraStorageGb: { value: 200, why: "database size, each region keeps a copy" },
  auroraIoMillion: {
    value: 1000,
    why: "I/O requests per cluster (writes replicate to the secondary)",
  },
  dynamodbWritesMillion: { value: 50, why: "cart and session writes, replicated to each region" },
  dynamodbReadsMillion: { value: 200, why: "cart and session reads, where traffic is served" },
  s3GbPerBucket: { value: 100, why: "per data bucket (assets, web and their replicas)" },
  logsGb: {
    value: { flow: 100, shop: 40, containers: 5, trail: 20, waf: 30, api: 20, other: 2 },
    why: "ingested per log group by kind (VPC flow logs, shop containers, other namespaces, trail, WAF, API access, other)",
  },
  guardDuty: {
    value: { eventsMillion: 5, flowDnsGb: 100, eksAuditMillion: 10, s3EventsMillion: 20 },
    why: "CloudTrail, flow/DNS, EKS audit and S3 events GuardDuty analyses per region",
  },
  configItemsPerResource: { value: 3, why: "configuration changes recorded per resource a month" },
  configEvaluationsPerRule: { value: 2000, why: "evaluations per AWS Config rule a month" },
  securityHubChecks: { value: 20000, why: "control checks per region a month" },
  cloudTrailDataEvents100k: { value: 200, why: "S3 data events on the shop's buckets (20 M)" },
  macieGb: { value: 50, why: "new or changed objects Macie inspects a month" },
  karpenter: {
    value: { instanceType: "m7g.xlarge", vcpu: 4, packing: 0.75, sidecarCpu: 0.1 },
    why: "workload nodes: the shop's minimum replicas × CPU requests (plus the Istio sidecar), packed at 75 % on m7g.xlarge",
  },
} as const;

/** Share of log volume a resting standby still writes. */
export const LOG_ACTIVITY_AT_REST = 0.2;
