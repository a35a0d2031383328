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
import { PolicyConfig, formatVerdicts } from "./policyGate";
import { architectureSvg, preloadGraphviz, renderSvg } from "./diagram";
import { requestPathDot } from "./requestPath";
import { diffPlans, formatDiff } from "./diff";
import { drReport } from "./drModel";
import { configOf, drInputsFromPlans, rolesOf } from "./drInputs";
import { formatDrReport } from "./drReport";
import { parseOverride } from "./projectConfig";
import { formatStackSummary } from "./report";
import { Program, SynthError } from "./synth";
import { runAsScript } from "./entry";
import { KnownSecret, assertNoSecretLeaks } from "./secretLeaks";
import { estimateStack } from "./cost/estimate";
import { formatCostLine } from "./cost/report";

const USAGE = `Usage: npm start -- [options]

Synthesizes the stacks in-process (no cloud account, no Pulumi CLI) and prints the plan.

Options:
  --stack NAME               stack to synthesize (repeatable; default: all). Stacks it
                             references are synthesized first.
  --config STACK:KEY=VALUE   override stack config, with pulumi's --path syntax
                             (repeatable), e.g. dr-singapore:ecommerce:dr.mode=failover
  --out DIR                  where to write <stack>.json (default: plan)
  --preview                  synthesize as a first "pulumi preview" of new stacks: what
                             providers compute on create (ids, ARNs, endpoints) is unknown,
                             and the policy gate decides on what a preview can know
  --policy-config FILE       per-rule policy config, as pulumi's --policy-pack-config
                             reads it, e.g. {"aws-stateful-resource-enable-pulumi-protect":
                             "advisory"} for a stack run with ecommerce:protect=false
  --drill NAME               rehearse a DR change offline: drill (standby forwards writes,
                             the primary's health check inverts) or failover (the standby is
                             promoted); prints the plan diff and the DR model
  --help                     this text`;

export interface CliOptions {
  stacks: string[];
  overrides: ReturnType<typeof parseOverride>[];
  out: string;
  drill?: string;
  preview: boolean;
  policyConfig?: PolicyConfig;
}

/** The config changes each rehearsal applies, on top of the run's own overrides. */
export const DRILLS: Record<string, (primary: string, standby: string) => string[]> = {
  drill: (primary, standby) => [
    `${standby}:ecommerce:dr.mode=drill`,
    `${primary}:ecommerce:dr.drill=true`,
  ],
  failover: (_primary, standby) => [`${standby}:ecommerce:dr.mode=failover`],
};

export function parseCli(argv: string[]): CliOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      stack: { type: "string", multiple: true },
      config: { type: "string", multiple: true },
      out: { type: "string" },
      drill: { type: "string" },
      preview: { type: "boolean" },
      "policy-config": { type: "string" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help) return "help";
  return {
    stacks: values.stack ?? [],
    overrides: (values.config ?? []).map(parseOverride),
    out: values.out ?? "plan",
    drill: values.drill,
    preview: values.preview ?? false,
    policyConfig: values["policy-config"] ? readPolicyConfig(values["policy-config"]) : undefined,
  };
}

