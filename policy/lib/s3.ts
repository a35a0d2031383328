/** S3 bucket types and the companion resources aws v7 keeps beside a bucket. */
import type { PolicyResource } from "@pulumi/policy";
import { StackView } from "./stackView";

export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
export const SSE_TYPES = [
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
];
export const PUBLIC_ACCESS_BLOCK_TYPES = ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"];
export const VERSIONING_TYPES = [
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketVersioningV2:BucketVersioningV2",
];

/** Companions of `bucket`: resources of `types` whose `bucket` input is this bucket (by dependency or name). */
export function companions(
  stack: StackView,
  bucket: PolicyResource,
  types: string[],
): PolicyResource[] {
  return stack.ofType(...types).filter((c) => {
    const viaDependency = stack.referenced(c, "bucket", BUCKET_TYPES);
    if (viaDependency.length > 0) return viaDependency.some((b) => b.urn === bucket.urn);
    return c.props?.bucket !== undefined && c.props.bucket === bucket.props?.bucket;
  });
}
