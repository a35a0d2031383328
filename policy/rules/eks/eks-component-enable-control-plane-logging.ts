import { CONTROL_PLANE_LOG_TYPES, missingLogTypes } from "../../lib/eks";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "eks-component-enable-control-plane-logging",
    description: "eks.Cluster components enable all five control-plane log types.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §2.1.1"],
    topic: "logging",
    types: ["eks:index:Cluster"],
    remediation: `Set enabledClusterLogTypes to ${CONTROL_PLANE_LOG_TYPES.join(", ")}.`,
  },
  (props) => missingLogTypes(props.enabledClusterLogTypes),
);
