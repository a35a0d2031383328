/** The shape of a synthesized stack: what `npm start` writes to `plan/<stack>.json`. */

/** One registration seen by the recording monitor. */
export interface PlannedResource {
  urn: string;
  /** Physical id the mock assigned (custom resources only). */
  id?: string;
  type: string;
  name: string;
  /** URN of the parent (the root stack for top-level resources). */
  parent: string;
  /** URNs from `dependsOn` and from every input that came from another resource's output. */
  dependencies: string[];
  /** Input name → URNs its value came from. */
  propertyDependencies: Record<string, string[]>;
  /** Inputs as registered; secrets are replaced by "[secret]", resource references by URNs. */
  inputs: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  /** Inputs Pulumi leaves alone after creation (`ignoreChanges`). */
  ignoreChanges?: string[];
  /** true for provider-managed resources, false for components. */
  custom: boolean;
  /** true for a multi-language component (eks.Cluster, awsx.*): its children exist only in a real run. */
  remote?: boolean;
  /** Provider reference (`urn::id`), empty for the default provider. */
  provider: string;
  /** The outputs the mock returned (ids, ARNs, endpoints); secrets redacted as for inputs. */
  outputs: Record<string, unknown>;
  /** true for a read (`StackReference`, `.get`) rather than a managed resource. */
  read?: boolean;
}

export interface PolicyViolation {
  policy: string;
  urn: string;
  level: "advisory" | "mandatory";
  message: string;
}

export interface StackPlan {
  stack: string;
  project: string;
  region: string;
  /** The fully qualified name other stacks reference (`organization/project/stack`). */
  qualifiedName: string;
  config: Record<string, unknown>;
  /** Set for a first-preview plan, where values computed on create are "[unknown]". */
  preview?: boolean;
  resources: PlannedResource[];
  /** Stack outputs with secrets redacted as "[secret]". */
  outputs: Record<string, unknown>;
  /** Names of the outputs that are secret. */
  secretOutputs: string[];
  /** The gate's verdict; `undecided` lists checks a preview could not run (see policyGate.ts). */
  policy?: { rules: number; violations: PolicyViolation[]; undecided?: PolicyViolation[] };
}

export const SECRET_PLACEHOLDER = "[secret]";
export const UNKNOWN_PLACEHOLDER = "[unknown]";
