/**
 * Synthesizes stacks in dependency order: a stack whose config names another stack's qualified
 * name (dr-singapore's `dr.primaryStack`) runs after it and receives its real outputs through the
 * StackReference.
 */
import * as path from "path";
import { StackPlan } from "./plan";
import { GateResult, evaluatePlan } from "./policyGate";
import {
  ConfigOverride,
  Project,
  listStacks,
  loadProject,
  loadStackConfig,
  secureKeys,
} from "./projectConfig";
import { ReferencedStack } from "./recorder";
import { Program, synthesizeStack } from "./synth";

/** Pulumi's default organization name for self-managed backends. */
export const DEFAULT_ORGANIZATION = "organization";

export interface EngineOptions {
  projectDir?: string;
  /** Stacks to synthesize; their dependencies run too. Default: every `Pulumi.<stack>.yaml`. */
  stacks?: string[];
  overrides?: ConfigOverride[];
  organization?: string;
}

export interface EngineResult {
  project: Project;
  /** Plans in the order they ran, dependencies first. */
  plans: StackPlan[];
  /** The stacks asked for (the rest ran only as dependencies). */
  requested: string[];
  /** Policy verdicts per stack (also recorded in each plan's `policy`). */
  gates: Map<string, GateResult>;
}

export const PROJECT_DIR = path.resolve(__dirname, "..");

/** Stacks whose qualified name appears anywhere in `config`'s values. */
function referencedStacks(config: unknown, qualified: Map<string, string>): string[] {
  if (typeof config === "string") {
    const stack = qualified.get(config);
    return stack ? [stack] : [];
  }
  if (typeof config === "object" && config !== null) {
    return Object.values(config).flatMap((v) => referencedStacks(v, qualified));
  }
  return [];
}

export function loadProgram(): Program {
  // Loaded lazily so a usage error prints before the AWS SDKs load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("../stacks") as { default: Program }).default;
}

export async function runEngine(
  options: EngineOptions = {},
  program: Program = loadProgram(),
): Promise<EngineResult> {
  const project = loadProject(options.projectDir ?? PROJECT_DIR);
  const organization = options.organization ?? DEFAULT_ORGANIZATION;
  const all = listStacks(project.dir);
  const overrides = options.overrides ?? [];
  for (const o of overrides) {
    if (!all.includes(o.stack)) {
      throw new Error(`--config names stack "${o.stack}"; known stacks: ${all.join(", ")}`);
    }
  }
  const requested = options.stacks && options.stacks.length > 0 ? options.stacks : all;
  for (const s of requested) {
    if (!all.includes(s)) {
      throw new Error(`unknown stack "${s}"; known stacks: ${all.join(", ")}`);
    }
  }

  const qualified = new Map(all.map((s) => [`${organization}/${project.name}/${s}`, s]));
  // Loaded only for the stacks this run needs: an unrelated stack's file cannot break it.
  const configs = new Map<string, Record<string, unknown>>();
  const configOf = (stack: string) => {
    if (!configs.has(stack)) configs.set(stack, loadStackConfig(project, stack, overrides));
    return configs.get(stack) ?? {};
  };

  // Depth-first topological order over the requested stacks and what they reference.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (stack: string) => {
    if (order.includes(stack)) return;
    if (visiting.has(stack)) throw new Error(`stack references form a cycle through ${stack}`);
    visiting.add(stack);
    referencedStacks(configOf(stack), qualified)
      .filter((d) => d !== stack)
      .forEach(visit);
    visiting.delete(stack);
    order.push(stack);
  };
  requested.forEach(visit);

  const references = new Map<string, ReferencedStack>();
  const plans: StackPlan[] = [];
  const gates = new Map<string, GateResult>();
  for (const stack of order) {
    const result = await synthesizeStack(program, {
      project: project.name,
      organization,
      stack,
      config: configOf(stack),
      secretKeys: secureKeys(project, stack),
      references,
    });
    references.set(result.plan.qualifiedName, result.reference);
    const gate = await evaluatePlan(result.plan);
    result.plan.policy = { rules: gate.rules, violations: gate.violations };
    gates.set(stack, gate);
    plans.push(result.plan);
  }
  return { project, plans, requested, gates };
}
