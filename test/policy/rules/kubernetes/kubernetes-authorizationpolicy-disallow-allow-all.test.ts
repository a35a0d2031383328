import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-authorizationpolicy-disallow-allow-all";
const AP = "kubernetes:security.istio.io/v1:AuthorizationPolicy";

describeResourceRule(RULE, {
  passes: [
    passes(AP, "a DENY policy with an empty rule", (p) => {
      p.spec.action = "DENY";
      p.spec.rules.push({});
    }),
    passes(AP, "a rule that matches only on a condition", (p) =>
      p.spec.rules.push({ when: [{ key: "request.auth.claims[iss]", values: ["https://idp"] }] }),
    ),
  ],
  violations: [
    violates(
      AP,
      "an empty rule",
      (p) => p.spec.rules.push({}),
      /an ALLOW rule matches every request/,
    ),
    violates(
      AP,
      "an action left to the default (ALLOW) with a rule of empty lists",
      (p) => {
        delete p.spec.action;
        p.spec.rules = [{ from: [], to: [], when: [] }];
      },
      /an ALLOW rule matches every request/,
    ),
  ],
});
