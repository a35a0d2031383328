import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudfront-distribution-enforce-viewer-https";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudfront/distribution:Distribution",
      "an https-only default behavior and no ordered behaviors",
      (p) => {
        p.defaultCacheBehavior.viewerProtocolPolicy = "https-only";
        delete p.orderedCacheBehaviors;
      },
    ),
  ],
  violations: [
    violates(
      "aws:cloudfront/distribution:Distribution",
      "allow-all default behavior",
      (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"),
      /behavior default allows HTTP/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "allow-all /api/*",
      (p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all"),
      /behavior \/api\/\* allows HTTP/,
    ),
  ],
});
