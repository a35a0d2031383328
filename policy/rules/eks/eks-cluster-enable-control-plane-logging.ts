import { CONTROL_PLANE_LOG_TYPES, missingLogTypes } from "../../lib/eks";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "eks-cluster-enable-control-plane-logging",
    description: "EKS clusters ship all five control-plane log types to CloudWatch.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §2.1.1", "PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: ["aws:eks/cluster:Cluster"],
    remediation: `Set enabledClusterLogTypes to ${CONTROL_PLANE_LOG_TYPES.join(", ")}.`,
  },
  (props) => missingLogTypes(props.enabledClusterLogTypes),
);
