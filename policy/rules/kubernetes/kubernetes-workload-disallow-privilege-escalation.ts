import { WORKLOADS, containers } from "../../lib/kubernetes";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-workload-disallow-privilege-escalation",
    description: "Every container sets allowPrivilegeEscalation: false and drops all capabilities.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.2.5"],
    topic: "kubernetes",
    types: WORKLOADS,
    remediation:
      "Set securityContext { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }.",
  },
  (props) =>
    containers(props).flatMap((c) => [
      c.securityContext?.allowPrivilegeEscalation === false
        ? undefined
        : `container ${c.name} may escalate privileges`,
      (c.securityContext?.capabilities?.drop ?? []).includes("ALL")
        ? undefined
        : `container ${c.name} does not drop ALL capabilities`,
    ]),
);
