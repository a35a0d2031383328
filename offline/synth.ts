/**
 * Runs the real program once for one stack, in-process, against the recording mock monitor, and
 * returns its plan. Each run gets its own Pulumi runtime store, so stacks can be synthesized one
 * after another in one process (as the Automation API does for inline programs).
 */
import * as pulumi from "@pulumi/pulumi";
import { PlanInput } from "./types";
import { StackPlan } from "./plan";
import { OFFLINE_ACCOUNT_ID } from "./outputs";
import { toRuntimeConfig } from "./projectConfig";
import { OfflineMocks, RecordingMonitor, ReferencedStack, redact, unwrapSecrets } from "./recorder";

// Not in the SDK's typings: the per-run store the Automation API uses for inline programs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withLocalStorage } = require("@pulumi/pulumi/runtime/state") as {
  withLocalStorage<T>(fn: () => Promise<T>): Promise<T>;
};

export type Program = () => Promise<Record<string, unknown>>;

/** A synthesized stack: the plan, plus its plain output values for stacks that reference it. */
export interface SynthResult {
  plan: StackPlan;
  reference: ReferencedStack;
}

/** Thrown when the program fails; `message` is the program's own (e.g. a config error). */
export class SynthError extends Error {
  constructor(
    readonly stack: string,
    message: string,
  ) {
    super(message);
    this.name = "SynthError";
  }
}

export async function synthesizeStack(program: Program, input: PlanInput): Promise<SynthResult> {
  const region = String(input.config["aws:region"] ?? "");
  const mocks = new OfflineMocks(
    { stack: input.stack, region, accountId: OFFLINE_ACCOUNT_ID },
    input.references,
  );
  const monitor = new RecordingMonitor(mocks);
  const errors: unknown[] = [];
  const onError = (err: unknown) => errors.push(err);

  return withLocalStorage(async () => {
    await pulumi.runtime.setMocks(mocks, input.project, input.stack, false, input.organization);
    // setMocks set the feature flags on this store; now swap in the recording monitor.
    pulumi.runtime.setMockOptions(monitor, input.project, input.stack, false, input.organization);
    pulumi.runtime.setAllConfig(toRuntimeConfig(input.config), []);
    process.on("unhandledRejection", onError);
    try {
      await pulumi.runtime.runInPulumiStack(program);
      await pulumi.runtime.disconnect();
    } catch (err) {
      errors.unshift(err);
    } finally {
      process.off("unhandledRejection", onError);
    }
    if (errors.length > 0) {
      throw new SynthError(input.stack, describeError(errors[0]));
    }

    const outputs = unwrapSecretsByKey(monitor.stackOutputs);
    const plan: StackPlan = {
      stack: input.stack,
      project: input.project,
      region,
      qualifiedName: `${input.organization}/${input.project}/${input.stack}`,
      config: input.config,
      resources: monitor.records,
      outputs: redact(monitor.stackOutputs) as Record<string, unknown>,
      secretOutputs: outputs.secretOutputNames,
    };
    return { plan, reference: outputs };
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
  return forUser ? err.message : (err.stack ?? err.message);
}
