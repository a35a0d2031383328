import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

const BROAD = ["system:anonymous", "system:unauthenticated", "system:authenticated"];

export default resourceRule(
  {
    name: "kubernetes-rolebinding-disallow-anonymous-subjects",
    description:
      "RoleBindings and ClusterRoleBindings never bind anonymous, unauthenticated or all authenticated users.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.1.1"],
    topic: "kubernetes",
    types: [
      "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
      "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
    ],
    remediation: "Bind named users, groups or service accounts only.",
  },
  (props) =>
    asArray<{ name?: string }>(props.subjects).map((s) =>
      s.name && BROAD.includes(s.name) ? `binds ${s.name}` : undefined,
    ),
);
