/**
 * What the edge takes, in its own module: `Edge` (edge.ts) and the regional entry it builds
 * (regional.ts) both read it, and neither imports the other for it. The role decides which
 * fields exist: the primary owns the global entry (CloudFront, the health check, the zone, the
 * accelerator), the standby joins what the primary created.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/** The regional entry's args, the same in both roles. */
export interface EdgeCommonArgs {
  /** The stack's region (the regional API name is `api-<region>.<domain>`). */
  region: string;
  /** Account that owns the keys and buckets (key policies, bucket names). */
  accountId: pulumi.Input<string>;
  /** Prefix of AWS names (`<namePrefix>-api`, `aws-waf-logs-<namePrefix>`). */
  namePrefix: string;
  /** Pulumi `protect` on the hosted zone, keys and buckets. Default true. */
  protect?: boolean;
  /** The shop's DNS name: the API answers on `api.<domain>` and `api-<region>.<domain>`. */
  domain: string;
  /** The VPC of the internal ALB and the VPC link. */
  vpcId: pulumi.Input<string>;
  /** Private subnets of the internal ALB and the VPC link. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** The workloads' security group, which admits the ALB to the Istio gateway's pods. */
  workloadSecurityGroupId: pulumi.Input<string>;
  /** The cluster's Kubernetes provider (the gateway's `TargetGroupBinding`). */
  provider: k8s.Provider;
  /** The Istio ingress gateway's Service (name, port, namespace) the ALB's targets follow. */
  gateway: { serviceName: string; servicePort: number; namespace: string };
  /** What the `TargetGroupBinding` waits for (the mesh, the cluster's add-ons). */
  dependsOn: pulumi.Resource[];
  /** The data layer's logs key in this region (API access and regional WAF logs). */
  logsKeyArn: pulumi.Input<string>;
  /** Retention of the edge's log groups (API access, WAF), days (a value CloudWatch accepts). */
  logRetentionDays: number;
  /** The shoppers' identity provider the API's JWT authorizer trusts (issuer, client id). */
  jwt: { issuer: pulumi.Input<string>; audience: pulumi.Input<string> };
  /** One API route per service path prefix; `requiresJwt` puts the authorizer on it. */
  routes: { pathPrefix: string; requiresJwt: boolean }[];
  /** The API's default-route throttling: burst (requests) and rate (requests per second). */
  throttling: { burstLimit: number; rateLimit: number };
}

/** The primary: the regional entry, plus the global one it owns. */
export interface PrimaryEdgeArgs extends EdgeCommonArgs {
  /** Discriminant: the active region. */
  role: "primary";
  /** An existing hosted zone for `domain`. Default: the edge creates one. */
  zoneId?: pulumi.Input<string>;
  /**
   * Route 53's health check of the regional API name: interval in seconds (10 or 30), threshold
   * in consecutive failures, path on the Istio gateway. (The accelerator's endpoint groups go by
   * the ALB's target health instead: Global Accelerator ignores its own health-check settings for
   * ALB endpoints.)
   */
  healthCheck: { intervalSeconds: number; failureThreshold: number; path: string };
  /** Invert the health check, so Route 53 serves the standby (a traffic drill). */
  drill: boolean;
  /**
   * The SPA bucket CloudFront serves (through origin access control) and, when a standby
   * replicates it, the replica's regional domain name: the origin group's secondary
   * (storefront.ts). Without it the storefront has a single origin.
   */
  web: {
    bucketName: pulumi.Input<string>;
    regionalDomainName: pulumi.Input<string>;
    replicaRegionalDomainName?: pulumi.Input<string>;
  };
  /** Create a Global Accelerator (TCP 443) with an endpoint group on this region's ALB. */
  globalAccelerator: boolean;
}

/** The standby: the regional entry and the SECONDARY record in the primary's zone. */
export interface StandbyEdgeArgs extends EdgeCommonArgs {
  /** Discriminant: the warm standby. */
  role: "standby";
  /** The primary's hosted zone, where the SECONDARY failover record goes. */
  zoneId: pulumi.Input<string>;
  /** The accelerator endpoint group's traffic dial, percent: 0 at rest, 100 in drill/failover. */
  trafficDial: number;
  /** The primary's accelerator listener to join. Default: no accelerator. */
  acceleratorListenerArn?: pulumi.Input<string>;
}

export type EdgeArgs = PrimaryEdgeArgs | StandbyEdgeArgs;
