/**
 * What a first `pulumi preview` knows about a resource that does not exist yet. For a create, the
 * engine shows the provider's planned state: the inputs as the program gave them (and the provider's
 * own defaults, such as the region, and Pulumi's auto-names, chosen during `Check`), while every
 * value the provider computes on create (the id, ARNs, endpoints, generated secrets) is unknown. So
 * the inputs of anything that uses such a value are unknown too: that is what the policy pack has
 * to decide on during a first preview.
 */
import * as pulumi from "@pulumi/pulumi";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";

/** A registration as the mocks see it, plus whether it is a multi-language (remote) component. */
export type RegistrationArgs = pulumi.runtime.MockResourceArgs & {
  remote?: boolean;
  /** A read of an existing resource (`.get`, a StackReference): the CLI reads it during a preview. */
  read?: boolean;
};

/** Planned outputs that the provider knows before it creates anything. */
const KNOWN_IN_PREVIEW = ["region", "name"];

/**
 * The preview counterpart of a mocked create: inputs kept, computed outputs unknown, no id. Local
 * components keep their state (their outputs come from the program's `registerOutputs`).
 */
export function previewState(
  args: RegistrationArgs,
  known: { id: string; state: Record<string, unknown> },
): { id: string; state: Record<string, unknown> } {
  // A remote component's outputs come from its provider's `Construct`, which previews too.
  if (args.read || (!args.custom && !args.remote)) return known;
  const state: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(known.state)) {
    const fromInputs = key in args.inputs && args.inputs[key] !== undefined;
    state[key] = fromInputs
      ? args.inputs[key]
      : KNOWN_IN_PREVIEW.includes(key) && args.custom
        ? value
        : unknownValue;
  }
  // An empty id is the SDK's "unknown during preview" (runtime/resource.ts resolves it so).
  return { id: "", state };
}
