import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument, policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";
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

/** One direction of replication, for the role's policy: buckets, keys and regions on each side. */
export interface ReplicationPath {
  sourceArns: string[];
  sourceKeyArn: string;
  sourceRegion: string;
  destinationArns: string[];
  destinationKeyArn: string;
  destinationRegion: string;
}

/**
 * The replication role's policy for one direction: read the sources' configuration and versions,
 * write replicas (and, for replica modification sync, their metadata) into the destinations, and
 * use each key only through S3 in its region for these buckets' objects. With S3 Bucket Keys on,
 * S3 uses the bucket ARN as encryption context; otherwise the object's (S3 user guide,
 * "Replicating encrypted objects"; "Reducing the cost of SSE-KMS").
 */
export function replicationRolePolicy(p: ReplicationPath): PolicyDocument {
  const forObjectsOf = (region: string, buckets: string[]) => ({
    StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
    StringLike: {
      "kms:EncryptionContext:aws:s3:arn": buckets.flatMap((a) => [a, `${a}/*`]),
    },
  });
  return policyDocument([
    {
      Sid: "ReadSourceConfiguration",
      Effect: "Allow",
      Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
      Resource: p.sourceArns,
    },
    {
      Sid: "ReadSourceVersions",
      Effect: "Allow",
      Action: [
        "s3:GetObjectVersionForReplication",
        "s3:GetObjectVersionAcl",
        "s3:GetObjectVersionTagging",
      ],
      Resource: p.sourceArns.map((a) => `${a}/*`),
    },
    {
      Sid: "WriteReplicas",
      Effect: "Allow",
      Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
      Resource: p.destinationArns.map((a) => `${a}/*`),
    },
    {
      Sid: "DecryptSource",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: p.sourceKeyArn,
      Condition: forObjectsOf(p.sourceRegion, p.sourceArns),
    },
    {
      Sid: "EncryptReplica",
      Effect: "Allow",
      Action: ["kms:Encrypt", "kms:GenerateDataKey"],
      Resource: p.destinationKeyArn,
      Condition: forObjectsOf(p.destinationRegion, p.destinationArns),
    },
  ]);
}

/**
 * One replication rule (S3 user guide, "Configuring replication for buckets in different
 * accounts or Regions" and "Replicating metadata changes with replica modification sync"):
 * everything, delete markers included (a delete made during a failover reaches the other side at
 * failback), SSE-KMS objects re-encrypted with the destination's key, Replication Time Control
 * (99.99 % within 15 minutes, with metrics), and replica modification sync so metadata changed on
 * a replica flows back. S3 never replicates a replica again, so two rules pointing at each other
 * do not loop (S3 user guide, "What does Amazon S3 replicate?").
 */
export function replicationRule(
  toRegion: pulumi.Input<string>,
  destinationArn: pulumi.Input<string>,
  destinationKeyArn: pulumi.Input<string>,
): aws.types.input.s3.BucketReplicationConfigRule {
  return {
    id: pulumi.interpolate`to-${toRegion}`,
    status: "Enabled",
    filter: {},
    deleteMarkerReplication: { status: "Enabled" },
    sourceSelectionCriteria: {
      sseKmsEncryptedObjects: { status: "Enabled" },
      replicaModifications: { status: "Enabled" },
    },
    destination: {
      bucket: destinationArn,
      storageClass: "STANDARD",
      encryptionConfiguration: { replicaKmsKeyId: destinationKeyArn },
      replicationTime: { status: "Enabled", time: { minutes: 15 } },
      metrics: { status: "Enabled", eventThreshold: { minutes: 15 } },
    },
  };
}

function replicationRole(
  scope: ComponentScope,
  suffix: string,
  description: string,
  path: pulumi.Output<ReplicationPath>,
): { role: aws.iam.Role; policy: aws.iam.RolePolicy } {
  const parent = { parent: scope.parent };
  const role = new aws.iam.Role(
    `${scope.name}-${suffix}`,
    {
      description,
      assumeRolePolicy: pulumi
        .output(scope.accountId)
        .apply((account) => JSON.stringify(serviceTrustPolicy("s3.amazonaws.com", account))),
      tags: { Name: `${scope.namePrefix}-${suffix}` },
    },
    parent,
  );
  const policy = new aws.iam.RolePolicy(
    `${scope.name}-${suffix}`,
    { role: role.id, policy: path.apply((p) => JSON.stringify(replicationRolePolicy(p))) },
    parent,
  );
  return { role, policy };
}

