import { isSet } from "../../lib/known";
import { asArray } from "../../lib/props";
import { Props, stackRule } from "../../lib/rule";
import { BUCKET_TYPES, SSE_TYPES, companions } from "../../lib/s3";

/** Tag marking a bucket AWS services deliver logs to (S3 server access logs, ALB logs). */
export const LOG_DELIVERY_TAG = "log-delivery";

// A stack rule: in aws v7 the encryption settings live in a resource of their own.
export default stackRule(
  {
    name: "aws-s3-bucket-missing-sse-kms",
    description:
      "Every S3 bucket has default encryption with SSE-KMS and a customer key; only buckets tagged log-delivery=true may use SSE-S3, for the deliveries AWS makes only to SSE-S3 buckets (S3 server access logs, ALB access logs).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.1.1", "PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: [...BUCKET_TYPES, ...SSE_TYPES],
    remediation:
      "Add aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms and kmsMasterKeyId.",
  },
  (stack) =>
    stack.ofType(...BUCKET_TYPES).flatMap((bucket) => {
      const defaults = companions(stack, bucket, SSE_TYPES).flatMap((c) =>
        asArray<Props>(c.props?.rules).map((r) => r.applyServerSideEncryptionByDefault ?? {}),
      );
      const kms = defaults.some(
        (d) => String(d.sseAlgorithm ?? "").startsWith("aws:kms") && isSet(d, "kmsMasterKeyId"),
      );
      const logDelivery = bucket.props?.tags?.[LOG_DELIVERY_TAG] === "true";
      if (kms || (logDelivery && defaults.some((d) => d.sseAlgorithm === "AES256"))) return [];
      const message = logDelivery
        ? "log-delivery bucket without default encryption (SSE-S3 or SSE-KMS)"
        : "no SSE-KMS encryption configuration with a customer key";
      return [{ resource: bucket, message }];
    }),
);
