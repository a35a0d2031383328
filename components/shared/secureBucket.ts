import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyStatement, denyInsecureTransport, policyDocument } from "./iamDocuments";
import { ComponentScope, stateful } from "./scope";

export interface SecureBucket {
  bucket: aws.s3.Bucket;
  versioning: aws.s3.BucketVersioning;
  /**
   * Ownership, public access block, encryption and policy: what a log-delivering service (ALB,
   * CloudFront) checks when it is created, so it must wait for them.
   */
  settled: pulumi.Resource[];
}

export interface BucketSettings {
  /** The physical name, when another stack names it; default `<prefix>-<purpose>-<account>`. */
  bucketName?: pulumi.Input<string>;
  /** SSE-KMS key. Without one the bucket uses SSE-S3: only for log delivery, which AWS requires. */
  kmsKeyArn?: pulumi.Input<string>;
  /** Where server access logs go; absent for the log bucket itself. */
  logBucket?: { bucket: pulumi.Input<string> };
  /** Days before noncurrent object versions expire. */
  noncurrentDays: number;
  /** Days before current objects expire (log buckets only). */
  expireDays?: number;
  /** Statements added to the bucket policy (log delivery, CloudFront reads). */
  extraPolicy?: (bucketArn: string, accountId: string) => pulumi.Input<PolicyStatement[]>;
  /** `BucketOwnerEnforced` (default); CloudFront's standard logs still need ACLs (`BucketOwnerPreferred`). */
  objectOwnership?: "BucketOwnerEnforced" | "BucketOwnerPreferred";
  /**
   * Object Lock in compliance mode with this default retention (days): no one, root included, can
   * delete or overwrite an object version before it ends. Only at creation (objectLockEnabled).
   */
  objectLockDays?: number;
  /** Tags beyond Name and purpose. */
  tags?: Record<string, string>;
}

/** One CloudFront distribution (through origin access control) may read the objects. */
export function cloudFrontReads(
  distributionArn: pulumi.Input<string>,
): (bucketArn: string) => pulumi.Output<PolicyStatement[]> {
  return (arn) =>
    pulumi.output(distributionArn).apply((distribution): PolicyStatement[] => [
      {
        Sid: "CloudFrontReads",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: `${arn}/*`,
        Condition: { StringEquals: { "AWS:SourceArn": distribution } },
      },
    ]);
}

/** S3 server access logs are delivered by the logging service into `s3/` of a log bucket. */
export function s3AccessLogDelivery(arn: string, account: string): PolicyStatement[] {
  return [
    {
      Sid: "S3ServerAccessLogDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${arn}/s3/*`,
      Condition: { StringEquals: { "aws:SourceAccount": account } },
    },
  ];
}

/**
 * A bucket with everything a shop's bucket needs: owner-enforced ownership, all public access
 * blocked, versioning, default encryption, access logs, lifecycle, and a TLS-only bucket policy.
 */
export function secureBucket(
  scope: ComponentScope,
  purpose: string,
  s: BucketSettings,
): SecureBucket {
  const name = `${scope.name}-${purpose}`;
  const parent = { parent: scope.parent };
  const bucket = new aws.s3.Bucket(
    name,
    {
      bucket: s.bucketName ?? pulumi.interpolate`${scope.namePrefix}-${purpose}-${scope.accountId}`,
      forceDestroy: false,
      ...(s.objectLockDays ? { objectLockEnabled: true } : {}),
      tags: {
        Name: `${scope.namePrefix}-${purpose}`,
        purpose,
        ...(s.kmsKeyArn ? {} : { "log-delivery": "true" }),
        ...s.tags,
      },
    },
    stateful(scope),
  );
  if (s.objectLockDays) {
    new aws.s3.BucketObjectLockConfiguration(
      name,
      {
        bucket: bucket.id,
        rule: { defaultRetention: { mode: "COMPLIANCE", days: s.objectLockDays } },
      },
      parent,
    );
  }
  const ownership = new aws.s3.BucketOwnershipControls(
    name,
    { bucket: bucket.id, rule: { objectOwnership: s.objectOwnership ?? "BucketOwnerEnforced" } },
    parent,
  );
  const block = new aws.s3.BucketPublicAccessBlock(
    name,
    {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    },
    parent,
  );
  const versioning = new aws.s3.BucketVersioning(
    name,
    { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } },
    parent,
  );
  const encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
    name,
    {
      bucket: bucket.id,
      rules: [
        s.kmsKeyArn
          ? {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: s.kmsKeyArn,
              },
              bucketKeyEnabled: true,
            }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    },
    parent,
  );
  if (s.logBucket) {
    new aws.s3.BucketLogging(
      name,
      // Names, not ids: a bucket's name is its input, known in a first preview, so the policy
      // pack can tell which bucket receives logs before either exists (the id is computed).
      {
        bucket: bucket.bucket,
        targetBucket: s.logBucket.bucket,
        targetPrefix: `s3/${purpose}/`,
      },
      parent,
    );
  }
  new aws.s3.BucketLifecycleConfiguration(
    name,
    {
      bucket: bucket.id,
      rules: [
        {
          id: "expire-old-versions",
          status: "Enabled",
          filter: {},
          noncurrentVersionExpiration: { noncurrentDays: s.noncurrentDays },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          ...(s.expireDays ? { expiration: { days: s.expireDays } } : {}),
        },
      ],
    },
    // Lifecycle rules on a versioned bucket must follow versioning.
    { parent: scope.parent, dependsOn: [versioning] },
  );
  const policy = new aws.s3.BucketPolicy(
    name,
    {
      bucket: bucket.id,
      policy: pulumi
        .all([bucket.arn, scope.accountId])
        .apply(([arn, account]) =>
          pulumi
            .output(s.extraPolicy?.(arn, account) ?? [])
            .apply((extra) =>
              JSON.stringify(
                policyDocument([denyInsecureTransport("s3", [arn, `${arn}/*`]), ...extra]),
              ),
            ),
        ),
    },
    // A policy put before the public access block exists could briefly be evaluated as public.
    { parent: scope.parent, dependsOn: [block] },
  );
  return { bucket, versioning, settled: [ownership, block, encryption, policy] };
}