/** A `--policy-pack-config` file: a JSON object of rule name → level or settings. */
function readPolicyConfig(file: string): PolicyConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`--policy-config ${file}: ${(err as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error(`--policy-config ${file}: expected a JSON object of rule name → settings`);
  }
  return parsed as PolicyConfig;
}

/** The worst-case DR model for the plans' current state. */
export function drReportFor(plans: StackPlan[]): string | undefined {
  const { primary, standby } = rolesOf(plans);
  const inputs = drInputsFromPlans(plans);
  if (!primary || !standby || !inputs) return undefined;
  return formatDrReport(drReport(inputs), primary.stack, standby.stack);
}

/** Synthesizes the rehearsal's configuration and prints what would change and how fast. */
async function rehearse(
  options: CliOptions,
  baseline: StackPlan[],
  program?: Program,
): Promise<{ text: string; blocked: number }> {
  const { primary, standby } = rolesOf(baseline);
  if (!primary || !standby) {
    return { text: "error: a rehearsal needs both the primary and the standby", blocked: 1 };
  }
  const name = options.drill as string;
  const changes = DRILLS[name](primary.stack, standby.stack).map(parseOverride);
  const drilled = await runEngine(
    {
      stacks: options.stacks,
      overrides: [...options.overrides, ...changes],
      preview: options.preview,
      policyConfig: options.policyConfig,
    },
    program,
  );
  const out = path.join(options.out, `drill-${name}`);
  drilled.plans.forEach((p) => writePlan(p, out, drilled.secrets.get(p.stack) ?? []));
  const blocked = [...drilled.gates.values()].reduce((n, g) => n + g.mandatoryViolations.length, 0);
  // A drill's model is the drilled posture's: what losing the primary mid-drill would cost. A
  // failover's is the current posture's: the failover carried out from where the stacks are now.
  const current = configOf(standby);
  const alreadyFailedOver = current.role === "standby" && current.dr.mode === "failover";
  const report =
    name !== "failover"
      ? (drReportFor(drilled.plans) ?? "")
      : [
          alreadyFailedOver
            ? `${standby.stack} is already in failover mode: there is nothing to carry out.`
            : "This failover, from the current state (the rehearsed pulumi up then raises the floors):",
          drReportFor(baseline) ?? "",
        ].join("\n");
  return {
    text: [
      `== rehearsal: ${name} (${changes.map((c) => `${c.stack}:${c.key}=${String(c.value)}`).join(", ")}) ==`,
      formatDiff(diffPlans(baseline, drilled.plans)),
      "",
      `Policy gate on the rehearsed plans: ${blocked} mandatory violation(s). Plans written to ${out}/`,
      "",
      report,
      "",
    ].join("\n"),
    blocked,
  };
}

/**
 * Writes `<out>/<stack>.json`; returns the path. Refuses (SecretLeakError, nothing written) when
 * the plan holds the plaintext of one of `secrets`, the values its run handled as secret.
 */
export function writePlan(plan: StackPlan, out: string, secrets: KnownSecret[]): string {
  const text = `${JSON.stringify(plan, null, 2)}\n`;
  assertNoSecretLeaks(plan, secrets, text);
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${plan.stack}.json`);
  fs.writeFileSync(file, text);
  return file;
}

/** Writes `<out>/<name>` once `svg` is drawn; returns the path. */
async function writeSvg(out: string, name: string, svg: Promise<string>): Promise<string> {
  const text = await svg;
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, name);
  fs.writeFileSync(file, text);
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
  // Own keys only: `--drill constructor` must not find Object.prototype's.
  if (options.drill !== undefined && !Object.hasOwn(DRILLS, options.drill)) {
    log(
      `error: unknown drill "${options.drill}"; use one of ${Object.keys(DRILLS).join(" | ")}\n\n${USAGE}`,
    );
    return 2;
  }
  try {
    const started = Date.now();
    // Graphviz loads and warms up on its own thread while the stacks synthesize.
    preloadGraphviz();
    const result = await runEngine(
      {
        stacks: options.stacks,
        overrides: options.overrides,
        preview: options.preview,
        policyConfig: options.policyConfig,
      },
      program,
    );
    // Both pictures are laid out on the Graphviz thread while this one writes and reports the
    // plans; they are written after the plans, and not at all if a plan is refused.
    const pictures = {
      diagram: architectureSvg(result.plans),
      requestPath: renderSvg(requestPathDot(result.plans)),
    };
    // Awaited below; a failure meanwhile must not surface as an unhandled rejection.
    Object.values(pictures).forEach((p) => p.catch(() => undefined));
    let blocked = 0;
    for (const plan of result.plans) {
      const file = writePlan(plan, options.out, result.secrets.get(plan.stack) ?? []);
      const gate = result.gates.get(plan.stack);
      blocked += gate?.mandatoryViolations.length ?? 0;
      if (result.requested.includes(plan.stack)) {
        const verdicts = gate ? `\n\n${formatVerdicts(plan.stack, gate)}` : "";
        const cost = formatCostLine(estimateStack(plan));
        log(`${formatStackSummary(plan)}${verdicts}\n\n${cost}\nPlan written to ${file}\n`);
      } else {
        // A dependency's violations block too, so they are shown, not just counted.
        const verdicts = gate?.violations.length ? `\n${formatVerdicts(plan.stack, gate)}` : "";
        log(`(${plan.stack} synthesized as a dependency; plan written to ${file})${verdicts}\n`);
      }
    }
    const dr = drReportFor(result.plans);
    if (dr) log(`${dr}\n`);
    const diagram = await writeSvg(options.out, "architecture.svg", pictures.diagram);
    log(`Architecture diagram written to ${diagram}`);
    const requestPath = await writeSvg(options.out, "request-path.svg", pictures.requestPath);
    log(`Request path written to ${requestPath}\n`);
    if (options.drill !== undefined) {
      const rehearsal = await rehearse(options, result.plans, program);
      log(rehearsal.text);
      blocked += rehearsal.blocked;
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

if (require.main === module) runAsScript((argv) => main(argv));
