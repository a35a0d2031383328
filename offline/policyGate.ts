/**
 * The offline policy gate: runs every rule of the pack in-process over a synthesized plan, the
 * way `pulumi preview --policy-pack policy` would. Resource rules see each resource's inputs;
 * stack rules see every resource with its outputs (the mocked ids and ARNs included), parent,
 * dependencies and property dependencies.
 *
 * Props reach the rules as the CLI's analyzer hands them over (`@pulumi/policy` `server.js`): wrapped
 * in the SDK's unknown-checking proxy, so reading a value a preview cannot know throws, and that
 * rule's check on that resource becomes an advisory "can't run during preview" note instead of a
 * verdict. The gate lists those notes as undecided checks rather than hiding them.
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
import { PlannedResource, PolicyViolation, StackPlan, UNKNOWN_PLACEHOLDER } from "./plan";

import { analyzerProxy } from "../policy/lib/known";
import { ROOT_STACK_TYPE, engineUrn } from "./recorder";

/** A rule that could not decide on a resource because it read a value unknown during preview. */
export interface UndecidedCheck {
  policy: string;
  urn: string;
  level: "advisory" | "mandatory";
  /** The SDK's own message, e.g. "string value at .kmsKeyId can't be known during preview". */
  message: string;
}

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
  /** Checks that could not run (preview unknowns); the CLI reports them as advisory. */
  undecided: UndecidedCheck[];
}

/** The plan's "[unknown]" placeholders back as the wire's unknown sentinel, as the analyzer gets them. */
function asAnalyzerValue(value: unknown): unknown {
  if (value === UNKNOWN_PLACEHOLDER) return analyzerProxy.unknownStringValue;
  if (Array.isArray(value)) return value.map(asAnalyzerValue);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asAnalyzerValue(v)]));
  }
  return value;
}

/** Props as a rule receives them from the CLI: unknown values throw when read. */
function analyzerProps(props: Record<string, unknown>): Record<string, unknown> {
  return analyzerProxy.unknownCheckingProxy(asAnalyzerValue(props) as Record<string, unknown>);
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

/**
 * The id a stack rule sees among a resource's outputs: the mocked one, or unknown for a resource a
 * preview has not created yet (bridged providers list `id` among the outputs).
 */
function idOf(plan: StackPlan, r: PlannedResource): { id?: string } {
  if (r.id) return { id: r.id };
  return plan.preview && r.custom && !r.read ? { id: UNKNOWN_PLACEHOLDER } : {};
}

/** PolicyResource views of the plan: stack rules resolve relationships through these. */
function policyResources(plan: StackPlan): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const views = plan.resources.map((r) => {
    const view = {
      type: r.type,
      name: r.name,
      urn: r.urn,
      props: analyzerProps({ ...r.outputs, ...idOf(plan, r) }),
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

/**
 * Runs `fn` as the analyzer server does: a rule's `notApplicable()` means nothing to report, and an
 * unknown value read during preview means the check could not run (returned as its message).
 */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | undefined)?.then === "function";
}

function guarded(fn: () => Promise<void> | void): string | undefined | Promise<string | undefined> {
  const verdict = (err: unknown): string | undefined => {
    if (err instanceof analyzerProxy.UnknownValueError) return (err as Error).message;
    if (!(err instanceof NotApplicable)) throw err;
    return undefined;
  };
  try {
    const result = fn();
    // Most rules are synchronous: awaiting each of their ~60,000 calls per stack only fed the
    // microtask queue. An asynchronous rule is still awaited, and its rejection judged the same way.
    return isThenable(result) ? Promise.resolve(result).then(() => undefined, verdict) : undefined;
  } catch (err) {
    return verdict(err);
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
  // One analyzer view of each resource's inputs serves every rule (rules only read props).
  const inputs = new Map(plan.resources.map((r) => [r, analyzerProps(r.inputs)]));
  const verdicts: RuleVerdict[] = [];
  const undecided: UndecidedCheck[] = [];
  for (const rule of rules) {
    const settings = settingsFor(rule, config);
    if (settings.level === "disabled") continue;
    const level = settings.level === "mandatory" ? "mandatory" : "advisory";
    const violations: PolicyViolation[] = [];
    const couldNotRun = (urn: string, message: string | undefined) => {
      if (message) undecided.push({ policy: rule.name, urn, level, message });
    };
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
          props: inputs.get(r),
          opts: { protect: r.protect, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
          stackTags: new Map<string, string>(),
          getConfig,
          notApplicable,
          isType: () => false,
          asType: () => undefined,
        } as unknown as ResourceValidationArgs;
        for (const validate of validations) {
          const verdict = guarded(() => validate(args, reporterFor(r.urn)));
          couldNotRun(r.urn, verdict instanceof Promise ? await verdict : verdict);
        }
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
      // A stack rule reports against the stack unless it names a resource.
      const root = engineUrn(plan, "", ROOT_STACK_TYPE, `${plan.project}-${plan.stack}`);
      const verdict = guarded(() => validateStack(args, reporterFor(root)));
      couldNotRun(root, verdict instanceof Promise ? await verdict : verdict);
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
    undecided,
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
  // What a preview cannot decide is shown, never folded into "pass": the CLI downgrades it to an
  // advisory note, so a mandatory rule in this list does not protect that resource in a preview.
  const undecided = result.undecided.map(
    (u) => `  [undecided, ${u.level} rule] ${u.policy}: ${u.message}\n      ${u.urn}`,
  );
  return [
    `Policy pack ecommerce-guardrails on ${stack}: ${result.rules} rules, ${mandatory} mandatory and ${advisory} advisory violation(s)`,
    `        ${"rule".padEnd(width)}  checked  violations  level`,
    ...rows,
    `  (${idle.length} more rule(s) found no resource of their types in this stack)`,
    ...(findings.length ? ["", "Violations:", ...findings] : []),
    ...(undecided.length
      ? ["", `Checks that could not run during this preview (${undecided.length}):`, ...undecided]
      : []),
  ].join("\n");
}
