/**
 * The one place that knows what the primary stack exports for the standby. The standby reads
 * every key with `requireOutput`, so an output the primary stopped exporting fails loudly at
 * preview instead of becoming `undefined` somewhere downstream.
 */
import * as pulumi from "@pulumi/pulumi";
import { BucketName } from "../components/data/buckets";
import { KeyPurpose } from "../components/data/keyPolicy";
import { TableName } from "../components/data/tables";

/** Outputs of prod-mumbai that dr-singapore consumes. */
export interface PrimaryOutputs {
  region: string;
  vpcId: string;
  vpcCidr: string;
  /** The Aurora global cluster the standby's secondary joins. */
  globalClusterId: string;
  /**
   * The global database's writer endpoint (`aws.rds.GlobalCluster.endpoint`): it names whichever
   * cluster is the writer now, so the standby's services write through it once it is promoted.
   */
  globalWriterEndpoint: string;
  /** Multi-region key ARNs by purpose; the standby creates replicas of them. */
  keyArns: Record<KeyPurpose, string>;
  /** DynamoDB global tables the standby joins as a replica. */
  tableArns: Record<TableName, string>;
  /** Buckets the standby replicates from. */
  buckets: Record<BucketName, { name: string; arn: string }>;
  /**
   * The storefront's CloudFront distribution: the standby's `web` replica (the origin group's
   * secondary) admits only it. CloudFront is global: the ARN names no region.
   */
  storefrontDistributionArn: string;
  /** The name the primary gave the storefront's replica in each replica region. */
  storefrontReplicaBuckets: Record<string, string>;
  /** The Aurora master secret; its replica in the standby's region has the same ARN there. */
  dbSecretArn: string;
  /** Regions the primary replicates its secrets (with their key) and images to. */
  replicaRegions: string[];
  /** The shop's domain and hosted zone: the standby adds its SECONDARY record there. */
  domain: string;
  zoneId: string;
  /** The shoppers' identity provider: both regions validate its tokens. */
  jwtIssuer: string;
  /** Where keys are fetched ("" for an external provider, whose keys are inline). */
  jwksUri: string;
  /** The issuer's public key set, inline ("" when none is configured): Istio fetches nothing. */
  jwks: string;
  jwtAudience: string;
  /** The accelerator's listener ("" without one): the standby attaches its endpoint group. */
  acceleratorListenerArn: string;
  /** The Route 53 health check of the primary's API: the standby's DR dashboard shows it. */
  healthCheckId: string;
}

/** Listing the keys as a record makes the compiler reject a key missing from this list. */
const PRIMARY_OUTPUT_KEYS: Record<keyof PrimaryOutputs, true> = {
  region: true,
  vpcId: true,
  vpcCidr: true,
  globalClusterId: true,
  globalWriterEndpoint: true,
  keyArns: true,
  tableArns: true,
  buckets: true,
  dbSecretArn: true,
  storefrontDistributionArn: true,
  storefrontReplicaBuckets: true,
  replicaRegions: true,
  domain: true,
  zoneId: true,
  jwtIssuer: true,
  jwksUri: true,
  jwks: true,
  jwtAudience: true,
  acceleratorListenerArn: true,
  healthCheckId: true,
};

export type OutputsOf<T> = { [K in keyof T]: pulumi.Output<T[K]> };
export type InputsOf<T> = { [K in keyof T]: pulumi.Input<T[K]> };

/** A typed StackReference to the primary stack. */
export class PrimaryReference {
  readonly outputs: OutputsOf<PrimaryOutputs>;
  private readonly ref: pulumi.StackReference;

  constructor(stackName: string) {
    this.ref = new pulumi.StackReference("primary", { name: stackName });
    const entries = (Object.keys(PRIMARY_OUTPUT_KEYS) as (keyof PrimaryOutputs)[]).map((key) => [
      key,
      this.ref.requireOutput(key),
    ]);
    this.outputs = Object.fromEntries(entries) as OutputsOf<PrimaryOutputs>;
  }

  /** The resolved value, for validation that must finish before any resource is declared. */
  value<K extends keyof PrimaryOutputs>(key: K): Promise<PrimaryOutputs[K]> {
    return this.ref.requireOutputValue(key) as Promise<PrimaryOutputs[K]>;
  }
}
