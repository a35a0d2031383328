/**
 * Synthesizes stacks in dependency order: a stack whose config names another stack's qualified
 * name (dr-singapore's `dr.primaryStack`) runs after it and receives its real outputs through the
 * StackReference.
 */
import * as path from "path";
import { StackPlan } from "./plan";
import { GateResult, PolicyConfig, evaluatePlan } from "./policyGate";
import {
  ConfigOverride,
  Project,
  listStacks,
  loadProject,
  loadStackConfig,
  secureKeys,
} from "./projectConfig";
import { ReferencedStack } from "./recorder";
import { KnownSecret } from "./secretLeaks";
import { Program, loadProgram } from "./program";
import { synthesizeStack } from "./synth";
import { cachedSynthesis, serialized, synthesisKey } from "./synthCache";
import { PlanInput } from "./types";

/** Pulumi's default organization name for self-managed backends. */
export const DEFAULT_ORGANIZATION = "organization";

export interface EngineOptions {
  projectDir?: string;
  /** Stacks to synthesize; their dependencies run too. Default: every `Pulumi.<stack>.yaml`. */
  stacks?: string[];
  overrides?: ConfigOverride[];
  organization?: string;
  /**
   * Synthesize as a first `pulumi preview` of new stacks: what providers compute on create is
   * unknown. A stack that another references is read through its deployed outputs, as the CLI
   * reads a StackReference, so it is also synthesized once with known values for that purpose.
   */
  preview?: boolean;
  /** Per-rule policy config, as `pulumi up --policy-pack-config <file>` reads it. */
  policyConfig?: PolicyConfig;
}

export interface EngineResult {
  project: Project;
  /** Plans in the order they ran, dependencies first. */
  plans: StackPlan[];
  /** The stacks asked for (the rest ran only as dependencies). */
  requested: string[];
  /** Policy verdicts per stack (also recorded in each plan's `policy`). */
  gates: Map<string, GateResult>;
  /** Per stack, the secret plaintexts its run handled (never in a plan): see `writePlan`. */
  secrets: Map<string, KnownSecret[]>;
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

/**
 * `program` defaults to the project's own entry point, started as the language host starts it
 * (`offline/program.ts`); tests may pass a program of their own.
 */
export async function runEngine(
  options: EngineOptions = {},
  program?: Program,
): Promise<EngineResult> {
  const project = loadProject(options.projectDir ?? PROJECT_DIR);
  // Loaded lazily, inside the first synthesis, so a usage error prints before the SDKs load.
  const run = program ?? loadProgram(project.dir);
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

  // The project's own program is cached per synthesis input; a program passed in is not.
  const synthesizeAndGate = (input: PlanInput) =>
    cachedSynthesis(program ? undefined : synthesisKey(project.dir, input), () =>
      serialized(async () => {
        const result = await synthesizeStack(run, input);
        const gate = await evaluatePlan(result.plan);
        result.plan.policy = {
          rules: gate.rules,
          violations: gate.violations,
          ...(gate.undecided.length > 0 ? { undecided: gate.undecided } : {}),
        };
        return { result, gate };
      }),
    );

  const referenced = new Set(
    order.flatMap((s) => referencedStacks(configOf(s), qualified).filter((d) => d !== s)),
  );
  const references = new Map<string, ReferencedStack>();
  const plans: StackPlan[] = [];
  const gates = new Map<string, GateResult>();
  const secrets = new Map<string, KnownSecret[]>();
  for (const stack of order) {
    const input = {
      project: project.name,
      organization,
      stack,
      config: configOf(stack),
      secretKeys: secureKeys(project, stack),
      references,
    };
    const synthesized = await synthesizeAndGate({ ...input, preview: options.preview });
    const { result } = synthesized;
    let { gate } = synthesized;
    if (options.policyConfig && Object.keys(options.policyConfig).length > 0) {
      // The cached verdicts are the pack's defaults; this run's config decides anew.
      gate = await evaluatePlan(result.plan, undefined, options.policyConfig);
      result.plan.policy = {
        rules: gate.rules,
        violations: gate.violations,
        ...(gate.undecided.length > 0 ? { undecided: gate.undecided } : {}),
      };
    }
    const deployed =
      options.preview && referenced.has(stack)
        ? (await synthesizeAndGate(input)).result.reference
        : result.reference;
    references.set(result.plan.qualifiedName, deployed);
    gates.set(stack, gate);
    secrets.set(stack, result.secrets);
    plans.push(result.plan);
  }
  return { project, plans, requested, gates, secrets };
}
