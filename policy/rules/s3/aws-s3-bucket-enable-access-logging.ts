import { isSet } from "../../lib/known";
import { stackRule } from "../../lib/rule";
import { BUCKET_TYPES, LOGGING_TYPES, companions, logBuckets } from "../../lib/s3";

export default stackRule(
  {
    name: "aws-s3-bucket-enable-access-logging",
    description:
      "Every S3 bucket that does not itself receive logs (access logs, CloudFront, ALB, CloudTrail, Config) has server access logging to another bucket.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.4", "PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: [...BUCKET_TYPES, ...LOGGING_TYPES],
    remediation:
      "Add aws.s3.BucketLogging with targetBucket set to the log bucket (and a prefix per source bucket).",
  },
  (stack) => {
    const logs = logBuckets(stack);
    return stack.ofType(...BUCKET_TYPES).flatMap((bucket) => {
      if (logs.has(bucket.urn)) return [];
      // The target only has to be set: a name computed by another resource counts.
      const logging = companions(stack, bucket, LOGGING_TYPES).filter((l) =>
        isSet(l.props, "targetBucket"),
      );
      return logging.length > 0
        ? []
        : [{ resource: bucket, message: "server access logging is off (no BucketLogging)" }];
    });
  },
);
