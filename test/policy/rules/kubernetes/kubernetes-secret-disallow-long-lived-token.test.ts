import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "kubernetes-secret-disallow-long-lived-token";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:core/v1:Secret",
      "a service-account token",
      (p) => (p.type = "kubernetes.io/service-account-token"),
      /a long-lived service-account token Secret/,
    ),
    violates(
      "kubernetes:core/v1:Secret",
      "no namespace",
      (p) => delete p.metadata.namespace,
      /a Secret in the default namespace/,
    ),
    violates(
      "kubernetes:core/v1:Secret",
      "the default namespace named",
      (p) => (p.metadata.namespace = "default"),
      /a Secret in the default namespace/,
    ),
  ],
});
