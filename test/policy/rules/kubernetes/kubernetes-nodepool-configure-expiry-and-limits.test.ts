import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-nodepool-configure-expiry-and-limits";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:karpenter.sh/v1:NodePool",
      "expiry left to Karpenter's default (720h)",
      (p) => delete p.spec.template.spec.expireAfter,
    ),
  ],
  violations: [
    violates(
      "kubernetes:karpenter.sh/v1:NodePool",
      "nodes never expire",
      (p) => (p.spec.template.spec.expireAfter = "Never"),
      /nodes never expire/,
    ),
    violates(
      "kubernetes:karpenter.sh/v1:NodePool",
      "no CPU limit",
      (p) => delete p.spec.limits,
      /no CPU limit/,
    ),
    violates(
      "kubernetes:karpenter.sh/v1:NodePool",
      "limits without CPU",
      (p) => (p.spec.limits = { memory: "1000Gi" }),
      /no CPU limit \(spec.limits.cpu\)/,
    ),
  ],
});
