import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-requestauthentication-enforce-https-jwks",
    description:
      "Istio RequestAuthentications name an issuer and fetch its signing keys over HTTPS.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1", "PCI-DSS 4.0 §8.3.1"],
    topic: "iam",
    types: ["kubernetes:security.istio.io/v1:RequestAuthentication"],
    remediation: "Give every jwtRule an issuer and an https:// jwksUri (or inline jwks).",
  },
  (props) =>
    asArray<{ issuer?: string; jwksUri?: string }>(props.spec?.jwtRules).flatMap((r, i) => [
      r.issuer ? undefined : `jwtRule ${i} has no issuer`,
      r.jwksUri === undefined || r.jwksUri.startsWith("https://")
        ? undefined
        : `jwtRule ${i} fetches keys from ${r.jwksUri}`,
    ]),
);
