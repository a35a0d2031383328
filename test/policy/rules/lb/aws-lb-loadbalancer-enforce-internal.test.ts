import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-lb-loadbalancer-enforce-internal";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:lb/loadBalancer:LoadBalancer",
      "an internet-facing load balancer on the allow-list",
      (p) => (p.internal = false),
      {
        name: "edge",
        config: { publicLoadBalancerAllowList: ["edge"] },
      },
    ),
    passes(
      "aws:alb/loadBalancer:LoadBalancer",
      'internal given as the string "true"',
      (p) => (p.internal = "true"),
    ),
  ],
  violations: [
    violates(
      "aws:lb/loadBalancer:LoadBalancer",
      "internet-facing",
      (p) => (p.internal = false),
      /internet-facing load balancer not on the allow-list/,
    ),
    violates(
      "aws:alb/loadBalancer:LoadBalancer",
      "internal left to the default (internet-facing)",
      (p) => delete p.internal,
      /internet-facing load balancer not on the allow-list/,
    ),
  ],
});
