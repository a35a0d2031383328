import { UNKNOWN, describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-cloudfront-distribution-enforce-origin-access-control";
const TYPE = "aws:cloudfront/distribution:Distribution";

describeResourceRule(RULE, {
  passes: [
    passes(TYPE, "a control id a preview cannot know yet", (p) => {
      p.origins[1].originAccessControlId = UNKNOWN;
    }),
    passes(TYPE, "custom origins only", (p) => (p.origins = [p.origins[0]])),
  ],
  violations: [
    violates(
      TYPE,
      "an S3 origin without OAC",
      (p) => delete p.origins[2].originAccessControlId,
      /S3 origin web-replica has no origin access control/,
    ),
    violates(
      TYPE,
      "a legacy origin access identity",
      (p) =>
        (p.origins[1].s3OriginConfig = {
          originAccessIdentity: "origin-access-identity/cloudfront/E1",
        }),
      /S3 origin web uses a legacy origin access identity/,
    ),
  ],
});
