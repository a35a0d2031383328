/** S3 bucket types and the companion resources aws v7 keeps beside a bucket. */
import type { PolicyResource } from "@pulumi/policy";
import { isComputed, peek } from "./known";
import { asArray } from "./props";
import type { Props } from "./rule";
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

export const LOGGING_TYPES = [
  "aws:s3/bucketLogging:BucketLogging",
  "aws:s3/bucketLoggingV2:BucketLoggingV2",
];

/**
 * Where log deliveries name their destination bucket: server access logs, CloudFront standard
 * logs (a bucket domain name), ALB access logs, CloudTrail and AWS Config.
 */
const LOG_DESTINATIONS: { types: string[]; prop: string; value: (p: Props) => unknown }[] = [
  { types: LOGGING_TYPES, prop: "targetBucket", value: (p) => peek(p, "targetBucket") },
  {
    types: ["aws:cloudfront/distribution:Distribution"],
    prop: "loggingConfig",
    value: (p) => peek(p.loggingConfig, "bucket"),
  },
  {
    types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    prop: "accessLogs",
    value: (p) => peek(p.accessLogs, "bucket"),
  },
  {
    types: ["aws:cloudtrail/trail:Trail", "aws:cfg/deliveryChannel:DeliveryChannel"],
    prop: "s3BucketName",
    value: (p) => peek(p, "s3BucketName"),
  },
];

/**
 * The buckets `value` names: by bucket name (or a `<name>.s3…` domain name) when the value is
 * known. A value computed during a preview falls back to the property dependencies, which may name
 * more buckets than the value does (an outputs object of several buckets): `whenAmbiguous` says
 * whether those count (a looser reading) or not (a stricter one).
 */
export function bucketsNamedBy(
  stack: StackView,
  resource: PolicyResource,
  prop: string,
  value: unknown,
  whenAmbiguous: "all" | "none",
): PolicyResource[] {
  const buckets = stack.ofType(...BUCKET_TYPES);
  const names = asArray(value).filter((v): v is string => typeof v === "string" && v !== "");
  if (names.some(isComputed) || (isComputed(value) && names.length === 0)) {
    const deps = new Set(resource.propertyDependencies?.[prop]?.map((d) => d.urn) ?? []);
    const named = buckets.filter((b) => deps.has(b.urn));
    return named.length <= 1 || whenAmbiguous === "all" ? named : [];
  }
  return buckets.filter((b) => {
    const name = peek(b.props, "bucket");
    return (
      typeof name === "string" &&
      !isComputed(name) &&
      names.some((n) => n === name || n.startsWith(`${name}.s3`))
    );
  });
}

/**
 * Buckets some log delivery in the stack writes to (they hold logs, not shop data). A delivery
 * whose destination a preview cannot single out names none, so no data bucket is exempted by it.
 */
export function logBuckets(stack: StackView): Set<string> {
  return new Set(
    LOG_DESTINATIONS.flatMap(({ types, prop, value }) =>
      stack
        .ofType(...types)
        .flatMap((r) =>
          bucketsNamedBy(stack, r, prop, value(r.props ?? {}), "none").map((b) => b.urn),
        ),
    ),
  );
}
