import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-cloudfront-distribution-enable-logging";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:cloudfront/distribution:Distribution",
      "a log bucket and a web ACL computed during a preview",
      (p) => {
        p.loggingConfig.bucket = UNKNOWN;
        p.webAclId = UNKNOWN;
      },
    ),
  ],
  violations: [
    violates(
      "aws:cloudfront/distribution:Distribution",
      "no logging",
      (p) => delete p.loggingConfig,
      /access logging is off/,
    ),
    violates(
      "aws:cloudfront/distribution:Distribution",
      "no WAF",
      (p) => delete p.webAclId,
      /no WAF web ACL/,
    ),
  ],
});
