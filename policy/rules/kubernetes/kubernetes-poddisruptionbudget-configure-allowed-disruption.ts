import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-poddisruptionbudget-configure-allowed-disruption",
    description:
      "PodDisruptionBudgets allow at least one disruption, so node drains (Karpenter, upgrades) can proceed.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topic: "kubernetes",
    types: ["kubernetes:policy/v1:PodDisruptionBudget"],
    remediation:
      "Use maxUnavailable: 1 (or a percentage) instead of minAvailable: 100% / maxUnavailable: 0.",
  },
  (props) => {
    const spec = props.spec ?? {};
    if (spec.maxUnavailable !== undefined) {
      return ["0", "0%"].includes(String(spec.maxUnavailable))
        ? "maxUnavailable 0 blocks every voluntary disruption"
        : undefined;
    }
    return String(spec.minAvailable) === "100%"
      ? "minAvailable 100% blocks every voluntary disruption"
      : undefined;
  },
);
