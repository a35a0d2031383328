/**
 * `npm start`: synthesize the stacks offline, print what they would create, write the plans.
 *
 *   npm start -- [--stack NAME ...] [--config STACK:KEY=VALUE ...] [--out DIR]
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { runEngine } from "./engine";
import { StackPlan } from "./plan";
import { formatVerdicts } from "./policyGate";
import { parseOverride } from "./projectConfig";
import { formatStackSummary } from "./report";
import { Program, SynthError } from "./synth";

const USAGE = `Usage: npm start -- [options]

Synthesizes the stacks in-process (no cloud account, no Pulumi CLI) and prints the plan.

Options:
  --stack NAME               stack to synthesize (repeatable; default: all). Stacks it
                             references are synthesized first.
  --config STACK:KEY=VALUE   override stack config, with pulumi's --path syntax
                             (repeatable), e.g. dr-singapore:ecommerce:dr.mode=failover
  --out DIR                  where to write <stack>.json (default: plan)
  --help                     this text`;

export interface CliOptions {
  stacks: string[];
  overrides: ReturnType<typeof parseOverride>[];
  out: string;
}

export function parseCli(argv: string[]): CliOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      stack: { type: "string", multiple: true },
      config: { type: "string", multiple: true },
      out: { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) return "help";
  return {
    stacks: values.stack ?? [],
    overrides: (values.config ?? []).map(parseOverride),
    out: values.out ?? "plan",
  };
}

/** Writes `<out>/<stack>.json`; returns the path. */
export function writePlan(plan: StackPlan, out: string): string {
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${plan.stack}.json`);
  fs.writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
  return file;
}

/** `program` is the real one unless a test substitutes its own. */
export async function main(
  argv: string[],
  log: (line: string) => void = console.log,
  program?: Program,
): Promise<number> {
  let options: CliOptions | "help";
  try {
    options = parseCli(argv);
  } catch (err) {
    log(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    log(USAGE);
    return 0;
  }
  try {
    const started = Date.now();
    const result = await runEngine(
      { stacks: options.stacks, overrides: options.overrides },
      program,
    );
    let blocked = 0;
    for (const plan of result.plans) {
      const file = writePlan(plan, options.out);
      const gate = result.gates.get(plan.stack);
      blocked += gate?.mandatoryViolations.length ?? 0;
      if (result.requested.includes(plan.stack)) {
        const verdicts = gate ? `\n\n${formatVerdicts(plan.stack, gate)}` : "";
        log(`${formatStackSummary(plan)}${verdicts}\n\nPlan written to ${file}\n`);
      } else {
        // A dependency's violations block too, so they are shown, not just counted.
        const verdicts = gate?.violations.length ? `\n${formatVerdicts(plan.stack, gate)}` : "";
        log(`(${plan.stack} synthesized as a dependency; plan written to ${file})${verdicts}\n`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`Synthesized ${result.plans.length} stack(s) in ${seconds} s.`);
    if (blocked > 0) {
      log(
        `error: ${blocked} mandatory policy violation(s): \`pulumi up --policy-pack policy\` would be blocked`,
      );
      return 1;
    }
    return 0;
  } catch (err) {
    const where = err instanceof SynthError ? `stack ${err.stack}: ` : "";
    log(`error: ${where}${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
