import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-cloudfront-distribution-configure-minimum-tls";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudfront/distribution:Distribution",
      "an ACM certificate whose ARN is computed during a preview",
      (p) => (p.viewerCertificate.acmCertificateArn = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      "aws:cloudfront/distribution:Distribution",
      "TLS 1.1 minimum",
      (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016"),
      /TLSv1.1_2016 is below TLS 1.2/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "default certificate",
      (p) =>
        (p.viewerCertificate = {
          cloudfrontDefaultCertificate: true,
          minimumProtocolVersion: "TLSv1.2_2021",
        }),
      /CloudFront default certificate, which accepts TLSv1/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "no ACM certificate",
      (p) => delete p.viewerCertificate.acmCertificateArn,
      /uses the CloudFront default certificate, which accepts TLSv1/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "an ACM certificate with the minimum version left out",
      (p) => delete p.viewerCertificate.minimumProtocolVersion,
      /minimum TLS version \(default certificate: TLSv1\) is below TLS 1.2/,
    ),
  ],
});
