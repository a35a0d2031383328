import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-service-disallow-load-balancer";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:core/v1:Service",
      "an allow-listed LoadBalancer service",
      (p) => (p.spec.type = "LoadBalancer"),
      {
        name: "edge",
        config: { loadBalancerServiceAllowList: ["edge"] },
      },
    ),
    passes("kubernetes:core/v1:Service", "a NodePort service", (p) => (p.spec.type = "NodePort")),
  ],
  violations: [
    violates(
      "kubernetes:core/v1:Service",
      "LoadBalancer service",
      (p) => (p.spec.type = "LoadBalancer"),
      /LoadBalancer not on the allow-list/,
    ),
    violates(
      "kubernetes:core/v1:Service",
      "a LoadBalancer service of another name than the allow-listed one",
      (p) => (p.spec.type = "LoadBalancer"),
      /Service of type LoadBalancer not on the allow-list/,
      { name: "shop", config: { loadBalancerServiceAllowList: ["edge"] } },
    ),
  ],
});
