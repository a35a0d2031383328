import { isTrue } from "../../lib/props";
import { stackRule } from "../../lib/rule";

const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export default stackRule(
  {
    name: "aws-s3-bucket-missing-public-access-block",
    description: "Every S3 bucket has a public access block with all four settings on.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.1.4", "PCI-DSS 4.0 §1.4.1"],
    topic: "network-exposure",
    types: [...BUCKETS, BLOCK],
    remediation:
      "Add aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.",
  },
  (stack) =>
    stack.ofType(...BUCKETS).flatMap((bucket) => {
      const blocks = stack
        .ofType(BLOCK)
        .filter(
          (b) =>
            stack.referenced(b, "bucket").some((x) => x.urn === bucket.urn) ||
            b.props?.bucket === bucket.props?.bucket,
        );
      const full = blocks.some((b) => FLAGS.every((f) => isTrue(b.props?.[f])));
      return full
        ? []
        : [
            {
              resource: bucket,
              message:
                "public access is not fully blocked (BucketPublicAccessBlock with all four flags)",
            },
          ];
    }),
);
