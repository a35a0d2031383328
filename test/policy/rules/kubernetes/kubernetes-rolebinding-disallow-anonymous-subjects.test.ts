import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "kubernetes-rolebinding-disallow-anonymous-subjects";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
      "anonymous",
      (p) => p.subjects.push({ kind: "User", name: "system:anonymous" }),
      /binds system:anonymous/,
    ),
    violates(
      "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
      "every authenticated user",
      (p) => p.subjects.push({ kind: "Group", name: "system:authenticated" }),
      /binds system:authenticated/,
    ),
    violates(
      "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
      "every unauthenticated user",
      (p) => p.subjects.push({ kind: "Group", name: "system:unauthenticated" }),
      /binds system:unauthenticated/,
    ),
  ],
});
