import { WORKLOADS, containers } from "../../lib/kubernetes";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-workload-configure-resources",
    description: "Every container declares CPU and memory requests and limits.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topic: "kubernetes",
    types: WORKLOADS,
    remediation: "Set resources.requests and resources.limits for cpu and memory.",
  },
  (props) =>
    containers(props).flatMap((c) =>
      (["requests", "limits"] as const).flatMap((kind) =>
        ["cpu", "memory"].map((r) =>
          c.resources?.[kind]?.[r]
            ? undefined
            : `container ${c.name} has no ${r} ${kind.slice(0, -1)}`,
        ),
      ),
    ),
);
