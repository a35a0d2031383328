/**
 * `npm run policy -- <plan.json> [...]`: evaluate the policy pack against saved plan files, so a
 * plan can be checked without re-running the program. Exits 1 on a mandatory violation.
 */
import * as fs from "fs";
import { StackPlan } from "./plan";
import { evaluatePlan, formatVerdicts } from "./policyGate";
import { runAsScript } from "./entry";

export async function main(
  files: string[],
  log: (line: string) => void = console.log,
): Promise<number> {
  if (files.length === 0) {
    log("Usage: npm run policy -- <plan.json> [...]   (plans are written by npm start to plan/)");
    return 2;
  }
  let blocked = 0;
  for (const file of files) {
    let plan: StackPlan;
    try {
      plan = JSON.parse(fs.readFileSync(file, "utf8"));
      if (!Array.isArray(plan.resources)) throw new Error("no resources array");
    } catch (err) {
      log(`error: ${file} is not a plan file (${(err as Error).message})`);
      return 2;
    }
    const gate = await evaluatePlan(plan);
    blocked += gate.mandatoryViolations.length;
    log(`${file}\n${formatVerdicts(plan.stack, gate)}\n`);
  }
  if (blocked > 0) {
    log(`error: ${blocked} mandatory policy violation(s)`);
    return 1;
  }
  return 0;
}

if (require.main === module) runAsScript((argv) => main(argv));
