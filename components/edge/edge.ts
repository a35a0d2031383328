import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentScope, scopeOf } from "../shared/scope";
import type { EdgeCommonArgs, PrimaryEdgeArgs, StandbyEdgeArgs } from "./args";
import { createCloudFront } from "./cloudFront";
import { RegionalEntry, createRegionalEntry } from "./regional";

export type { EdgeArgs, EdgeCommonArgs, PrimaryEdgeArgs, StandbyEdgeArgs } from "./args";

/** Both roles' edges are one component type: the class differs, the URNs do not. */
const EDGE_TYPE = "ecommerce:edge:Edge";

/** What either role's edge gives the rest of the stack. */
export interface Edge {
  /** The hosted zone of the shop's domain (the primary's, in both stacks). */
  readonly zoneId: pulumi.Output<string>;
  /** `api.<domain>`: the failover name shoppers' API calls use. */
  readonly apiName: string;
  /** `api-<region>.<domain>`: this region's API, what the health check and CloudFront reach. */
  readonly regionalApiName: string;
  /** The accelerator listener this region's endpoint group is on, when there is an accelerator. */
  readonly acceleratorListenerArn?: pulumi.Output<string>;
  /** The regional HTTP API (its 5xx rate is what chaos drills stop on). */
  readonly apiId: pulumi.Output<string>;
  /** The internal ALB's CloudWatch dimension (`app/<name>/<id>`). */
  readonly albArnSuffix: pulumi.Output<string>;
  /**
   * The regional API domain's target name: what this region's record of the `api.<domain>`
   * failover pair answers (the pair belongs to the standby's Region switch, which steers it).
   */
  readonly apiTarget: pulumi.Output<string>;
}

/** This region's API Gateway domain target: what its record of the `api.<domain>` pair answers. */
function apiTargetOf(entry: RegionalEntry): pulumi.Output<string> {
  const [apiDomain] = entry.apiDomains;
  return apiDomain.domainNameConfiguration.targetDomainName;
}

/** One region's endpoint group on its ALB, with its traffic dial (percent). */
function joinAccelerator(
  name: string,
  scope: ComponentScope,
  args: EdgeCommonArgs,
  listenerArn: pulumi.Input<string>,
  trafficDial: number,
  alb: aws.lb.LoadBalancer,
): aws.globalaccelerator.EndpointGroup {
  return new aws.globalaccelerator.EndpointGroup(
    `${name}-accelerator`,
    {
      listenerArn,
      endpointGroupRegion: args.region,
      trafficDialPercentage: trafficDial,
      // No health-check settings: for an ALB endpoint Global Accelerator goes by the load
      // balancer's own target health ("For Network Load Balancer and Application Load Balancer
      // endpoints, configure health check settings on the ELB console", Global Accelerator
      // guide, endpoint groups), here the gateway pods' readiness behind the TargetGroupBinding.
      endpointConfigurations: [
        { endpointId: alb.arn, weight: 100, clientIpPreservationEnabled: true },
      ],
    },
    { parent: scope.parent },
  );
}

/**
 * The active region's edge: the regional API entry, the hosted zone (unless given), the API's
 * HTTPS health check (a child of the PRIMARY record's calculated check in the standby's Region
 * switch), CloudFront with WAF for the SPA and `/api/*`, and the optional Global Accelerator.
 */
export class PrimaryEdge extends pulumi.ComponentResource implements Edge {
  public readonly zoneId: pulumi.Output<string>;
  public readonly apiName: string;
  public readonly regionalApiName: string;
  /**
   * The Route 53 health check of the regional API name: the `route53-api-health` alarm, the
   * standby's DR dashboard and the PRIMARY record's calculated check read it.
   */
  public readonly healthCheckId: pulumi.Output<string>;
  /** The storefront's CloudFront domain name. */
  public readonly distributionDomain: pulumi.Output<string>;
  /** The storefront's distribution: the only reader the web bucket's policy admits. */
  public readonly distributionArn: pulumi.Output<string>;
  public readonly acceleratorListenerArn?: pulumi.Output<string>;
  public readonly apiId: pulumi.Output<string>;
  public readonly albArnSuffix: pulumi.Output<string>;
  public readonly apiTarget: pulumi.Output<string>;

