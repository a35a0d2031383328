import { isSet } from "../../lib/known";
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
    previewLimit:
      "A jwksUri built from an identity pool created in the same run is unknown as a whole during a first preview, so its scheme cannot be read; it is checked during `pulumi up`. (An issuer only has to be set, which a preview can tell.)",
  },
  (props) =>
    asArray<{ issuer?: string; jwksUri?: string }>(props.spec?.jwtRules).flatMap((r, i) => [
      isSet(r, "issuer") ? undefined : `jwtRule ${i} has no issuer`,
      r.jwksUri === undefined || r.jwksUri.startsWith("https://")
        ? undefined
        : `jwtRule ${i} fetches keys from ${r.jwksUri}`,
    ]),
);
