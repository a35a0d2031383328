/**
 * Pure documents and settings of the governance layer: the audit key's policy, the trail bucket's
 * statements, the Security Hub standards, the GuardDuty features, the AWS Config rules mapped to
 * PCI DSS, the finding route and the budget's filters. Kept as data so tests and the policy pack
 * read exactly what AWS will be given.
 */
import { accountAdministers } from "../data/keyPolicy";
import { PolicyDocument, PolicyStatement, policyDocument } from "../shared/iamDocuments";

/** The trail's name; its ARN is known before it exists, so bucket and key policies can name it. */
export function trailName(namePrefix: string): string {
  return `${namePrefix}-audit`;
}

export function trailArn(region: string, account: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${account}:trail/${name}`;
}

/**
 * The audit key encrypts the trail's log and digest files and the audit bucket (AWS Config's
 * snapshots and history). Statements as "Configure AWS KMS key policies for CloudTrail" requires
 * (CloudTrail user guide): encrypt with aws:SourceArn of the trail and the
 * kms:EncryptionContext:aws:cloudtrail:arn context, describe the key, decrypt for this account's
 * readers (scoped to the CloudTrail context instead of the guide's `"AWS": "*"`), and kms:Decrypt
 * for CloudTrail itself because the bucket uses an S3 Bucket Key. Everything else in the account
 * uses the key only through S3 (AWS Config's role writes through S3).
 */
export function auditKeyPolicy(
  account: string,
  region: string,
  trail: string | undefined,
): PolicyDocument {
  const root = `arn:aws:iam::${account}:root`;
  const trailContext = `arn:aws:cloudtrail:*:${account}:trail/*`;
  return policyDocument([
    accountAdministers(account),
    {
      Sid: "UseThroughS3",
      Effect: "Allow",
      Principal: { AWS: root },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: {
        StringEquals: {
          "kms:CallerAccount": account,
          "kms:ViaService": `s3.${region}.amazonaws.com`,
        },
      },
    },
    ...(trail
      ? [
          {
            Sid: "CloudTrailEncryptsLogs",
            Effect: "Allow" as const,
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: {
              StringEquals: { "aws:SourceArn": trail },
              StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailContext },
            },
          },
          {
            Sid: "CloudTrailDescribesKey",
            Effect: "Allow" as const,
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "kms:DescribeKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceArn": trail } },
          },
          {
            Sid: "AccountReadsTrailLogs",
            Effect: "Allow" as const,
            Principal: { AWS: root },
            Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
            Resource: "*",
            Condition: {
              StringEquals: { "kms:CallerAccount": account },
              StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailContext },
            },
          },
        ]
      : []),
  ]);
}

/**
 * CloudTrail's statements in the audit bucket's policy ("Amazon S3 bucket policy for CloudTrail"):
 * read the ACL and write under AWSLogs/<account>/ with bucket-owner-full-control, both only for
 * this trail (aws:SourceArn).
 */
export function trailBucketStatements(
  bucketArn: string,
  account: string,
  trail: string,
): PolicyStatement[] {
  const principal = { Service: "cloudtrail.amazonaws.com" };
  return [
    {
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: principal,
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: { StringEquals: { "aws:SourceArn": trail } },
    },
    {
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: principal,
      Action: "s3:PutObject",
      Resource: `${bucketArn}/AWSLogs/${account}/*`,
      Condition: {
        StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trail },
      },
    },
  ];
}

