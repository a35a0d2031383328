import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

/** An Istio rule with no from/to/when matches every request. */
const matchesAll = (rule: unknown) =>
  !rule ||
  (typeof rule === "object" &&
    ["from", "to", "when"].every(
      (k) => asArray((rule as Record<string, unknown>)[k]).length === 0,
    ));

export default resourceRule(
  {
    name: "kubernetes-authorizationpolicy-disallow-allow-all",
    description:
      "Istio AuthorizationPolicies never ALLOW every request (a rule with no from, to or when).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §7.2.1"],
    topic: "kubernetes",
    types: ["kubernetes:security.istio.io/v1:AuthorizationPolicy"],
    remediation: "Name the sources (principals or namespaces) each ALLOW rule admits.",
  },
  (props) => {
    const action = props.spec?.action ?? "ALLOW";
    if (action !== "ALLOW") return undefined;
    return asArray(props.spec?.rules).some(matchesAll)
      ? "an ALLOW rule matches every request"
      : undefined;
  },
);
