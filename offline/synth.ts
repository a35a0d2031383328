/**
 * Runs the real program once for one stack, in-process, against the recording mock monitor, and
 * returns its plan. Each run gets its own Pulumi runtime store, so stacks can be synthesized one
 * after another in one process (as the Automation API does for inline programs).
 */
import * as pulumi from "@pulumi/pulumi";
import { PlanInput } from "./types";
import { Program } from "./program";
import { SECRET_PLACEHOLDER, StackPlan } from "./plan";
import { OFFLINE_ACCOUNT_ID } from "./outputs";
import { toRuntimeConfig } from "./projectConfig";
import {
  OfflineMocks,
  RecordingMonitor,
  ReferencedStack,
  redact,
  secretPlaintexts,
  secretValue,
  unwrapSecrets,
} from "./recorder";
import { KnownSecret } from "./secretLeaks";

// Not in the SDK's typings: the per-run store the Automation API uses for inline programs. Each
// synthesis keeps its own store for everything it started, so work a failed run left in flight can
// never register into the next run's plan, and the SDK's resource-module registry (filled once, as
// the SDKs load) is never lost between runs. The price is Node's promise hooks, which an entered
// AsyncLocalStorage turns on: measured, 10–20 % more CPU per synthesis than on the process-wide
// store, whose sharing between consecutive runs showed both of those faults.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withLocalStorage } = require("@pulumi/pulumi/runtime/state") as {
  withLocalStorage<T>(fn: () => Promise<T>): Promise<T>;
};

export type { Program } from "./program";

/** A synthesized stack: the plan, plus its plain output values for stacks that reference it. */
export interface SynthResult {
  plan: StackPlan;
  reference: ReferencedStack;
  /** Every secret plaintext the run handled, kept out of the plan: the plan file's leak check. */
  secrets: KnownSecret[];
}

/** Thrown when the program fails; `message` is the program's own (e.g. a config error). */
export class SynthError extends Error {
  constructor(
    readonly stack: string,
    message: string,
    /** URNs registered before the failure: a config error should leave at most a reference. */
    readonly registered: string[] = [],
  ) {
    super(message);
    this.name = "SynthError";
  }
}

export async function synthesizeStack(program: Program, input: PlanInput): Promise<SynthResult> {
  const region = String(input.config["aws:region"] ?? "");
  const preview = input.preview ?? false;
  const mocks = new OfflineMocks(
    { stack: input.stack, region, accountId: OFFLINE_ACCOUNT_ID },
    input.references,
    preview,
  );
  const monitor = new RecordingMonitor(mocks, { stack: input.stack, project: input.project });
  const errors: unknown[] = [];
  // A failure inside an input (a missing required output, say) leaves the runtime waiting for a
  // registration that never comes; like the Pulumi CLI, the first unhandled error ends the run.
  let abort: (err: unknown) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const onError = (err: unknown) => {
    errors.push(err);
    abort(err);
  };

  // Pulumi records a full stack trace per resource (source positions for the engine's display).
  // Under the TypeScript hook each one is source-mapped, which was two thirds of a synthesis;
  // offline nothing reads those positions, so the mapping is off while the stack synthesizes. The
  // program's own code path is unchanged.
  //
  // The SDK also captures a stack trace for every promise it tracks (`debuggablePromise`, for its
  // leak report), which offline nobody reads either: traces are cut to no frames meanwhile, unless
  // OFFLINE_STACK_TRACES=1 asks for them to debug a failing program. The SDK's own source positions
  // (`Resource.callsites`) raise the limit themselves, so resources keep them.
  const errorClass = Error as { prepareStackTrace?: unknown };
  const mapStackTrace = errorClass.prepareStackTrace;
  const stackTraceLimit = Error.stackTraceLimit;
  const keepTraces = process.env.OFFLINE_STACK_TRACES === "1";
  return withLocalStorage(async () => {
    process.on("unhandledRejection", onError);
    try {
      errorClass.prepareStackTrace = keepTraces ? mapStackTrace : undefined;
      Error.stackTraceLimit = keepTraces ? stackTraceLimit : 0;
      await pulumi.runtime.setMocks(mocks, input.project, input.stack, preview, input.organization);
      // setMocks set the feature flags on this store; now swap in the recording monitor.
      pulumi.runtime.setMockOptions(
        monitor,
        input.project,
        input.stack,
        preview,
        input.organization,
      );
      pulumi.runtime.setAllConfig(toRuntimeConfig(input.config), input.secretKeys ?? []);
      await Promise.race([
        (async () => {
          await pulumi.runtime.runInPulumiStack(program);
          await pulumi.runtime.disconnect();
          // A registration whose input failed to serialize (an apply that threw) rejects without
          // an RPC to wait for; Node reports it once the microtask queue drains, so give it that
          // turn while the handler is still listening.
          await new Promise((resolve) => setImmediate(resolve));
        })(),
        aborted,
      ]);
    } catch (err) {
      if (!errors.includes(err)) errors.unshift(err);
    } finally {
      process.off("unhandledRejection", onError);
      errorClass.prepareStackTrace = mapStackTrace;
      Error.stackTraceLimit = stackTraceLimit;
    }
    if (errors.length > 0) {
      throw new SynthError(
        input.stack,
        describeError(errors[0]),
        monitor.records.map((r) => r.urn),
      );
    }

    const outputs = unwrapSecretsByKey(monitor.stackOutputs);
    const plan: StackPlan = {
      stack: input.stack,
      project: input.project,
      region,
      qualifiedName: `${input.organization}/${input.project}/${input.stack}`,
      ...(preview ? { preview: true } : {}),
      // Secret config values never reach a plan file.
      config: Object.fromEntries(
        Object.entries(input.config).map(([k, v]) => [
          k,
          input.secretKeys?.includes(k) ? SECRET_PLACEHOLDER : v,
        ]),
      ),
      resources: monitor.records,
      outputs: redact(monitor.stackOutputs) as Record<string, unknown>,
      secretOutputs: outputs.secretOutputNames,
    };
    const secrets: KnownSecret[] = [
      ...(input.secretKeys ?? []).flatMap((k) =>
        secretPlaintexts(secretValue(input.config[k])).map((s) => ({
          value: s.value,
          source: `config ${k}${s.path ? `.${s.path}` : ""}`,
        })),
      ),
      ...monitor.secrets,
    ];
    return { plan, reference: outputs, secrets };
  });
}

function unwrapSecretsByKey(raw: Record<string, unknown>): ReferencedStack {
  const outputs: Record<string, unknown> = {};
  const secretOutputNames: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const unwrapped = unwrapSecrets(value);
    outputs[key] = unwrapped.value;
    if (unwrapped.secret) {
      secretOutputNames.push(key);
    }
  }
  return { outputs, secretOutputNames };
}

/** The program's message without a stack trace for errors meant for the user. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) {
    return String(err);
  }
  // RunError (and ConfigError) carry messages written for the user; anything else is a bug.
  const forUser = err.name === "ConfigError" || pulumi.RunError.isInstance(err as unknown);
  if (forUser) return err.message;
  const stack = err.stack ?? err.message;
  // Frames are cut during synthesis (see synthesizeStack); say how to get them back.
  return stack.includes("\n    at ")
    ? stack
    : `${stack}\n    (stack frames are off while synthesizing: rerun with OFFLINE_STACK_TRACES=1)`;
}
