/**
 * Runs rules through the offline gate over small hand-built plans, so fixture tests exercise the
 * exact code path `npm start` and `npm run policy` use.
 */
import { Rule } from "../../policy/lib/rule";
import { rules } from "../../policy/rules";
import { PlannedResource, PolicyViolation, StackPlan } from "../../offline/plan";
import { evaluatePlan } from "../../offline/policyGate";

export interface FixtureResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Input name → names of the fixture resources its value came from. */
  deps?: Record<string, string[]>;
  protect?: boolean;
}

export const urnOf = (f: { type: string; name: string }) =>
  `urn:pulumi:test::fixture::${f.type}::${f.name}`;

export function res(
  type: string,
  name: string,
  props: Record<string, unknown>,
  deps: Record<string, string[]> = {},
): FixtureResource {
  return { type, name, props, deps };
}

/** A plan whose inputs and outputs are both the fixture's props (ids taken from `props.id`). */
export function fixturePlan(resources: FixtureResource[]): StackPlan {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const planned: PlannedResource[] = resources.map((r) => {
    const propertyDependencies = Object.fromEntries(
      Object.entries(r.deps ?? {}).map(([prop, names]) => [
        prop,
        names.map((n) => {
          const target = byName.get(n);
          if (!target) throw new Error(`fixture ${r.name} depends on unknown ${n}`);
          return urnOf(target);
        }),
      ]),
    );
    return {
      urn: urnOf(r),
      id: typeof r.props.id === "string" ? r.props.id : undefined,
      type: r.type,
      name: r.name,
      parent: "",
      dependencies: Object.values(propertyDependencies).flat(),
      propertyDependencies,
      inputs: r.props,
      outputs: r.props,
      // Protected unless a case says otherwise, as the program registers its stateful resources.
      protect: r.protect ?? true,
      retainOnDelete: false,
      custom: !r.type.startsWith("eks:index:"),
      provider: "",
    };
  });
  return {
    stack: "fixture",
    project: "fixture",
    region: "ap-south-1",
    qualifiedName: "o/p/fixture",
    config: {},
    resources: planned,
    outputs: {},
    secretOutputs: [],
  };
}

export function ruleNamed(name: string): Rule {
  const rule = rules.find((r) => r.name === name);
  if (!rule) throw new Error(`no rule ${name}`);
  return rule;
}

/**
 * Rules that produced at least one violation, and rules that passed a case, in this test run: each
 * rule's suite asserts it saw both (ruleSuite.ts).
 */
export const violatedRules = new Set<string>();
export const passedRules = new Set<string>();

export async function violations(
  ruleName: string,
  resources: FixtureResource[],
  config: object = {},
): Promise<PolicyViolation[]> {
  const result = await evaluatePlan(fixturePlan(resources), [ruleNamed(ruleName)], {
    [ruleName]: config,
  });
  // A check that could not run (it read a value a preview cannot know) is neither a pass nor a
  // violation: every case must decide, as a first `pulumi preview` must.
  if (result.undecided.length > 0) {
    throw new Error(`${ruleName} could not decide: ${result.undecided.map((u) => u.message)}`);
  }
  (result.violations.length > 0 ? violatedRules : passedRules).add(ruleName);
  return result.violations;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
