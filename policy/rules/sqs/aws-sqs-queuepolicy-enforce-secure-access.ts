import { resourcePolicyProblems } from "../../lib/resourcePolicy";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-sqs-queuepolicy-enforce-secure-access",
    description:
      "Queue policies deny requests without TLS and allow no one (`*`) without a condition.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1", "PCI-DSS 4.0 §7.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:sqs/queuePolicy:QueuePolicy"],
    remediation:
      "Add a Deny for Principal * on the queue when aws:SecureTransport is false, and grant named principals (or conditioned ones) only.",
  },
  (props) => resourcePolicyProblems(props.policy),
);
