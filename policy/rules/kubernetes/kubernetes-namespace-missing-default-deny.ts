import { stackRule } from "../../lib/rule";

const NAMESPACE = "kubernetes:core/v1:Namespace";
const NETWORK_POLICY = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

/** Selects every pod, covers both directions and admits nothing. */
function isDefaultDeny(spec: Record<string, unknown> | undefined): boolean {
  const selector = spec?.podSelector as Record<string, unknown> | undefined;
  const types = (spec?.policyTypes as string[] | undefined) ?? [];
  return (
    !!selector &&
    Object.keys(selector).every((k) => Object.keys(selector[k] ?? {}).length === 0) &&
    types.includes("Ingress") &&
    types.includes("Egress") &&
    !(spec?.ingress as unknown[] | undefined)?.length &&
    !(spec?.egress as unknown[] | undefined)?.length
  );
}

export default stackRule(
  {
    name: "kubernetes-namespace-missing-default-deny",
    description:
      "Every namespace the stack declares has a default-deny NetworkPolicy (all pods, ingress and egress, nothing admitted).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.3.2", "PCI-DSS 4.0 §1.3.1"],
    topic: "network-exposure",
    types: [NAMESPACE, NETWORK_POLICY],
    remediation:
      "Add a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress] and no rules in the namespace, then allow what is needed.",
  },
  (stack) => {
    const policies = stack.ofType(NETWORK_POLICY);
    return stack
      .ofType(NAMESPACE)
      .filter((ns) => {
        const name = ns.props?.metadata?.name;
        return !policies.some(
          (p) => p.props?.metadata?.namespace === name && isDefaultDeny(p.props?.spec),
        );
      })
      .map((resource) => ({
        resource,
        message: `namespace ${resource.props?.metadata?.name ?? "?"} has no default-deny NetworkPolicy`,
      }));
  },
);
