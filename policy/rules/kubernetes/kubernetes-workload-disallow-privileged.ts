import { WORKLOADS, containers } from "../../lib/kubernetes";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-workload-disallow-privileged",
    description:
      "No container runs privileged or shares the host's network, PID or IPC namespaces.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.2.1"],
    topic: "kubernetes",
    types: WORKLOADS,
    remediation: "Remove securityContext.privileged and hostNetwork/hostPID/hostIPC.",
  },
  (props) => [
    ...containers(props).map((c) =>
      isTrue(c.securityContext?.privileged) ? `container ${c.name} is privileged` : undefined,
    ),
    ...["hostNetwork", "hostPID", "hostIPC"].map((k) =>
      isTrue(props.spec?.template?.spec?.[k]) ? `pod uses ${k}` : undefined,
    ),
  ],
);
