import { isTrue } from "../../lib/props";
import { stackRule } from "../../lib/rule";
import { BUCKET_TYPES, PUBLIC_ACCESS_BLOCK_TYPES, companions } from "../../lib/s3";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export default stackRule(
  {
    name: "aws-s3-bucket-missing-public-access-block",
    description: "Every S3 bucket has a public access block with all four settings on.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.1.4", "PCI-DSS 4.0 §1.4.1"],
    topic: "network-exposure",
    types: [...BUCKET_TYPES, ...PUBLIC_ACCESS_BLOCK_TYPES],
    remediation:
      "Add aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true.",
  },
  (stack) =>
    stack.ofType(...BUCKET_TYPES).flatMap((bucket) => {
      const full = companions(stack, bucket, PUBLIC_ACCESS_BLOCK_TYPES).some((b) =>
        FLAGS.every((f) => isTrue(b.props?.[f])),
      );
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
