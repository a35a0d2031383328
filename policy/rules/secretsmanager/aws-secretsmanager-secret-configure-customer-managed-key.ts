import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-secretsmanager-secret-configure-customer-managed-key",
    description:
      "Secrets Manager secrets (and their replicas) encrypt with a customer managed KMS key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.6.1"],
    topic: "encryption-at-rest",
    types: ["aws:secretsmanager/secret:Secret"],
    remediation: "Set kmsKeyId (and kmsKeyId on every replica).",
  },
  (props) => [
    isSet(props, "kmsKeyId") ? undefined : "no customer managed key (kmsKeyId is empty)",
    ...(Array.isArray(props.replicas) ? props.replicas : []).map(
      (r: { region?: string; kmsKeyId?: string }) =>
        isSet(r, "kmsKeyId")
          ? undefined
          : `replica in ${r.region ?? "?"} has no customer managed key`,
    ),
  ],
);
