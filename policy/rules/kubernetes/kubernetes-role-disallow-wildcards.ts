import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-role-disallow-wildcards",
    description: "RBAC Roles and ClusterRoles name their API groups, resources and verbs (no `*`).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.1.3"],
    topic: "kubernetes",
    types: [
      "kubernetes:rbac.authorization.k8s.io/v1:Role",
      "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
    ],
    remediation: "List the exact apiGroups, resources and verbs each rule needs.",
  },
  (props) =>
    asArray<Record<string, unknown>>(props.rules).flatMap((rule, i) =>
      ["apiGroups", "resources", "verbs"].map((k) =>
        asArray(rule[k]).includes("*")
          ? `rule ${i} grants every ${k.replace(/s$/, "")}`
          : undefined,
      ),
    ),
);
