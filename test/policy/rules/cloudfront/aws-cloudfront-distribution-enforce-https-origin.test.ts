import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudfront-distribution-enforce-https-origin";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudfront/distribution:Distribution",
      "a custom origin with the SSL protocols left to the default",
      (p) => delete p.origins[0].customOriginConfig.originSslProtocols,
    ),
  ],
  violations: [
    violates(
      "aws:cloudfront/distribution:Distribution",
      "HTTP to origin",
      (p) => (p.origins[0].customOriginConfig.originProtocolPolicy = "match-viewer"),
      /origin api is reached over match-viewer/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "TLS 1.0 to origin",
      (p) => p.origins[0].customOriginConfig.originSslProtocols.push("TLSv1"),
      /origin api allows TLSv1/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "an http-only origin",
      (p) => (p.origins[0].customOriginConfig.originProtocolPolicy = "http-only"),
      /origin api is reached over http-only/,
    ),
  ],
});
