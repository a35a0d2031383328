import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";
import { BUCKETS, BucketName } from "./buckets";
import { SecureBucket } from "../shared/secureBucket";
import { ComponentScope } from "../shared/scope";

export interface ReplicationSettings {
  primaryRegion: pulumi.Input<string>;
  /** The primary's buckets (name and ARN), from the StackReference. */
  primaryBuckets: pulumi.Input<Record<BucketName, { name: string; arn: string }>>;
  /** The primary's storage key (source objects are decrypted with it). */
  primaryStorageKeyArn: pulumi.Input<string>;
  /** This region's replica of the storage key (replicas are encrypted with it). */
  replicaStorageKeyArn: pulumi.Input<string>;
  destinations: Record<BucketName, SecureBucket>;
}

/**
 * Cross-region replication from the primary's buckets into this region's, created by the standby
 * (the primary knows nothing about it): the IAM role S3 assumes, and the replication rules on the
 * primary buckets, declared in the primary's region with aws v7's per-resource `region`.
 */
export function createReplication(
  scope: ComponentScope,
  s: ReplicationSettings,
): aws.s3.BucketReplicationConfig[] {
  const parent = { parent: scope.parent };
  const role = new aws.iam.Role(
    `${scope.name}-replication`,
    {
      description: "S3 cross-region replication from the primary's buckets",
      assumeRolePolicy: pulumi
        .output(scope.accountId)
        .apply((account) => JSON.stringify(serviceTrustPolicy("s3.amazonaws.com", account))),
      tags: { Name: `${scope.namePrefix}-replication` },
    },
    parent,
  );
  const destinationArns = BUCKETS.map((b) => s.destinations[b].bucket.arn);
  new aws.iam.RolePolicy(
    `${scope.name}-replication`,
    {
      role: role.id,
      policy: pulumi
        .all([
          s.primaryBuckets,
          destinationArns,
          s.primaryStorageKeyArn,
          s.replicaStorageKeyArn,
          s.primaryRegion,
        ])
        .apply(([sources, destinations, sourceKey, destinationKey, sourceRegion]) => {
          const sourceArns = BUCKETS.map((b) => sources[b].arn);
          // The keys only through S3 in their region, only for these buckets' objects. With S3
          // Bucket Keys on, S3 uses the bucket ARN as encryption context; otherwise the object's
          // (S3 user guide, "Replicating encrypted objects"; "Reducing the cost of SSE-KMS").
          const forObjectsOf = (region: string, buckets: string[]) => ({
            StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
            StringLike: {
              "kms:EncryptionContext:aws:s3:arn": buckets.flatMap((a) => [a, `${a}/*`]),
            },
          });
          return JSON.stringify(
            policyDocument([
              {
                Sid: "ReadSourceConfiguration",
                Effect: "Allow",
                Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                Resource: sourceArns,
              },
              {
                Sid: "ReadSourceVersions",
                Effect: "Allow",
                Action: [
                  "s3:GetObjectVersionForReplication",
                  "s3:GetObjectVersionAcl",
                  "s3:GetObjectVersionTagging",
                ],
                Resource: sourceArns.map((a) => `${a}/*`),
              },
              {
                Sid: "WriteReplicas",
                Effect: "Allow",
                Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                Resource: destinations.map((a) => `${a}/*`),
              },
              {
                Sid: "DecryptSource",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: sourceKey,
                Condition: forObjectsOf(sourceRegion, sourceArns),
              },
              {
                Sid: "EncryptReplica",
                Effect: "Allow",
                Action: ["kms:Encrypt", "kms:GenerateDataKey"],
                Resource: destinationKey,
                Condition: forObjectsOf(scope.region, destinations),
              },
            ]),
          );
        }),
    },
    parent,
  );
  return BUCKETS.map(
    (b) =>
      new aws.s3.BucketReplicationConfig(
        `${scope.name}-${b}-replication`,
        {
          region: s.primaryRegion,
          bucket: pulumi.output(s.primaryBuckets).apply((buckets) => buckets[b].name),
          role: role.arn,
          rules: [
            {
              id: `to-${scope.region}`,
              status: "Enabled",
              filter: {},
              deleteMarkerReplication: { status: "Enabled" },
              sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
              destination: {
                bucket: s.destinations[b].bucket.arn,
                storageClass: "STANDARD",
                encryptionConfiguration: { replicaKmsKeyId: s.replicaStorageKeyArn },
                // Replication Time Control: 99.99 % of objects within 15 minutes, with metrics.
                replicationTime: { status: "Enabled", time: { minutes: 15 } },
                metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
              },
            },
          ],
        },
        // The destination must be versioned before S3 accepts the rule.
        { parent: scope.parent, dependsOn: [s.destinations[b].versioning] },
      ),
  );
}
