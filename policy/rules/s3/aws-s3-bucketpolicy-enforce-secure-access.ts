import { resourcePolicyProblems } from "../../lib/resourcePolicy";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-s3-bucketpolicy-enforce-secure-access",
    description:
      "Bucket policies deny requests without TLS and allow no one (`*`) without a condition.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1", "PCI-DSS 4.0 §7.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:s3/bucketPolicy:BucketPolicy"],
    remediation:
      "Add a Deny for Principal * on the bucket when aws:SecureTransport is false, and grant named principals (or conditioned ones) only.",
    previewLimit:
      "A policy that embeds the ARN of a resource created in the same run (the bucket, queue or topic itself) is unknown as a whole during a first preview, as IAM documents are (see aws-iam-policy-disallow-wildcard-admin); it is checked during `pulumi up`, before the policy is attached.",
  },
  (props) => resourcePolicyProblems(props.policy),
);
