import { isSet } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudfront-distribution-configure-minimum-tls",
    description: "CloudFront uses its own certificate with a TLS 1.2 minimum security policy.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:cloudfront/distribution:Distribution"],
    remediation:
      "Set viewerCertificate { acmCertificateArn, sslSupportMethod: sni-only, minimumProtocolVersion: TLSv1.2_2021 }.",
  },
  (props) => {
    const cert = props.viewerCertificate ?? {};
    // With CloudFront's own certificate the minimum protocol is fixed at TLSv1, whatever is set.
    if (isTrue(cert.cloudfrontDefaultCertificate) || !isSet(cert, "acmCertificateArn")) {
      return "uses the CloudFront default certificate, which accepts TLSv1";
    }
    return String(cert.minimumProtocolVersion ?? "").startsWith("TLSv1.2_")
      ? undefined
      : `minimum TLS version ${cert.minimumProtocolVersion ?? "(default certificate: TLSv1)"} is below TLS 1.2`;
  },
);
