import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../shared/secureBucket";
import { ComponentScope, scopeOf } from "../shared/scope";
import { encryptedLogGroup } from "../shared/logGroup";
import { createRegionalEntry, validatedCertificate } from "./regional";
import type { EdgeArgs } from "./args";
import { cdnLogsKeyPolicy, cloudFrontBehaviors, wafRules, wafVisibility } from "./policies";

export type { EdgeArgs } from "./args";

/**
 * How shoppers reach the shop in either region: the regional API entry (both stacks), the
 * `api.<domain>` failover pair (PRIMARY with a health check here, SECONDARY in the standby), and
 * in the primary CloudFront with WAF for the SPA and `/api/*`, plus the optional accelerator.
 */
export class Edge extends pulumi.ComponentResource {
  public readonly zoneId: pulumi.Output<string>;
  public readonly apiName: string;
  public readonly regionalApiName: string;
  public readonly healthCheckId?: pulumi.Output<string>;
  public readonly distributionDomain?: pulumi.Output<string>;
  /** The storefront's distribution: the only reader the web bucket's policy admits. */
  public readonly distributionArn?: pulumi.Output<string>;
  public readonly acceleratorListenerArn?: pulumi.Output<string>;
  /** The regional HTTP API (its 5xx rate is what chaos drills stop on). */
  public readonly apiId: pulumi.Output<string>;
  /** The internal ALB's CloudWatch dimension (`app/<name>/<id>`). */
  public readonly albArnSuffix: pulumi.Output<string>;

  constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:edge:Edge", name, {}, opts);
    const parent = { parent: this };
    const scope = scopeOf(name, this, args);
    const primary = args.role === "primary";

    const zoneId = args.zoneId
      ? pulumi.output(args.zoneId)
      : new aws.route53.Zone(
          `${name}-zone`,
          { name: args.domain, comment: "ecommerce-platform" },
          { parent: this, protect: scope.protect },
        ).zoneId;

    const entry = createRegionalEntry({ ...args, name, parent: this, scope, zoneId });
    const [apiDomain] = entry.apiDomains;
    // CNAMEs rather than aliases: an alias answers with its target's TTL, so the configured
    // TTL, which bounds how long resolvers keep the failed region, would not apply.
    const failoverTarget = {
      type: "CNAME",
      ttl: args.recordTtlSeconds,
      records: [apiDomain.domainNameConfiguration.targetDomainName],
    };

    if (primary) {
      const healthCheck = new aws.route53.HealthCheck(
        `${name}-primary`,
        {
          type: "HTTPS",
          fqdn: entry.regionalName,
          port: 443,
          resourcePath: args.healthCheck.path,
          requestInterval: args.healthCheck.intervalSeconds,
          failureThreshold: args.healthCheck.failureThreshold,
          enableSni: true,
          // A traffic drill: report the healthy primary as unhealthy, so Route 53 serves the standby.
          invertHealthcheck: args.drill,
          tags: { Name: `${args.namePrefix}-api` },
        },
        parent,
      );
      this.healthCheckId = healthCheck.id;
      new aws.route53.Record(
        `${name}-api-primary`,
        {
          zoneId,
          name: `api.${args.domain}`,
          setIdentifier: args.region,
          failoverRoutingPolicies: [{ type: "PRIMARY" }],
          healthCheckId: healthCheck.id,
          ...failoverTarget,
        },
        parent,
      );
    } else {
      new aws.route53.Record(
        `${name}-api-secondary`,
        {
          zoneId,
          name: `api.${args.domain}`,
          setIdentifier: args.region,
          failoverRoutingPolicies: [{ type: "SECONDARY" }],
          ...failoverTarget,
        },
        parent,
      );
    }

    if (primary && args.web) {
      const distribution = this.createCloudFront(name, args, scope, zoneId);
      this.distributionDomain = distribution.domainName;
      this.distributionArn = distribution.arn;
    }
    if (args.globalAccelerator) {
      this.acceleratorListenerArn = this.createAccelerator(name, args, entry.alb);
    }

    this.zoneId = zoneId;
    this.apiId = entry.api.id;
    this.albArnSuffix = entry.alb.arnSuffix;
    this.apiName = `api.${args.domain}`;
    this.regionalApiName = entry.regionalName;
    this.registerOutputs({
      zoneId: this.zoneId,
      apiName: this.apiName,
      regionalApiName: this.regionalApiName,
      healthCheckId: this.healthCheckId,
      distributionDomain: this.distributionDomain,
    });
  }

  /** CloudFront for the SPA (origin access control) and `/api/*`, behind a WAF web ACL. */
  private createCloudFront(
    name: string,
    args: EdgeArgs,
    scope: ComponentScope,
    zoneId: pulumi.Output<string>,
  ): aws.cloudfront.Distribution {
    const parent = { parent: this };
    const usEast1 = "us-east-1";
    const names = [`www.${args.domain}`, args.domain];
    // CloudFront only takes certificates from us-east-1.
    const certificate = validatedCertificate(
      `${name}-cdn`,
      this,
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
      { parent: this, protect: scope.protect },
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
      { parent: this, protect: scope.protect },
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
        description: "SPA bucket",
      },
      parent,
    );
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
          {
            originId: "web",
            domainName: args.web?.regionalDomainName as pulumi.Input<string>,
            originAccessControlId: oac.id,
          },
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
        ...cloudFrontBehaviors(),
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
      { parent: this, dependsOn: logs.settled },
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

  /** Global Accelerator: the primary owns it; each region attaches an endpoint group with its dial. */
  private createAccelerator(
    name: string,
    args: EdgeArgs,
    alb: aws.lb.LoadBalancer,
  ): pulumi.Output<string> {
    const parent = { parent: this };
    let listenerArn: pulumi.Input<string>;
    if (args.role === "primary") {
      const accelerator = new aws.globalaccelerator.Accelerator(
        `${name}-accelerator`,
        { name: `${args.namePrefix}`, ipAddressType: "IPV4", enabled: true },
        parent,
      );
      listenerArn = new aws.globalaccelerator.Listener(
        `${name}-accelerator`,
        {
          acceleratorArn: accelerator.arn,
          protocol: "TCP",
          portRanges: [{ fromPort: 443, toPort: 443 }],
          clientAffinity: "NONE",
        },
        parent,
      ).arn;
    } else {
      listenerArn = args.globalAccelerator?.listenerArn as pulumi.Input<string>;
    }
    new aws.globalaccelerator.EndpointGroup(
      `${name}-accelerator`,
      {
        listenerArn,
        endpointGroupRegion: args.region,
        trafficDialPercentage: args.role === "primary" ? 100 : args.trafficDial,
        healthCheckProtocol: "HTTPS",
        healthCheckPath: args.healthCheck.path,
        healthCheckPort: 443,
        healthCheckIntervalSeconds: args.healthCheck.intervalSeconds,
        thresholdCount: args.healthCheck.failureThreshold,
        endpointConfigurations: [
          { endpointId: alb.arn, weight: 100, clientIpPreservationEnabled: true },
        ],
      },
      parent,
    );
    return pulumi.output(listenerArn);
  }
}