  constructor(name: string, args: PrimaryEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
    super(EDGE_TYPE, name, {}, opts);
    const scope = scopeOf(name, this, args);
    const zoneId = args.zoneId
      ? pulumi.output(args.zoneId)
      : new aws.route53.Zone(
          `${name}-zone`,
          { name: args.domain, comment: "ecommerce-platform" },
          { parent: this, protect: scope.protect },
        ).zoneId;
    const entry = createRegionalEntry({ ...args, name, parent: this, scope, zoneId });
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
      { parent: this },
    );
    const distribution = createCloudFront(name, args, scope, zoneId);
    if (args.globalAccelerator) {
      const accelerator = new aws.globalaccelerator.Accelerator(
        `${name}-accelerator`,
        { name: `${args.namePrefix}`, ipAddressType: "IPV4", enabled: true },
        { parent: this },
      );
      const listener = new aws.globalaccelerator.Listener(
        `${name}-accelerator`,
        {
          acceleratorArn: accelerator.arn,
          protocol: "TCP",
          portRanges: [{ fromPort: 443, toPort: 443 }],
          clientAffinity: "NONE",
        },
        { parent: this },
      );
      // The active region always takes its full share of the accelerator's traffic.
      joinAccelerator(name, scope, args, listener.arn, 100, entry.alb);
      this.acceleratorListenerArn = listener.arn;
    }

    this.zoneId = zoneId;
    this.healthCheckId = healthCheck.id;
    this.distributionDomain = distribution.domainName;
    this.distributionArn = distribution.arn;
    this.apiId = entry.api.id;
    this.apiTarget = apiTargetOf(entry);
    this.albArnSuffix = entry.alb.arnSuffix;
    this.apiName = `api.${args.domain}`;
    this.regionalApiName = entry.regionalName;
    this.registerOutputs({
      zoneId: this.zoneId,
      apiName: this.apiName,
      regionalApiName: this.regionalApiName,
      apiTarget: this.apiTarget,
      healthCheckId: this.healthCheckId,
      distributionDomain: this.distributionDomain,
    });
  }
}

/**
 * The standby's edge: the regional API entry and an endpoint group on the primary's accelerator
 * when it has one.
 */
export class StandbyEdge extends pulumi.ComponentResource implements Edge {
  public readonly zoneId: pulumi.Output<string>;
  public readonly apiName: string;
  public readonly regionalApiName: string;
  public readonly acceleratorListenerArn?: pulumi.Output<string>;
  public readonly apiId: pulumi.Output<string>;
  public readonly albArnSuffix: pulumi.Output<string>;
  public readonly apiTarget: pulumi.Output<string>;

  constructor(name: string, args: StandbyEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
    super(EDGE_TYPE, name, {}, opts);
    const scope = scopeOf(name, this, args);
    const zoneId = pulumi.output(args.zoneId);
    const entry = createRegionalEntry({ ...args, name, parent: this, scope, zoneId });
    if (args.acceleratorListenerArn !== undefined) {
      joinAccelerator(name, scope, args, args.acceleratorListenerArn, args.trafficDial, entry.alb);
      this.acceleratorListenerArn = pulumi.output(args.acceleratorListenerArn);
    }

    this.zoneId = zoneId;
    this.apiId = entry.api.id;
    this.apiTarget = apiTargetOf(entry);
    this.albArnSuffix = entry.alb.arnSuffix;
    this.apiName = `api.${args.domain}`;
    this.regionalApiName = entry.regionalName;
    this.registerOutputs({
      zoneId: this.zoneId,
      apiName: this.apiName,
      regionalApiName: this.regionalApiName,
      apiTarget: this.apiTarget,
    });
  }
}
