import { isSet, peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudfront-distribution-enforce-origin-access-control",
    description:
      "CloudFront reaches every S3 origin through origin access control (SigV4), never the legacy origin access identity or an open bucket.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.4.1", "PCI-DSS 4.0 §7.2.1"],
    topic: "network-exposure",
    types: ["aws:cloudfront/distribution:Distribution"],
    remediation:
      "Give each S3 origin an originAccessControlId (aws.cloudfront.OriginAccessControl, signingBehavior always) and drop s3OriginConfig.originAccessIdentity; the bucket policy then admits cloudfront.amazonaws.com with AWS:SourceArn = the distribution.",
  },
  (props) =>
    asArray<Record<string, unknown>>(props.origins).map((o) => {
      // @pulumi/aws 7.48.0 DistributionOrigin: custom (HTTP) and VPC origins are not S3 buckets.
      if (peek(o, "customOriginConfig") !== undefined || peek(o, "vpcOriginConfig") !== undefined)
        return undefined;
      const id = String(peek(o, "originId"));
      if (isSet(o, "s3OriginConfig.originAccessIdentity"))
        return `S3 origin ${id} uses a legacy origin access identity`;
      // The control's id is computed on create: set is enough during a preview.
      return isSet(o, "originAccessControlId")
        ? undefined
        : `S3 origin ${id} has no origin access control`;
    }),
);
