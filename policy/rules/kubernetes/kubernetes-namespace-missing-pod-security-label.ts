import { resourceRule } from "../../lib/rule";

const LEVELS = ["privileged", "baseline", "restricted"];

export default resourceRule(
  {
    name: "kubernetes-namespace-missing-pod-security-label",
    description: "Every namespace the program creates sets a Pod Security Admission enforce level.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.2"],
    topic: "kubernetes",
    types: ["kubernetes:core/v1:Namespace"],
    remediation:
      "Label pod-security.kubernetes.io/enforce: restricted (baseline where an add-on needs it).",
  },
  (props) =>
    LEVELS.includes(props.metadata?.labels?.["pod-security.kubernetes.io/enforce"])
      ? undefined
      : "no pod-security.kubernetes.io/enforce label",
);
