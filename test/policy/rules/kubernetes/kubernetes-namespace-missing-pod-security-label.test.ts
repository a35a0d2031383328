import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-namespace-missing-pod-security-label";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:core/v1:Namespace",
      "the baseline level",
      (p) => (p.metadata.labels["pod-security.kubernetes.io/enforce"] = "baseline"),
    ),
  ],
  violations: [
    violates(
      "kubernetes:core/v1:Namespace",
      "no PSA label",
      (p) => (p.metadata.labels = {}),
      /no pod-security.kubernetes.io\/enforce label/,
    ),
    violates(
      "kubernetes:core/v1:Namespace",
      "an unknown level",
      (p) => (p.metadata.labels["pod-security.kubernetes.io/enforce"] = "strict"),
      /no pod-security.kubernetes.io\/enforce label/,
    ),
    violates(
      "kubernetes:core/v1:Namespace",
      "no labels at all",
      (p) => delete p.metadata.labels,
      /no pod-security.kubernetes.io\/enforce label/,
    ),
  ],
});
