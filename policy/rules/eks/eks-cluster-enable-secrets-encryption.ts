import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "eks-cluster-enable-secrets-encryption",
    description:
      "EKS clusters envelope-encrypt Kubernetes secrets with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §5.3.1"],
    topic: "encryption-at-rest",
    types: ["aws:eks/cluster:Cluster"],
    remediation: 'Set encryptionConfig { resources: ["secrets"], provider: { keyArn } }.',
  },
  (props) => {
    const cfg = props.encryptionConfig;
    // The key is another resource: during a first preview its ARN is unknown, so presence decides.
    const ok = isSet(cfg?.provider, "keyArn") && (cfg.resources ?? []).includes("secrets");
    return ok
      ? undefined
      : "Kubernetes secrets are not encrypted with a KMS key (encryptionConfig)";
  },
);
