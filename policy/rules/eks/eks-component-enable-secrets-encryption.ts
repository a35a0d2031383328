import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "eks-component-enable-secrets-encryption",
    description:
      "eks.Cluster components encrypt Kubernetes secrets with a customer managed KMS key.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §5.3.1"],
    topic: "encryption-at-rest",
    types: ["eks:index:Cluster"],
    remediation: "Set encryptionConfigKeyArn.",
  },
  (props) =>
    isSet(props, "encryptionConfigKeyArn")
      ? undefined
      : "Kubernetes secrets are not encrypted (encryptionConfigKeyArn is empty)",
);
