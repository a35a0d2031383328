import { WORKLOADS, containers } from "../../lib/kubernetes";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-workload-enforce-read-only-root-filesystem",
    description:
      "Every container mounts its root filesystem read-only (writable paths are explicit emptyDir volumes).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topic: "kubernetes",
    types: WORKLOADS,
    remediation:
      "Set securityContext.readOnlyRootFilesystem: true; mount an emptyDir where the app writes.",
  },
  (props) =>
    containers(props).map((c) =>
      c.securityContext?.readOnlyRootFilesystem === true
        ? undefined
        : `container ${c.name} has a writable root filesystem`,
    ),
);
