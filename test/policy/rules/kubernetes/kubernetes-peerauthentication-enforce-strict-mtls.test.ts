import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-peerauthentication-enforce-strict-mtls";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:security.istio.io/v1:PeerAuthentication",
      "a port kept STRICT",
      (p) => (p.spec.portLevelMtls = { 8080: { mode: "STRICT" } }),
    ),
  ],
  violations: [
    violates(
      "kubernetes:security.istio.io/v1:PeerAuthentication",
      "permissive",
      (p) => (p.spec.mtls.mode = "PERMISSIVE"),
      /mTLS mode is PERMISSIVE, not STRICT/,
    ),
    violates(
      "kubernetes:security.istio.io/v1:PeerAuthentication",
      "a port opened to plaintext",
      (p) => (p.spec.portLevelMtls = { 8080: { mode: "DISABLE" } }),
      /port 8080 allows DISABLE/,
    ),
    violates(
      "kubernetes:security.istio.io/v1:PeerAuthentication",
      "mode unset (inherited)",
      (p) => delete p.spec.mtls,
      /mTLS mode is unset \(inherited\), not STRICT/,
    ),
  ],
});
