/**
 * How a rule is written: metadata plus a small check over plain props. `resourceRule` and
 * `stackRule` turn that into the CrossGuard policy objects the pack registers, so the same
 * objects run under `pulumi preview --policy-pack policy` and in the offline gate.
 */
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { Props } from "./props";
import { StackView } from "./stackView";

/** Compliance frameworks the rules cite (`name §control`). */
export type Framework = `${"CIS AWS Foundations 3.0" | "CIS EKS 1.5" | "PCI-DSS 4.0"} §${string}`;

export type Topic =
  | "encryption-at-rest"
  | "encryption-in-transit"
  | "network-exposure"
  | "availability"
  | "logging"
  | "iam"
  | "kubernetes"
  | "governance";

export interface RuleMeta {
  /** `aws-<service>-<resource>-<verb>-<what>` (or `kubernetes-…`, `eks-…`, `random-…` for the random provider). */
  name: string;
  description: string;
  severity: Severity;
  /** mandatory for encryption, private placement and exposure; advisory where teams may differ. */
  enforcementLevel: Extract<EnforcementLevel, "advisory" | "mandatory">;
  frameworks: Framework[];
  topic: Topic;
  /** Resource types the rule examines (for the verdict table's "checked" column). */
  types: string[];
  remediation: string;
  configSchema?: PolicyConfigSchema;
  /**
   * What the rule cannot decide during a first `pulumi preview` and why (listed in the policy
   * docs). Rules read "is it configured" with `isSet` (lib/known.ts) and so decide; only a value
   * no preview can know belongs here. Its check then runs during `pulumi up`, when the analyzer
   * sees each resource's resolved inputs before creating it.
   */
  previewLimit?: string;
}

// Defined beside its readers (props.ts), which stackView.ts imports: defining it here made a cycle.
export type { Props };

/** What a check returns: nothing when compliant, else one message per problem. */
export type Finding = string | (string | undefined)[] | undefined | void;

export interface ResourceContext<C> {
  type: string;
  name: string;
  urn: string;
  config: C;
  /** The resource's Pulumi `protect` option (`ResourceValidationArgs.opts`; known in a preview). */
  protect: boolean;
}

export type Rule = (ResourceValidationPolicy | StackValidationPolicy) & {
  meta: RuleMeta;
  kind: "resource" | "stack";
};

function configOf<C>(meta: RuleMeta, getConfig: () => object): C {
  const defaults = Object.fromEntries(
    Object.entries(meta.configSchema?.properties ?? {}).map(([k, v]) => [
      k,
      (v as { default?: unknown }).default,
    ]),
  );
  return { ...defaults, ...(getConfig() ?? {}) } as C;
}

function common(meta: RuleMeta) {
  return {
    name: meta.name,
    description: meta.description,
    enforcementLevel: meta.enforcementLevel,
    severity: meta.severity,
    tags: [meta.topic, ...meta.frameworks],
    remediationSteps: meta.remediation,
    configSchema: meta.configSchema,
    meta,
  };
}

function messages(finding: Finding): string[] {
  if (!finding) return [];
  return (Array.isArray(finding) ? finding : [finding]).filter((m): m is string => Boolean(m));
}

/** A rule over one resource's inputs. */
export function resourceRule<C = Record<string, never>>(
  meta: RuleMeta,
  check: (props: Props, ctx: ResourceContext<C>) => Finding,
): Rule {
  return {
    ...common(meta),
    kind: "resource",
    validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
      if (!meta.types.includes(args.type)) return;
      const config = configOf<C>(meta, () => args.getConfig());
      for (const m of messages(
        check(args.props ?? {}, {
          type: args.type,
          name: args.name,
          urn: args.urn,
          config,
          protect: args.opts?.protect === true,
        }),
      )) {
        report(`${args.name}: ${m}`);
      }
    },
  };
}

/** A rule over the whole stack: relationships between resources (subnets, routes, companions). */
export function stackRule<C = Record<string, never>>(
  meta: RuleMeta,
  check: (stack: StackView, config: C) => { resource: PolicyResource; message: string }[],
): Rule {
  return {
    ...common(meta),
    kind: "stack",
    validateStack: (args: StackValidationArgs, report: ReportViolation) => {
      const config = configOf<C>(meta, () => args.getConfig());
      for (const f of check(new StackView(args.resources), config)) {
        report(`${f.resource.name}: ${f.message}`, f.resource.urn);
      }
    },
  };
}
