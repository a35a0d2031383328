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
 *
 * `npm test` runs mocha in two worker processes; with `OFFLINE_SYNTH_CACHE_DIR` set (scripts/test.mjs
 * sets a fresh directory per run and removes it afterwards), a synthesis one worker finished is
 * handed to the other instead of being repeated. Each entry holds its whole key plus a fingerprint
 * of the sources that synthesized it (every file's path, size and modification time under the
 * program's and the engine's folders), so a directory kept past an edit hands out nothing stale.
 * A worker about to synthesize claims the key first; the other worker, wanting the same key
 * meanwhile (both start with the two stacks as they stand), waits for that entry instead of
 * synthesizing it a second time. A failed synthesis leaves no entry, and a claim whose worker is
 * gone, or older than any synthesis, binds no one.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
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

const ROOT = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["stacks", "components", "services", "offline", "policy"];
let fingerprint: string | undefined;

/** What the synthesizing sources look like now: computed once per process (they don't change). */
export function sourceFingerprint(): string {
  if (fingerprint === undefined) {
    const hash = createHash("sha256");
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "node_modules") visit(file);
        } else {
          const { size, mtimeMs } = fs.statSync(file);
          hash.update(`${path.relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
        }
      }
    };
    SOURCE_DIRS.forEach((d) => visit(path.join(ROOT, d)));
    fingerprint = hash.digest("hex");
  }
  return fingerprint;
}

/** Where `key`'s entry lives in a shared cache directory. */
export function sharedEntryFile(dir: string, key: string): string {
  return path.join(dir, `${createHash("sha256").update(key).digest("hex")}.v8`);
}

function readShared(dir: string, key: string): CachedSynthesis | undefined {
  let stored: { key: string; sources: string; value: CachedSynthesis };
  try {
    stored = v8.deserialize(fs.readFileSync(sharedEntryFile(dir, key)));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  return stored.key === key && stored.sources === sourceFingerprint() ? stored.value : undefined;
}

function writeShared(dir: string, key: string, value: CachedSynthesis): void {
  const file = sharedEntryFile(dir, key);
  // Written aside and renamed, so a reader in another process never sees half an entry.
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, v8.serialize({ key, sources: sourceFingerprint(), value }), {
    mode: 0o600,
  });
  fs.renameSync(partial, file);
}

/** The file whose existence says a worker is synthesizing `key` (it holds that worker's pid). */
export function claimFile(dir: string, key: string): string {
  return sharedEntryFile(dir, key).replace(/\.v8$/, ".claim");
}

/** Longer than any synthesis: a claim this old belongs to a worker that hung or was stopped. */
export const CLAIM_DEADLINE_MS = 10 * 60 * 1000;
const CLAIM_POLL_MS = 20;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Whether a claim binds no one: its worker is gone (or its pid is now this process's, which never
 * waits on itself: `entries` already joins its own callers), it names no worker, or it is past the
 * deadline. Undefined when the claim vanished while being read.
 */
function stale(file: string): boolean | undefined {
  let holder: string;
  let age: number;
  try {
    holder = fs.readFileSync(file, "utf8");
    age = Date.now() - fs.statSync(file).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const pid = Number(holder);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return true;
  return !alive(pid) || age > CLAIM_DEADLINE_MS;
}

/**
 * Claims `key` for this process; false while another worker holds it. The claim is written aside
 * and linked into place, so no one reads it half-written. Two waiters taking over the same stale
 * claim at once can both end up synthesizing: that repeats work, never mixes entries (an entry is
 * renamed into place whole and carries its key).
 */
function claim(dir: string, key: string): boolean {
  const file = claimFile(dir, key);
  const mine = `${file}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid), { mode: 0o600 });
  try {
    fs.linkSync(mine, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    fs.rmSync(mine, { force: true });
  }
  if (stale(file) === false) return false;
  fs.rmSync(file, { force: true });
  return claim(dir, key);
}

/** Lets go of this process's claim on `key` (and of no one else's). */
function release(dir: string, key: string): void {
  const file = claimFile(dir, key);
  try {
    if (fs.readFileSync(file, "utf8") === String(process.pid)) fs.rmSync(file, { force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

/** The other worker's entry for `key`, or this worker's own synthesis when no one else has it. */
async function sharedSynthesis(
  dir: string,
  key: string,
  make: () => Promise<CachedSynthesis>,
): Promise<CachedSynthesis> {
  for (;;) {
    const shared = readShared(dir, key);
    if (shared) return shared;
    if (claim(dir, key)) {
      try {
        // The holder before this claim may have written the entry just before it let go.
        const written = readShared(dir, key);
        if (written) return written;
        const made = await make();
        writeShared(dir, key, made);
        return made;
      } finally {
        release(dir, key);
      }
    }
    // Unref'd: waiting alone keeps no process alive (mocha's own timeout still ends a stuck test).
    await new Promise((resolve) => setTimeout(resolve, CLAIM_POLL_MS).unref());
  }
}

/** The cached synthesis for `key`, or `make`'s (cached only when it succeeds). */
export async function cachedSynthesis(
  key: string | undefined,
  make: () => Promise<CachedSynthesis>,
): Promise<CachedSynthesis> {
  if (key === undefined) return make();
  let entry = entries.get(key);
  if (!entry) {
    const dir = process.env.OFFLINE_SYNTH_CACHE_DIR;
    entry = dir ? sharedSynthesis(dir, key, make) : make();
    entries.set(key, entry);
    entry.catch(() => entries.delete(key));
  }
  return structuredClone(await entry);
}
