/**
 * `npm run cost`: a monthly estimate of each stack from its synthesized plan, by component and by
 * resource type, and what the standby costs in each DR mode against the primary.
 *
 *   npm run cost -- [--items] [--config STACK:KEY=VALUE ...]
 */
import { parseArgs } from "util";
import { runEngine } from "../engine";
import { runAsScript } from "../entry";
import { parseOverride } from "../projectConfig";
import { Program } from "../synth";
import { estimateStack } from "./estimate";
import { formatAssumptions, formatEstimate, formatPremium } from "./report";

const MODES = ["standby", "drill", "failover"] as const;

export async function main(
  argv: string[],
  log: (line: string) => void = console.log,
  program?: Program,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { items: { type: "boolean" }, config: { type: "string", multiple: true } },
    strict: true,
  });
  const overrides = (values.config ?? []).map(parseOverride);
  try {
    const base = await runEngine({ stacks: [], overrides }, program);
    const primary = base.plans.find((p) => p.config["ecommerce:role"] === "primary");
    const standby = base.plans.find((p) => p.config["ecommerce:role"] === "standby");
    for (const plan of base.plans) log(`${formatEstimate(estimateStack(plan), values.items)}\n`);
    if (primary && standby) {
      // The standby's cost in every mode, each synthesized as that mode would deploy.
      const byMode = [];
      const current = (standby.config["ecommerce:dr"] as Record<string, unknown> | undefined)?.mode;
      for (const mode of MODES) {
        if (mode === (current ?? "standby")) {
          byMode.push(estimateStack(standby));
          continue;
        }
        const run = await runEngine(
          {
            stacks: [],
            overrides: [...overrides, parseOverride(`${standby.stack}:ecommerce:dr.mode=${mode}`)],
          },
          program,
        );
        const plan = run.plans.find((p) => p.stack === standby.stack);
        if (plan) byMode.push(estimateStack(plan));
      }
      log(`${formatPremium(estimateStack(primary), byMode)}\n`);
    }
    log(formatAssumptions());
    return 0;
  } catch (err) {
    log(`error: ${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) runAsScript((argv) => main(argv));
