import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "kubernetes-role-disallow-wildcards";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:rbac.authorization.k8s.io/v1:Role",
      "every verb",
      (p) => (p.rules[0].verbs = ["*"]),
      /rule 0 grants every verb/,
    ),
    violates(
      "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
      "every resource",
      (p) => (p.rules[0].resources = ["*"]),
      /rule 0 grants every resource/,
    ),
    violates(
      "kubernetes:rbac.authorization.k8s.io/v1:Role",
      "every API group",
      (p) => (p.rules[0].apiGroups = ["*"]),
      /rule 0 grants every apiGroup/,
    ),
  ],
});
