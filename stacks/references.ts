/**
 * The one place that knows what the primary stack exports for the standby. The standby reads
 * every key with `requireOutput`, so an output the primary stopped exporting fails loudly at
 * preview instead of becoming `undefined` somewhere downstream.
 */
import * as pulumi from "@pulumi/pulumi";

/** Outputs of prod-mumbai that dr-singapore consumes. */
export interface PrimaryOutputs {
  region: string;
  vpcId: string;
  vpcCidr: string;
}

/** Listing the keys as a record makes the compiler reject a key missing from this list. */
const PRIMARY_OUTPUT_KEYS: Record<keyof PrimaryOutputs, true> = {
  region: true,
  vpcId: true,
  vpcCidr: true,
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
