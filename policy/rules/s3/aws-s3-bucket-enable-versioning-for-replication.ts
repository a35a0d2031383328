import { isComputed, peek } from "../../lib/known";
import type { PolicyResource } from "@pulumi/policy";
import { asArray } from "../../lib/props";
import { stackRule } from "../../lib/rule";
import { BUCKET_TYPES, VERSIONING_TYPES, companions } from "../../lib/s3";

const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

export default stackRule(
  {
    name: "aws-s3-bucket-enable-versioning-for-replication",
    description:
      "Buckets of this stack that are a source or destination of replication have versioning enabled.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: [...BUCKET_TYPES, REPLICATION],
    remediation:
      "Add aws.s3.BucketVersioning with status Enabled for both buckets of a replication rule.",
  },
  (stack) => {
    const versioned = (bucket: PolicyResource) =>
      companions(stack, bucket, VERSIONING_TYPES).some(
        (v) => v.props?.versioningConfiguration?.status === "Enabled",
      );
    return stack.ofType(REPLICATION).flatMap((config) => {
      // A source bucket in another stack (the standby replicates the primary's) is checked where it lives.
      const sources = stack.referenced(config, "bucket", BUCKET_TYPES);
      // Destinations by the rules' property dependencies (a replica bucket created here has no ARN
      // yet in a first preview), and by the ARNs the rules name.
      const viaDependency = (config.propertyDependencies?.rules ?? []).filter((d) =>
        BUCKET_TYPES.includes(d.type),
      );
      const arns = asArray<{ destination?: { bucket?: unknown } }>(peek(config.props, "rules")).map(
        (r) => peek(peek(r, "destination"), "bucket"),
      );
      const byArn = stack.ofType(...BUCKET_TYPES).filter((b) => {
        const arn = peek(b.props, "arn");
        return !isComputed(arn) && arns.includes(arn);
      });
      const destinations = [...new Set([...viaDependency, ...byArn])];
      return [...sources, ...destinations]
        .filter((b) => !versioned(b))
        .map((resource) => ({ resource, message: "replicated bucket without versioning enabled" }));
    });
  },
);
