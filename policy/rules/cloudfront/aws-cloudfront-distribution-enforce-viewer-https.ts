import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudfront-distribution-enforce-viewer-https",
    description:
      "CloudFront serves viewers over HTTPS only (every cache behavior redirects or refuses HTTP).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:cloudfront/distribution:Distribution"],
    remediation: "Set viewerProtocolPolicy to redirect-to-https or https-only on every behavior.",
  },
  (props) =>
    [props.defaultCacheBehavior, ...asArray<Record<string, string>>(props.orderedCacheBehaviors)]
      .filter(Boolean)
      .map((b) =>
        ["redirect-to-https", "https-only"].includes(b.viewerProtocolPolicy)
          ? undefined
          : `behavior ${b.pathPattern ?? "default"} allows HTTP (viewerProtocolPolicy ${b.viewerProtocolPolicy})`,
      ),
);
