/**
 * What the edge takes, in its own module: `Edge` (edge.ts) and the regional entry it builds
 * (regional.ts) both read it, and neither imports the other for it.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

export interface EdgeArgs {
  role: "primary" | "standby";
  /** Standby only: the Global Accelerator dial follows it (0 at rest, 100 in drill/failover). */
  trafficDial: number;
  region: string;
  accountId: pulumi.Input<string>;
  namePrefix: string;
  protect?: boolean;
  domain: string;
  /** An existing hosted zone (or, on the standby, the primary's). Created by the primary if unset. */
  zoneId?: pulumi.Input<string>;
  healthCheck: { intervalSeconds: number; failureThreshold: number; path: string };
  recordTtlSeconds: number;
  /** Primary only: invert the health check, so Route 53 serves the standby (a traffic drill). */
  drill: boolean;
  vpcId: pulumi.Input<string>;
  privateSubnetIds: pulumi.Input<string[]>;
  workloadSecurityGroupId: pulumi.Input<string>;
  provider: k8s.Provider;
  gateway: { serviceName: string; servicePort: number; namespace: string };
  dependsOn: pulumi.Resource[];
  /** The data layer's logs key in this region (API access logs). */
  logsKeyArn: pulumi.Input<string>;
  /** Retention of the edge's log groups (API access, WAF), days (a value CloudWatch accepts). */
  logRetentionDays: number;
  jwt: { issuer: pulumi.Input<string>; audience: pulumi.Input<string> };
  routes: { pathPrefix: string; requiresJwt: boolean }[];
  throttling: { burstLimit: number; rateLimit: number };
  /** Primary only: the SPA bucket CloudFront serves. */
  web?: { bucketName: pulumi.Input<string>; regionalDomainName: pulumi.Input<string> };
  /** Global Accelerator: the primary creates it; the standby attaches to its listener. */
  globalAccelerator?: { listenerArn?: pulumi.Input<string> };
}
