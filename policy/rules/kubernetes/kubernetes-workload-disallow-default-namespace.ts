import { WORKLOADS } from "../../lib/kubernetes";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-workload-disallow-default-namespace",
    description:
      "Workloads, Services and ServiceAccounts live in a named namespace, never `default`.",
    severity: "low",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.6.1"],
    topic: "kubernetes",
    types: [...WORKLOADS, "kubernetes:core/v1:Service", "kubernetes:core/v1:ServiceAccount"],
    remediation: "Set metadata.namespace to the shop, mesh or observability namespace.",
  },
  (props) => {
    const ns = props.metadata?.namespace;
    return !ns || ns === "default" ? "in the default namespace" : undefined;
  },
);
