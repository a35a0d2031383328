import { WORKLOADS, containers, effective } from "../../lib/kubernetes";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-workload-enforce-run-as-non-root",
    description:
      "Every container runs as a non-root user (container or pod securityContext.runAsNonRoot).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.2.6"],
    topic: "kubernetes",
    types: WORKLOADS,
    remediation:
      "Set securityContext.runAsNonRoot: true (and a non-zero runAsUser if the image has no USER).",
  },
  (props) =>
    containers(props).map((c) =>
      effective(props, c, "runAsNonRoot") === true
        ? undefined
        : `container ${c.name} may run as root`,
    ),
);
