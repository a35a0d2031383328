import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "kubernetes-requestauthentication-enforce-https-jwks";
const RA = "kubernetes:security.istio.io/v1:RequestAuthentication";

describeResourceRule(RULE, {
  passes: [
    passes(
      RA,
      "keys fetched from the issuer's discovery document (no jwksUri)",
      (p) => delete p.spec.jwtRules[0].jwksUri,
    ),
    passes(RA, "an issuer computed during a preview", (p) => (p.spec.jwtRules[0].issuer = UNKNOWN)),
  ],
  violations: [
    violates(
      RA,
      "keys over HTTP",
      (p) => (p.spec.jwtRules[0].jwksUri = "http://idp.example.com/jwks.json"),
      /jwtRule 0 fetches keys from http:/,
    ),
    violates(RA, "no issuer", (p) => delete p.spec.jwtRules[0].issuer, /jwtRule 0 has no issuer/),
    violates(
      RA,
      "a second rule over HTTP",
      (p) => p.spec.jwtRules.push({ issuer: "https://idp", jwksUri: "http://idp/keys" }),
      /jwtRule 1 fetches keys from http:\/\/idp\/keys/,
    ),
  ],
});
