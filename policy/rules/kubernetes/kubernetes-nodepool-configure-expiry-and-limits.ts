import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-nodepool-configure-expiry-and-limits",
    description:
      "Karpenter NodePools expire nodes (so they are replaced with patched AMIs) and cap CPU.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §6.3.3"],
    topic: "kubernetes",
    types: ["kubernetes:karpenter.sh/v1:NodePool"],
    remediation:
      'Set spec.template.spec.expireAfter (e.g. "720h", not "Never") and spec.limits.cpu.',
  },
  (props) => {
    const expireAfter = props.spec?.template?.spec?.expireAfter;
    return [
      // Karpenter v1 defaults expireAfter to 720h; "Never" keeps nodes on their AMI forever.
      expireAfter === "Never" ? "nodes never expire (expireAfter: Never)" : undefined,
      props.spec?.limits?.cpu ? undefined : "no CPU limit (spec.limits.cpu)",
    ];
  },
);
