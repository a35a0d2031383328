import { ReferencedStack } from "./recorder";

/** Everything one synthesis needs: which stack, its merged config, and the stacks it may reference. */
export interface PlanInput {
  project: string;
  organization: string;
  stack: string;
  /** Structured config (objects not yet serialized), as loaded from the YAML files. */
  config: Record<string, unknown>;
  /** Keys whose values are secret (`secure:` in the stack file, supplied by `--config`). */
  secretKeys?: string[];
  /** A first `pulumi preview`: values the provider computes on create are unknown. */
  preview?: boolean;
  /** Fully qualified stack name → outputs, for StackReferences. */
  references: ReadonlyMap<string, ReferencedStack>;
}
