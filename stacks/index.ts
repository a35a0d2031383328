/**
 * Program entry for `pulumi up` and for the offline engine alike: parse the stack's config once,
 * then compose the primary or the standby. The default export is a function so the Pulumi
 * runtime calls it and its result becomes the stack outputs.
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

export default async function program(): Promise<Record<string, unknown>> {
  try {
    const cfg = parseStackConfig(readPulumiConfig);
    const ctx = stackContext();
    return cfg.role === "primary" ? await primary(cfg, ctx) : await standby(cfg, ctx);
  } catch (err) {
    // RunError prints the message without a stack trace: the message already says what to fix.
    throw err instanceof ConfigError ? new pulumi.RunError(err.message) : err;
  }
}
