/**
 * The offline policy gate: runs every rule of the pack in-process over a synthesized plan, the
 * way `pulumi preview --policy-pack policy` would. Resource rules see each resource's inputs;
 * stack rules see every resource with its outputs (the mocked ids and ARNs included), parent,
 * dependencies and property dependencies.
 */
import type {
  EnforcementLevel,
  PolicyResource,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { Rule } from "../policy/lib/rule";
import { rules as allRules } from "../policy/rules";
import { PlannedResource, PolicyViolation, StackPlan } from "./plan";

export interface RuleVerdict {
  policy: string;
  level: "advisory" | "mandatory";
  severity: string;
  /** Resources of the types the rule examines. */
  checked: number;
  violations: PolicyViolation[];
}

export interface GateResult {
  rules: number;
  verdicts: RuleVerdict[];
  violations: PolicyViolation[];
  mandatoryViolations: PolicyViolation[];
}

/**
 * Per-rule config, as in a `--policy-pack-config` file: `{ "<rule>": "disabled" }` or
 * `{ "<rule>": { "enforcementLevel": "advisory", "<key>": value } }`.
 */
export type PolicyConfig = Record<string, object | EnforcementLevel>;

const notApplicable = (reason?: string): never => {
  throw new NotApplicable(reason);
};
class NotApplicable extends Error {}

/** PolicyResource views of the plan: stack rules resolve relationships through these. */
function policyResources(plan: StackPlan): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const views = plan.resources.map((r) => {
    const view = {
      type: r.type,
      name: r.name,
      urn: r.urn,
      props: { ...r.outputs, ...(r.id ? { id: r.id } : {}) },
      opts: { protect: r.protect, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
      dependencies: [] as PolicyResource[],
      propertyDependencies: {} as Record<string, PolicyResource[]>,
    } as unknown as PolicyResource;
    byUrn.set(r.urn, view);
    return [r, view] as [PlannedResource, PolicyResource];
  });
  for (const [r, view] of views) {
    const resolve = (urns: string[]) =>
      urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
    Object.assign(view, {
      parent: byUrn.get(r.parent),
      dependencies: resolve(r.dependencies),
      propertyDependencies: Object.fromEntries(
        Object.entries(r.propertyDependencies).map(([k, urns]) => [k, resolve(urns)]),
      ),
    });
  }
  return views.map(([, v]) => v);
}

/** Runs `fn`, treating a rule's `notApplicable()` as "nothing to report here". */
async function unlessNotApplicable(fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof NotApplicable)) throw err;
  }
}

/** A rule's settings from the policy config: a bare level, or an object with `enforcementLevel`. */
function settingsFor(
  rule: Rule,
  config: PolicyConfig,
): { level: EnforcementLevel; values: object } {
  const entry = config[rule.name];
  if (typeof entry === "string") return { level: entry, values: {} };
  const { enforcementLevel, ...values } = (entry ?? {}) as { enforcementLevel?: EnforcementLevel };
  return { level: enforcementLevel ?? rule.meta.enforcementLevel, values };
}

export async function evaluatePlan(
  plan: StackPlan,
  rules: Rule[] = allRules,
  config: PolicyConfig = {},
): Promise<GateResult> {
  const resources = policyResources(plan);
  const verdicts: RuleVerdict[] = [];
  for (const rule of rules) {
    const settings = settingsFor(rule, config);
    if (settings.level === "disabled") continue;
    const level = settings.level === "mandatory" ? "mandatory" : "advisory";
    const violations: PolicyViolation[] = [];
    const getConfig = <T extends object>() => settings.values as T;
    const reporterFor =
      (fallbackUrn: string): ReportViolation =>
      (message, urn) =>
        violations.push({ policy: rule.name, urn: urn ?? fallbackUrn, level, message });
    if ("validateResource" in rule && rule.validateResource) {
      const validations: ResourceValidation[] = [rule.validateResource].flat();
      for (const r of plan.resources) {
        const args = {
          type: r.type,
          name: r.name,
          urn: r.urn,
          props: r.inputs,
          opts: { protect: r.protect, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
          stackTags: new Map<string, string>(),
          getConfig,
          notApplicable,
          isType: () => false,
          asType: () => undefined,
        } as unknown as ResourceValidationArgs;
        for (const validate of validations)
          await unlessNotApplicable(() => validate(args, reporterFor(r.urn)));
      }
    }
    if ("validateStack" in rule && rule.validateStack) {
      const validateStack = rule.validateStack;
      const args = {
        resources,
        stackTags: new Map<string, string>(),
        getConfig,
        notApplicable,
      } as unknown as StackValidationArgs;
      await unlessNotApplicable(() =>
        validateStack(args, reporterFor(plan.resources[0]?.urn ?? "")),
      );
    }
    const checked = plan.resources.filter((r) => rule.meta.types.includes(r.type)).length;
    verdicts.push({ policy: rule.name, level, severity: rule.meta.severity, checked, violations });
  }
  const violations = verdicts.flatMap((v) => v.violations);
  return {
    rules: verdicts.length,
    verdicts,
    violations,
    mandatoryViolations: violations.filter((v) => v.level === "mandatory"),
  };
}

/** The verdict table printed per stack: every rule, what it checked, what it found. */
export function formatVerdicts(stack: string, result: GateResult): string {
  const width = Math.max(...result.verdicts.map((v) => v.policy.length));
  // Rules with nothing of their types in this stack are listed by count, not row by row.
  const idle = result.verdicts.filter((v) => v.checked === 0 && v.violations.length === 0);
  const shown = [...result.verdicts]
    .filter((v) => !idle.includes(v))
    .sort((a, b) => a.policy.localeCompare(b.policy));
  const rows = shown.map((v) => {
    const status = v.violations.length === 0 ? "pass" : v.level === "mandatory" ? "FAIL" : "warn";
    return `  ${status}  ${v.policy.padEnd(width)}  ${String(v.checked).padStart(7)}  ${String(v.violations.length).padStart(10)}  ${v.level}`;
  });
  const findings = result.violations.map(
    (v) => `  [${v.level}] ${v.policy}: ${v.message}\n      ${v.urn}`,
  );
  const mandatory = result.mandatoryViolations.length;
  const advisory = result.violations.length - mandatory;
  return [
    `Policy pack ecommerce-guardrails on ${stack}: ${result.rules} rules, ${mandatory} mandatory and ${advisory} advisory violation(s)`,
    `        ${"rule".padEnd(width)}  checked  violations  level`,
    ...rows,
    `  (${idle.length} more rule(s) found no resource of their types in this stack)`,
    ...(findings.length ? ["", "Violations:", ...findings] : []),
  ].join("\n");
}
