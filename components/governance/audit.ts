import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureBucket, secureBucket } from "../shared/secureBucket";
import { ComponentScope } from "../shared/scope";
import { serviceTrustPolicy } from "../shared/iamDocuments";
import { encryptedLogGroup } from "../shared/logGroup";
import {
  auditKeyPolicy,
  trailArn,
  trailBucketStatements,
  trailLogsPolicy,
  trailName,
} from "./policies";

export interface TrailSettings {
  /** Object Lock (compliance mode) retention of the audit bucket, days. */
  objectLockDays?: number;
  /** Retention of the trail's log group, days. */
  logRetentionDays: number;
  /** The data layer's logs key: the trail's log group is encrypted like every other. */
  logsKeyArn: pulumi.Input<string>;
  /** Buckets whose object-level (data) events the trail records. */
  dataBucketArns: pulumi.Input<string[]>;
}

export interface AuditStore {
  key: aws.kms.Key;
  bucket: SecureBucket;
}

/**
 * The audit key and bucket: versioned, private, SSE-KMS on the audit key, access-logged into the
 * data layer's log bucket, kept two years (PCI DSS 10.5.1 asks for one), Object Lock if asked.
 */
export function createAuditStore(
  scope: ComponentScope,
  logBucket: { bucket: pulumi.Input<string> },
  trail: TrailSettings | undefined,
): AuditStore {
  const name = trail ? trailName(scope.namePrefix) : undefined;
  const key = new aws.kms.Key(
    `${scope.name}-audit`,
    {
      description: `${scope.namePrefix} audit trail and configuration history`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: pulumi
        .output(scope.accountId)
        .apply((account) =>
          JSON.stringify(
            auditKeyPolicy(
              account,
              scope.region,
              name ? trailArn(scope.region, account, name) : undefined,
            ),
          ),
        ),
      tags: { Name: `${scope.namePrefix}-audit`, purpose: "audit" },
    },
    { parent: scope.parent, protect: scope.protect },
  );
  const bucket = secureBucket(scope, "audit", {
    kmsKeyArn: key.arn,
    logBucket,
    noncurrentDays: 30,
    expireDays: 730,
    objectLockDays: trail?.objectLockDays,
    extraPolicy: name
      ? (arn, account) => trailBucketStatements(arn, account, trailArn(scope.region, account, name))
      : undefined,
  });
  return { key, bucket };
}

/**
 * The multi-Region trail (its home region is the primary's): management events of every region
 * and global services, S3 data events on the shop's buckets, log-file validation (digest files),
 * the audit key, and a copy in an encrypted CloudWatch log group for alarms and queries.
 */
export function createTrail(
  scope: ComponentScope,
  store: AuditStore,
  trail: TrailSettings,
): aws.cloudtrail.Trail {
  const parent = { parent: scope.parent };
  const name = trailName(scope.namePrefix);
  const logGroup = encryptedLogGroup(
    `${scope.name}-trail`,
    {
      logGroupName: `/aws/cloudtrail/${name}`,
      retentionInDays: trail.logRetentionDays,
      key: { kind: "shared", arn: trail.logsKeyArn },
    },
    parent,
  ).group;
  const role = new aws.iam.Role(
    `${scope.name}-trail`,
    {
      description: "CloudTrail delivers the trail's events to its log group",
      assumeRolePolicy: pulumi
        .output(scope.accountId)
        .apply((account) =>
          JSON.stringify(serviceTrustPolicy("cloudtrail.amazonaws.com", account)),
        ),
    },
    parent,
  );
  const delivery = new aws.iam.RolePolicy(
    `${scope.name}-trail`,
    {
      role: role.id,
      policy: logGroup.arn.apply((arn) => JSON.stringify(trailLogsPolicy(arn))),
    },
    parent,
  );
  return new aws.cloudtrail.Trail(
    `${scope.name}-trail`,
    {
      name,
      s3BucketName: store.bucket.bucket.id,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: store.key.arn,
      // CloudTrail requires the log-stream wildcard on the group's ARN (@pulumi/aws 7.48.0 docs).
      cloudWatchLogsGroupArn: pulumi.interpolate`${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: role.arn,
      // Advanced selectors replace the basic ones (the API takes one kind or the other).
      advancedEventSelectors: [
        {
          name: "Management events",
          fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
        },
        {
          name: "S3 data events on the shop's buckets",
          fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
            {
              field: "resources.ARN",
              startsWiths: pulumi
                .output(trail.dataBucketArns)
                .apply((arns) => arns.map((a) => `${a}/`)),
            },
          ],
        },
      ],
      tags: { Name: name },
    },
    // CloudTrail checks the bucket policy, the key policy and the role when the trail is created.
    { parent: scope.parent, dependsOn: [...store.bucket.settled, store.key, delivery] },
  );
}
