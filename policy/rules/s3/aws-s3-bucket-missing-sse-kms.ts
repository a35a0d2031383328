import { asArray } from "../../lib/props";
import { Props, stackRule } from "../../lib/rule";

const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const SSE =
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

// A stack rule: in aws v7 the encryption settings live in a resource of their own.
export default stackRule(
  {
    name: "aws-s3-bucket-missing-sse-kms",
    description:
      "Every S3 bucket has a server-side encryption configuration using SSE-KMS with a customer key.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.1.1", "PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: [...BUCKETS, SSE],
    remediation:
      "Add aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and kmsMasterKeyId.",
  },
  (stack) =>
    stack.ofType(...BUCKETS).flatMap((bucket) => {
      const configs = stack
        .ofType(SSE)
        .filter(
          (c) =>
            stack.referenced(c, "bucket").some((b) => b.urn === bucket.urn) ||
            c.props?.bucket === bucket.props?.bucket,
        );
      const kms = configs.some((c) =>
        asArray<Props>(c.props?.rules).some(
          (r) =>
            r.applyServerSideEncryptionByDefault?.sseAlgorithm?.startsWith("aws:kms") &&
            r.applyServerSideEncryptionByDefault?.kmsMasterKeyId,
        ),
      );
      return kms
        ? []
        : [
            {
              resource: bucket,
              message: "no SSE-KMS encryption configuration with a customer key",
            },
          ];
    }),
);
