/**
 * One cache of syntheses per process, for the project's own program: keyed by everything a
 * synthesis reads (the project and its entry, the stack, its effective configuration and secret
 * keys, preview or not, and the outputs of every stack it may reference), so a hit is the plan
 * that synthesis would produce, never one made from other config. `npm start -- --drill` reuses the
 * stacks a rehearsal leaves unchanged, and the tests share every run they repeat. Entries are
 * handed out as copies: a caller that edits a plan edits its own.
 *
 * Syntheses also run one at a time: the Pulumi runtime's process-wide hooks make concurrent runs
 * in one process unsafe, whoever starts them.
 */
import { GateResult } from "./policyGate";
import { SynthResult } from "./synth";
import { PlanInput } from "./types";

export interface CachedSynthesis {
  result: SynthResult;
  gate: GateResult;
}

const entries = new Map<string, Promise<CachedSynthesis>>();
let queue: Promise<unknown> = Promise.resolve();

/** The key of a synthesis: its inputs, references' outputs included. */
export function synthesisKey(projectDir: string, input: PlanInput): string {
  return JSON.stringify([
    projectDir,
    input.project,
    input.organization,
    input.stack,
    input.preview ?? false,
    input.config,
    input.secretKeys ?? [],
    [...input.references.entries()].sort(([a], [b]) => a.localeCompare(b)),
  ]);
}

/** Runs `fn` after every synthesis started before it has finished. */
export function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** The cached synthesis for `key`, or `make`'s (cached only when it succeeds). */
export async function cachedSynthesis(
  key: string | undefined,
  make: () => Promise<CachedSynthesis>,
): Promise<CachedSynthesis> {
  if (key === undefined) return make();
  let entry = entries.get(key);
  if (!entry) {
    entry = make();
    entries.set(key, entry);
    entry.catch(() => entries.delete(key));
  }
  return structuredClone(await entry);
}
