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
  },
  (props) => resourcePolicyProblems(props.policy),
);
