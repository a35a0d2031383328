/** Pure edge settings: the WAF's managed rule groups, CloudFront's cache behaviors, key policies. */
import { accountAdministers } from "../data/keyPolicy";
import { PolicyDocument, policyDocument } from "../shared/iamDocuments";

/**
 * The CloudFront standard-log bucket's key. CloudFront's developer guide (standard logging,
 * legacy: "Permissions required to configure standard logging") lets the log bucket use SSE-KMS
 * with a customer managed key whose policy allows `delivery.logs.amazonaws.com`
 * kms:GenerateDataKey*; only ALB access logs (regional.ts) are limited to SSE-S3. Readers of the
 * logs decrypt through S3 in this region.
 */
export function cdnLogsKeyPolicy(accountId: string, region: string): PolicyDocument {
  return policyDocument([
    accountAdministers(accountId),
    {
      Sid: "ReadThroughS3",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: {
        StringEquals: {
          "kms:CallerAccount": accountId,
          "kms:ViaService": `s3.${region}.amazonaws.com`,
        },
      },
    },
    {
      Sid: "CloudFrontDeliversLogs",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
    },
  ]);
}

/** AWS managed rule groups that inspect the request itself: common exploits, bad inputs, SQLi. */
export const WAF_CONTENT_RULE_GROUPS = [
  "AWSManagedRulesCommonRuleSet",
  "AWSManagedRulesKnownBadInputsRuleSet",
  "AWSManagedRulesSQLiRuleSet",
];
/** Judges the connecting address: useful only where that address is the client's. */
export const WAF_IP_REPUTATION_GROUP = "AWSManagedRulesAmazonIpReputationList";

/**
 * Rules of the managed groups that only count: AWSManagedRulesCommonRuleSet's SizeRestrictions_BODY
 * blocks any body over 8 KB, which legitimate API calls (carts, orders) exceed; the group's other
 * rules and the SQLi and bad-input groups still inspect the first 8 KB of every body.
 */
export const WAF_COUNT_ONLY_RULES: Record<string, string[]> = {
  AWSManagedRulesCommonRuleSet: ["SizeRestrictions_BODY"],
};

/** Requests per five minutes from one client before the WAF blocks it. */
export const WAF_RATE_LIMIT = 2000;

/**
 * The web ACL rules both entries share: the managed groups, then a per-client rate limit. Behind
 * CloudFront the client is the connecting address; behind the regional ALB every request arrives
 * from API Gateway's VPC link, so the client is the first X-Forwarded-For address instead.
 */
export function wafRules(client: "ip" | "forwarded-ip") {
  const visibility = wafVisibility;
  // Behind the VPC link the connecting address is API Gateway's, so IP reputation would judge it.
  const groups =
    client === "ip"
      ? [...WAF_CONTENT_RULE_GROUPS, WAF_IP_REPUTATION_GROUP]
      : WAF_CONTENT_RULE_GROUPS;
  return [
    ...groups.map((group, i) => ({
      name: group,
      priority: i,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: "AWS",
          name: group,
          ...(WAF_COUNT_ONLY_RULES[group]
            ? {
                ruleActionOverrides: WAF_COUNT_ONLY_RULES[group].map((rule) => ({
                  name: rule,
                  actionToUse: { count: {} },
                })),
              }
            : {}),
        },
      },
      visibilityConfig: visibility(group),
    })),
    {
      name: "rate-limit-per-ip",
      priority: groups.length,
      action: { block: {} },
      statement: {
        rateBasedStatement:
          client === "ip"
            ? { limit: WAF_RATE_LIMIT, aggregateKeyType: "IP" }
            : {
                limit: WAF_RATE_LIMIT,
                aggregateKeyType: "FORWARDED_IP",
                // API Gateway always sets the header. A first entry that is not an address is not
                // counted (NO_MATCH) rather than blocked outright, as MATCH would.
                forwardedIpConfig: { headerName: "X-Forwarded-For", fallbackBehavior: "NO_MATCH" },
              },
      },
      visibilityConfig: visibility("rate-limit-per-ip"),
    },
  ];
}

/** Visibility of an ACL or rule: CloudWatch metrics and sampled requests on. */
export function wafVisibility(metric: string) {
  return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: metric };
}

/** CloudFront managed policies (ids are fixed by AWS). */
export const CLOUDFRONT_POLICIES = {
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
};

/** The SPA cached from S3; `/api/*` uncached to the API, every method, viewer HTTPS only. */
export function cloudFrontBehaviors(storefrontOriginId = "web") {
  return {
    // GET, HEAD and OPTIONS only: what an origin group accepts (CloudFront fails over only those).
    defaultCacheBehavior: {
      targetOriginId: storefrontOriginId,
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