/** What CloudTrail's role may do with the trail's log group: create streams and put events. */
export function trailLogsPolicy(logGroupArn: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "DeliverTrailEvents",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${logGroupArn}:log-stream:*`,
    },
  ]);
}

/**
 * AWS Config's own role: the AWS_ConfigRole managed policy reads configurations; this writes
 * snapshots and history into the audit bucket under the key, as "Permissions for the Amazon S3
 * bucket" and "Permissions for the KMS key" (AWS Config developer guide) list for a custom role.
 */
export function configDeliveryPolicy(d: {
  /** The audit bucket's ARN. */
  bucketArn: string;
  /** AWS Config's prefix in the bucket. */
  prefix: string;
  /** The account whose configuration is delivered (`AWSLogs/<account>/`). */
  account: string;
  /** The audit key (the delivery channel's `s3KmsKeyArn`). */
  keyArn: string;
  /** The bucket's region: S3 calls KMS there on the role's behalf. */
  region: string;
}): PolicyDocument {
  const { bucketArn, prefix, account, keyArn, region } = d;
  return policyDocument([
    {
      Sid: "CheckBucket",
      Effect: "Allow",
      Action: ["s3:GetBucketAcl", "s3:ListBucket"],
      Resource: bucketArn,
    },
    {
      Sid: "DeliverConfiguration",
      Effect: "Allow",
      Action: "s3:PutObject",
      Resource: `${bucketArn}/${prefix}/AWSLogs/${account}/*`,
      Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
    {
      // SSE-KMS: S3 calls KMS for the delivery (the key must be in the bucket's region, per the
      // DeliveryChannel API's s3KmsKeyArn), so the key is usable through S3 only.
      Sid: "EncryptConfiguration",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: keyArn,
      Condition: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
    },
  ]);
}

/** The AWS managed policy AWS Config's documentation names for a custom recorder role. */
export const CONFIG_ROLE_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWS_ConfigRole";

/**
 * Security Hub standards subscribed in every region, by ARN as listed in the @pulumi/aws 7.48.0
 * `securityhub.StandardsSubscription` docs (and `aws securityhub describe-standards`).
 */
export function securityStandards(region: string): Record<string, string> {
  const arn = (path: string) => `arn:aws:securityhub:${region}::standards/${path}`;
  return {
    fsbp: arn("aws-foundational-security-best-practices/v/1.0.0"),
    cis: arn("cis-aws-foundations-benchmark/v/3.0.0"),
    pci: arn("pci-dss/v/4.0.1"),
  };
}

export interface DetectorFeatureSpec {
  name: string;
  additional?: string[];
}

/**
 * GuardDuty protection plans (API DetectorFeatureConfiguration; names as in @pulumi/aws 7.48.0
 * `guardduty.DetectorFeature`). EKS_RUNTIME_MONITORING with EKS_ADDON_MANAGEMENT lets GuardDuty
 * install and update its agent add-on on the cluster; it excludes RUNTIME_MONITORING (the API
 * rejects both).
 */
export const GUARDDUTY_FEATURES: readonly DetectorFeatureSpec[] = [
  { name: "S3_DATA_EVENTS" },
  { name: "EKS_AUDIT_LOGS" },
  { name: "EKS_RUNTIME_MONITORING", additional: ["EKS_ADDON_MANAGEMENT"] },
  { name: "RDS_LOGIN_EVENTS" },
  { name: "EBS_MALWARE_PROTECTION" },
];

/** GuardDuty's high severity band starts at 7.0 ("Severity levels of GuardDuty findings"). */
export const HIGH_SEVERITY = 7;

/** EventBridge pattern for GuardDuty findings at or above `minSeverity`. */
export function findingPattern(minSeverity: number): Record<string, unknown> {
  return {
    source: ["aws.guardduty"],
    "detail-type": ["GuardDuty Finding"],
    detail: { severity: [{ numeric: [">=", minSeverity] }] },
  };
}

export interface ConfigRuleSpec {
  /** Rule name suffix and Pulumi name. */
  id: string;
  /** AWS Config managed rule identifier. */
  identifier: string;
  /** PCI DSS v4.0 requirements the rule evidences. */
  pci: string[];
  /** Account-wide (IAM, root): evaluated once, in the region that records global resources. */
  global?: boolean;
  params?: Record<string, string>;
}

/**
 * An explicit rule set rather than the conformance pack (whose template would have to live in S3
 * or inline): managed rules by their identifiers in AWS Config's "List of AWS Config Managed
 * Rules", each with the PCI DSS v4.0 requirement whose text it evidences (this project's mapping;
 * the "Operational Best Practices for PCI DSS" conformance pack is the fuller reference).
 */
export const CONFIG_RULES: readonly ConfigRuleSpec[] = [
  {
    id: "cloudtrail-enabled",
    identifier: "MULTI_REGION_CLOUD_TRAIL_ENABLED",
    pci: ["10.2.1"],
    global: true,
  },
  {
    id: "cloudtrail-validation",
    identifier: "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
    pci: ["10.3.2"],
  },
  { id: "cloudtrail-encrypted", identifier: "CLOUD_TRAIL_ENCRYPTION_ENABLED", pci: ["10.3.1"] },
  { id: "flow-logs", identifier: "VPC_FLOW_LOGS_ENABLED", pci: ["10.2.1"] },
  {
    id: "log-retention",
    identifier: "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
    pci: ["10.5.1"],
    params: { MinRetentionTime: "365" },
  },
  { id: "log-groups-encrypted", identifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED", pci: ["3.5.1"] },
  { id: "s3-encrypted", identifier: "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", pci: ["3.5.1"] },
  { id: "s3-tls-only", identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", pci: ["4.2.1"] },
  { id: "s3-no-public-read", identifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED", pci: ["1.4.4"] },
  { id: "rds-encrypted", identifier: "RDS_STORAGE_ENCRYPTED", pci: ["3.5.1"] },
  { id: "rds-private", identifier: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", pci: ["1.4.4"] },
  { id: "ebs-encrypted", identifier: "ENCRYPTED_VOLUMES", pci: ["3.5.1"] },
  { id: "eks-secrets-encrypted", identifier: "EKS_SECRETS_ENCRYPTED", pci: ["3.5.1"] },
  { id: "eks-private-endpoint", identifier: "EKS_ENDPOINT_NO_PUBLIC_ACCESS", pci: ["1.4.4"] },
  { id: "kms-rotation", identifier: "CMK_BACKING_KEY_ROTATION_ENABLED", pci: ["3.7.4"] },
  { id: "alb-https-only", identifier: "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", pci: ["4.2.1"] },
  { id: "no-open-ssh", identifier: "INCOMING_SSH_DISABLED", pci: ["1.3.1"] },
  { id: "guardduty-enabled", identifier: "GUARDDUTY_ENABLED_CENTRALIZED", pci: ["11.5.1"] },
  { id: "root-mfa", identifier: "ROOT_ACCOUNT_MFA_ENABLED", pci: ["8.4.1"], global: true },
  { id: "no-root-keys", identifier: "IAM_ROOT_ACCESS_KEY_CHECK", pci: ["8.2.2"], global: true },
  { id: "password-policy", identifier: "IAM_PASSWORD_POLICY", pci: ["8.3.6"], global: true },
];

/** The rules a region evaluates: account-wide ones only where global resources are recorded. */
export function configRulesFor(recordsGlobal: boolean): ConfigRuleSpec[] {
  return CONFIG_RULES.filter((r) => recordsGlobal || !r.global);
}

/**
 * A budget's cost filters: the project's cost allocation tag (`user:<key>$<value>`, the
 * `TagKeyValue` form the @pulumi/aws 7.48.0 `budgets.Budget` docs show) and the stack's regions.
 * The tag must be activated as a cost allocation tag in the Billing console.
 */
export function budgetCostFilters(
  tag: { key: string; value: string },
  regions: string[],
): { name: string; values: string[] }[] {
  return [
    { name: "TagKeyValue", values: [`user:${tag.key}$${tag.value}`] },
    { name: "Region", values: [...regions] },
  ];
}

/**
 * The governance layer's alerts reach the regional alarm topic too: EventBridge rules (GuardDuty
 * findings) of this account and region, AWS Budgets and Cost Anomaly Detection for this account.
 * Conditions as the services document them: EventBridge's SNS target permissions (aws:SourceArn of
 * the rule), Budgets' "Creating an Amazon SNS topic for budget notifications" (aws:SourceAccount,
 * aws:SourceArn arn:aws:budgets::<account>:*), Cost Anomaly Detection's "Creating an Amazon SNS
 * topic for anomaly notifications" (aws:SourceAccount).
 */
export function governancePublishers(
  topicArn: string,
  region: string,
  account: string,
): PolicyStatement[] {
  const publish = (Sid: string, service: string, Condition: PolicyStatement["Condition"]) => ({
    Sid,
    Effect: "Allow" as const,
    Principal: { Service: service },
    Action: "sns:Publish",
    Resource: topicArn,
    Condition,
  });
  return [
    publish("EventBridgeRulesPublish", "events.amazonaws.com", {
      ArnLike: { "aws:SourceArn": `arn:aws:events:${region}:${account}:rule/*` },
    }),
    publish("BudgetsPublish", "budgets.amazonaws.com", {
      StringEquals: { "aws:SourceAccount": account },
      ArnLike: { "aws:SourceArn": `arn:aws:budgets::${account}:*` },
    }),
    publish("CostAnomalyDetectionPublishes", "costalerts.amazonaws.com", {
      StringEquals: { "aws:SourceAccount": account },
    }),
  ];
}
