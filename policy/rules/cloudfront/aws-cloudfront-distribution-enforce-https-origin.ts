import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudfront-distribution-enforce-https-origin",
    description: "CloudFront reaches custom origins over HTTPS with TLS 1.2.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:cloudfront/distribution:Distribution"],
    remediation:
      "Set customOriginConfig { originProtocolPolicy: https-only, originSslProtocols: [TLSv1.2] }.",
  },
  (props) =>
    asArray<{
      originId?: string;
      customOriginConfig?: { originProtocolPolicy?: string; originSslProtocols?: string[] };
    }>(props.origins).map((o) => {
      const c = o.customOriginConfig;
      if (!c) return undefined; // S3 origins with OAC are HTTPS by construction.
      if (c.originProtocolPolicy !== "https-only")
        return `origin ${o.originId} is reached over ${c.originProtocolPolicy}`;
      const weak = (c.originSslProtocols ?? []).filter((p) => p !== "TLSv1.2");
      return weak.length > 0 ? `origin ${o.originId} allows ${weak.join(", ")}` : undefined;
    }),
);
