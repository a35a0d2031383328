import { stackRule } from "../../lib/rule";

const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const VERSIONING = [
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketVersioningV2:BucketVersioningV2",
];
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

export default stackRule(
  {
    name: "aws-s3-bucket-enable-versioning-for-replication",
    description: "Buckets that are a source or destination of replication have versioning enabled.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: [...BUCKETS, REPLICATION],
    remediation:
      "Add aws.s3.BucketVersioning with status Enabled for both buckets of a replication rule.",
  },
  (stack) => {
    const versioned = (bucket: { urn: string; props: Record<string, unknown> }) =>
      stack
        .ofType(...VERSIONING)
        .some(
          (v) =>
            (stack.referenced(v, "bucket").some((b) => b.urn === bucket.urn) ||
              v.props?.bucket === bucket.props?.bucket) &&
            v.props?.versioningConfiguration?.status === "Enabled",
        );
    return stack.ofType(REPLICATION).flatMap((config) => {
      // A source bucket in another stack (the standby replicates the primary's) is checked there.
      const sources = stack.referenced(config, "bucket").filter((b) => BUCKETS.includes(b.type));
      const destinations = stack
        .ofType(...BUCKETS)
        .filter((b) =>
          (config.props?.rules ?? []).some(
            (r: { destination?: { bucket?: string } }) => r.destination?.bucket === b.props?.arn,
          ),
        );
      return [...sources, ...destinations]
        .filter((b) => !versioned(b))
        .map((resource) => ({ resource, message: "replicated bucket without versioning enabled" }));
    });
  },
);
