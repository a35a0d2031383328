/** Pure edge settings: the WAF's managed rule groups and CloudFront's cache behaviors. */

/** AWS managed rule groups on the storefront: common exploits, known bad inputs, SQLi, IP reputation. */
export const WAF_MANAGED_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
  "AWSManagedRulesAmazonIpReputationList",
];

/** CloudFront managed policies (ids are fixed by AWS). */
export const CLOUDFRONT_POLICIES = {
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
};

/** The SPA cached from S3; `/api/*` uncached to the API, every method, viewer HTTPS only. */
export function cloudFrontBehaviors() {
  return {
    defaultCacheBehavior: {
      targetOriginId: "web",
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD", "OPTIONS"],
      cachedMethods: ["GET", "HEAD"],
      compress: true,
      cachePolicyId: CLOUDFRONT_POLICIES.cachingOptimized,
    },
    orderedCacheBehaviors: [
      {
        pathPattern: "/api/*",
        targetOriginId: "api",
        viewerProtocolPolicy: "https-only",
        allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: CLOUDFRONT_POLICIES.cachingDisabled,
        originRequestPolicyId: CLOUDFRONT_POLICIES.allViewerExceptHostHeader,
      },
    ],
  };
}