/**
 * Replication in both directions, all created by the standby (the primary knows nothing about
 * it):
 * - primary → here: rules on the primary's buckets, declared in the primary's region with aws
 *   v7's per-resource `region`, replicating into this region's buckets;
 * - here → primary: rules on this region's buckets, declared here, so objects written while this
 *   region serves (after a failover) are in the primary's buckets for failback. Declared in this
 *   region, a `pulumi up` during a failover never calls the primary region's S3 control plane for
 *   them; S3 keeps retrying replicas a lost destination cannot take, and marks them FAILED after
 *   that (runbook: S3 Batch Replication at failback).
 * Each direction has its own role, which can read only its sources and write only its
 * destinations.
 */
export function createReplication(
  scope: ComponentScope,
  s: ReplicationSettings,
): {
  toHere: aws.s3.BucketReplicationConfig[];
  toPrimary: aws.s3.BucketReplicationConfig[];
} {
  const destinationArns = BUCKETS.map((b) => s.destinations[b].bucket.arn);
  const sides = pulumi.all([
    s.primaryBuckets,
    destinationArns,
    s.primaryStorageKeyArn,
    s.replicaStorageKeyArn,
    s.primaryRegion,
  ]);
  const inbound = replicationRole(
    scope,
    "replication",
    "S3 cross-region replication from the primary's buckets",
    sides.apply(([primary, here, primaryKey, hereKey, primaryRegion]) => ({
      sourceArns: BUCKETS.map((b) => primary[b].arn),
      sourceKeyArn: primaryKey,
      sourceRegion: primaryRegion,
      destinationArns: here,
      destinationKeyArn: hereKey,
      destinationRegion: scope.region,
    })),
  );
  const outbound = replicationRole(
    scope,
    "replication-back",
    "S3 cross-region replication back to the primary's buckets (failback)",
    sides.apply(([primary, here, primaryKey, hereKey, primaryRegion]) => ({
      sourceArns: here,
      sourceKeyArn: hereKey,
      sourceRegion: scope.region,
      destinationArns: BUCKETS.map((b) => primary[b].arn),
      destinationKeyArn: primaryKey,
      destinationRegion: primaryRegion,
    })),
  );
  const primaryBucket = (b: BucketName) => pulumi.output(s.primaryBuckets).apply((x) => x[b]);

  const toHere = BUCKETS.map(
    (b) =>
      new aws.s3.BucketReplicationConfig(
        `${scope.name}-${b}-replication`,
        {
          region: s.primaryRegion,
          bucket: primaryBucket(b).name,
          role: inbound.role.arn,
          rules: [
            replicationRule(scope.region, s.destinations[b].bucket.arn, s.replicaStorageKeyArn),
          ],
        },
        // The destination must be versioned before S3 accepts the rule, and the role able to
        // replicate before the rule starts: S3 marks an object it could not replicate FAILED and
        // never retries it.
        { parent: scope.parent, dependsOn: [s.destinations[b].versioning, inbound.policy] },
      ),
  );
  const toPrimary = BUCKETS.map(
    (b) =>
      new aws.s3.BucketReplicationConfig(
        `${scope.name}-${b}-replication-back`,
        {
          bucket: s.destinations[b].bucket.bucket,
          role: outbound.role.arn,
          rules: [replicationRule(s.primaryRegion, primaryBucket(b).arn, s.primaryStorageKeyArn)],
        },
        // The source here must be versioned first; the destination, the primary's bucket, is
        // versioned by the primary stack, which is deployed before this one. The role's policy
        // first, as above.
        { parent: scope.parent, dependsOn: [s.destinations[b].versioning, outbound.policy] },
      ),
  );
  return { toHere, toPrimary };
}
