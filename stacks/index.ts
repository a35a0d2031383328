/**
 * Program entry for `pulumi up` and for the offline engine alike: parse the stack's config once,
 * then compose the primary or the standby.
 *
 * The module itself is the function (`export =`): the Node.js language host (`@pulumi/pulumi/cmd/run`)
 * `require`s a CommonJS entry and calls `module.exports` only if it is a function, unwrapping
 * `.default` for ES modules alone. A `export default` here would leave `module.exports` an object
 * `{ default }` that is never called: `pulumi up` would register nothing. The offline engine loads
 * the program the same way (`offline/program.ts`), and a test keeps this file's export a function.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, ConfigReader, parseStackConfig } from "./config";
import { stackContext } from "./context";
import { primary } from "./primary";
import { standby } from "./standby";

/** Reads `namespace:key` from Pulumi config; the only config access in the program. */
const readPulumiConfig: ConfigReader = (key) => {
  const colon = key.indexOf(":");
  return new pulumi.Config(key.slice(0, colon)).get(key.slice(colon + 1));
};

async function program(): Promise<Record<string, unknown>> {
  try {
    const cfg = parseStackConfig(readPulumiConfig, Object.keys(pulumi.runtime.allConfig()));
    const ctx = stackContext();
    return cfg.role === "primary" ? await primary(cfg, ctx) : await standby(cfg, ctx);
  } catch (err) {
    // RunError prints the message without a stack trace: the message already says what to fix.
    throw err instanceof ConfigError ? new pulumi.RunError(err.message) : err;
  }
}

export = program;
