import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-secret-disallow-long-lived-token",
    description:
      "No Secret of type kubernetes.io/service-account-token (a token that never expires) and none in the default namespace: workloads get short-lived projected tokens and AWS credentials from Pod Identity.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: [],
    topic: "kubernetes",
    types: ["kubernetes:core/v1:Secret"],
    remediation:
      "Use projected service-account tokens (the default since Kubernetes 1.24) or Pod Identity; keep Secrets in the namespace of the workload that reads them.",
  },
  (props) => [
    props.type === "kubernetes.io/service-account-token"
      ? "a long-lived service-account token Secret"
      : undefined,
    (props.metadata?.namespace ?? "default") === "default"
      ? "a Secret in the default namespace"
      : undefined,
  ],
);
