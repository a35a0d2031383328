import { peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { stackRule } from "../../lib/rule";
import { BUCKET_TYPES, bucketsNamedBy, logBuckets } from "../../lib/s3";

const JOB = "aws:macie2/classificationJob:ClassificationJob";

export default stackRule(
  {
    name: "aws-macie-classificationjob-enforce-data-bucket-scope",
    description:
      "Every S3 bucket that holds shop data (any bucket no log delivery writes to) is in the scope of a scheduled Macie classification job.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.5.2"],
    topic: "governance",
    types: [JOB, ...BUCKET_TYPES],
    remediation:
      "Name the bucket in a SCHEDULED aws.macie2.ClassificationJob's s3JobDefinition.bucketDefinitions.",
    previewLimit:
      "The stacks hand the job its bucket names from the data component's outputs object, which also holds the buckets' ARNs, so during a first preview the names are unknown. The rule then reads the job's scope from its property dependencies, which name every bucket of that object (the log bucket too), and cannot see a data bucket left out of the list; it sees the names during `pulumi up`, before the job is created. A job that is not SCHEDULED, or a bucket no job depends on, is caught in the preview.",
  },
  (stack) => {
    const jobs = stack.ofType(JOB);
    const unscheduled = jobs
      .filter((j) => j.props?.jobType !== "SCHEDULED")
      .map((j) => ({
        resource: j,
        message: `jobType ${j.props?.jobType ?? "?"} runs once: use SCHEDULED so new objects are classified`,
      }));
    const inScope = new Set(
      jobs
        .filter((j) => j.props?.jobType === "SCHEDULED")
        .flatMap((j) =>
          asArray<Record<string, unknown>>(j.props?.s3JobDefinition?.bucketDefinitions).flatMap(
            (d) => bucketsNamedBy(stack, j, "s3JobDefinition", peek(d, "buckets"), "all"),
          ),
        )
        .map((b) => b.urn),
    );
    const logs = logBuckets(stack);
    const missing = stack
      .ofType(...BUCKET_TYPES)
      .filter((b) => !logs.has(b.urn) && !inScope.has(b.urn))
      .map((b) => ({
        resource: b,
        message: "no scheduled Macie classification job covers this data bucket",
      }));
    return [...unscheduled, ...missing];
  },
);
