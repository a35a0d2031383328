/**
 * The primary's storefront: CloudFront for the SPA bucket (origin access control) and `/api/*`,
 * behind a WAF web ACL in us-east-1, with standard logs and the `www` and apex aliases.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PrimaryEdgeArgs } from "./args";
import { encryptedLogGroup } from "../shared/logGroup";
import { ComponentScope } from "../shared/scope";
import { secureBucket } from "../shared/secureBucket";
import { cdnLogsKeyPolicy, cloudFrontBehaviors, wafRules, wafVisibility } from "./policies";
import { storefrontOrigins } from "./storefront";
import { validatedCertificate } from "./regional";

/** CloudFront for the SPA (origin access control) and `/api/*`, behind a WAF web ACL. */
export function createCloudFront(
  name: string,
  args: PrimaryEdgeArgs,
  scope: ComponentScope,
  zoneId: pulumi.Output<string>,
): aws.cloudfront.Distribution {
  const component = scope.parent;
  const parent = { parent: component };
  const usEast1 = "us-east-1";
  const names = [`www.${args.domain}`, args.domain];
  // CloudFront only takes certificates from us-east-1.
  const certificate = validatedCertificate(
    `${name}-cdn`,
    component,
    zoneId,
    names[0],
    [names[1]],
    usEast1,
  );

  // WAF for CloudFront lives in us-east-1, and so does its log group (and that group's key).
  const wafLogs = encryptedLogGroup(
    `${name}-waf`,
    {
      region: usEast1,
      // WAF delivers only to log groups whose names start with aws-waf-logs-.
      logGroupName: `aws-waf-logs-${args.namePrefix}`,
      retentionInDays: args.logRetentionDays,
      key: {
        kind: "own",
        name: `${name}-waf-logs`,
        description: `${args.namePrefix} WAF logs`,
        accountId: args.accountId,
        logsRegion: usEast1,
      },
    },
    { parent: component, protect: scope.protect },
  ).group;
  const acl = new aws.wafv2.WebAcl(
    `${name}-cdn`,
    {
      region: usEast1,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      rules: wafRules("ip"),
      visibilityConfig: wafVisibility(`${args.namePrefix}-cdn`),
    },
    parent,
  );
  new aws.wafv2.WebAclLoggingConfiguration(
    `${name}-cdn`,
    { region: usEast1, resourceArn: acl.arn, logDestinationConfigs: [wafLogs.arn] },
    parent,
  );

  // Standard CloudFront logs are delivered with ACLs, hence an ACL-enabled log bucket; it is
  // encrypted with a key of its own that the log delivery service may use (cdnLogsKeyPolicy).
  const logsKey = new aws.kms.Key(
    `${name}-cdn-logs`,
    {
      description: `${args.namePrefix} CloudFront standard logs`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: pulumi
        .output(args.accountId)
        .apply((account) => JSON.stringify(cdnLogsKeyPolicy(account, args.region))),
    },
    { parent: component, protect: scope.protect },
  );
  const logs = secureBucket(scope, "cdn-logs", {
    noncurrentDays: 30,
    expireDays: 365,
    objectOwnership: "BucketOwnerPreferred",
    kmsKeyArn: logsKey.arn,
  });
  const oac = new aws.cloudfront.OriginAccessControl(
    `${name}-web`,
    {
      originAccessControlOriginType: "s3",
      signingBehavior: "always",
      signingProtocol: "sigv4",
      // One control for both S3 origins: it signs with SigV4 for whichever bucket is asked.
      description: "SPA bucket and its replica",
    },
    parent,
  );
  // The primary's web bucket, behind it the standby's replica in an origin group.
  const storefront = storefrontOrigins<pulumi.Input<string>>({
    primaryDomainName: args.web.regionalDomainName,
    replicaDomainName: args.web.replicaRegionalDomainName,
    originAccessControlId: oac.id,
  });
  const distribution = new aws.cloudfront.Distribution(
    `${name}-cdn`,
    {
      enabled: true,
      isIpv6Enabled: true,
      httpVersion: "http2and3",
      priceClass: "PriceClass_200",
      comment: `${args.namePrefix} storefront`,
      aliases: names,
      defaultRootObject: "index.html",
      origins: [
        ...storefront.origins,
        // The API through its failover name: CloudFront follows Route 53 to the healthy region.
        {
          originId: "api",
          domainName: `api.${args.domain}`,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
          },
        },
      ],
      originGroups: storefront.originGroups,
      ...cloudFrontBehaviors(storefront.targetOriginId),
      viewerCertificate: {
        acmCertificateArn: certificate.certificateArn,
        sslSupportMethod: "sni-only",
        minimumProtocolVersion: "TLSv1.2_2021",
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      loggingConfig: {
        bucket: logs.bucket.bucketDomainName,
        prefix: "cdn/",
        includeCookies: false,
      },
      webAclId: acl.arn,
    },
    // CloudFront checks the log bucket's ACL ownership setting when logging is enabled.
    { parent: component, dependsOn: logs.settled },
  );
  // The distribution answers on IPv6 too (isIpv6Enabled): an AAAA alias beside each A alias,
  // or IPv6 clients never learn its IPv6 addresses.
  for (const [i, recordName] of names.entries()) {
    for (const type of ["A", "AAAA"]) {
      new aws.route53.Record(
        type === "A" ? `${name}-cdn-${i}` : `${name}-cdn-${i}-aaaa`,
        {
          zoneId,
          name: recordName,
          type,
          aliases: [
            {
              name: distribution.domainName,
              zoneId: distribution.hostedZoneId,
              evaluateTargetHealth: false,
            },
          ],
        },
        parent,
      );
    }
  }
  return distribution;
}
