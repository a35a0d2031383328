import { resourceRule } from "../../lib/rule";
import { CONTROL_PLANE_LOG_TYPES } from "./eks-cluster-enable-control-plane-logging";

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
  (props) => {
    const missing = CONTROL_PLANE_LOG_TYPES.filter(
      (t) => !(props.enabledClusterLogTypes ?? []).includes(t),
    );
    return missing.length ? `control-plane log types missing: ${missing.join(", ")}` : undefined;
  },
);
