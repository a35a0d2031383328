/**
 * Shared fixtures: synthesized plans from the real program, cached per set of overrides so the
 * test files reuse one offline run instead of repeating it.
 */
import { runEngine, EngineResult } from "../offline/engine";
import { PlannedResource, StackPlan } from "../offline/plan";
import { parseOverride } from "../offline/projectConfig";

const cache = new Map<string, Promise<EngineResult>>();

/**
 * Both stacks (or the named ones) with `--config`-style overrides; `preview` synthesizes them as a
 * first `pulumi preview`.
 */
export function synth(
  overrides: string[] = [],
  stacks: string[] = [],
  preview = false,
): Promise<EngineResult> {
  const key = JSON.stringify([overrides, stacks, preview]);
  let run = cache.get(key);
  if (!run) {
    // Shared by the tests that ask for the same run: they only read it. (The engine serializes
    // syntheses and caches them per input for every other path.)
    run = runEngine({ overrides: overrides.map(parseOverride), stacks, preview });
    cache.set(key, run);
  }
  return run;
}

/** The stack that depends on no other: it can be synthesized alone. */
const PRIMARY = "prod-mumbai";

/**
 * One stack's plan. With overrides for the primary only, the primary is synthesized alone (the
 * standby would be the same run's dead weight); otherwise both, the standby after the primary.
 */
export async function plan(stack: string, overrides: string[] = []): Promise<StackPlan> {
  const primaryAlone =
    stack === PRIMARY &&
    overrides.length > 0 &&
    overrides.every((o) => o.startsWith(`${PRIMARY}:`));
  const result = await synth(overrides, primaryAlone ? [PRIMARY] : []);
  const found = result.plans.find((p) => p.stack === stack);
  if (!found) throw new Error(`no plan for ${stack}`);
  return found;
}

export function ofType(p: StackPlan, type: string): PlannedResource[] {
  return p.resources.filter((r) => r.type === type);
}

/**
 * The resources of `type` (those `where` admits, when given), for a loop over them: it throws,
 * naming the type and the stack, when there are none, so a loop cannot pass by checking nothing
 * when a type disappears or a filter stops matching.
 */
export function every(
  p: StackPlan,
  type: string,
  where?: (r: PlannedResource) => boolean,
): PlannedResource[] {
  const found = ofType(p, type).filter((r) => where?.(r) ?? true);
  if (found.length === 0) {
    const filtered = where ? " matching the filter" : "";
    throw new Error(`no ${type}${filtered} in ${p.stack}: nothing to check`);
  }
  return found;
}

export function named(p: StackPlan, name: string): PlannedResource {
  const found = p.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name} in ${p.stack}`);
  return found;
}

/** The resource whose mocked `id` output is `id`. */
export function byId(p: StackPlan, id: unknown): PlannedResource | undefined {
  return p.resources.find((r) => r.custom && r.id === id);
}

/** The resource of `type` named `name` (names repeat across types, e.g. a key and a bucket). */
export function the(p: StackPlan, type: string, name: string): PlannedResource {
  const found = p.resources.find((r) => r.type === type && r.name === name);
  if (!found) throw new Error(`no ${type} named ${name} in ${p.stack}`);
  return found;
}
