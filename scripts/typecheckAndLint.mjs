#!/usr/bin/env node
// Type check and lint over ONE TypeScript program. `tsc --noEmit` and type-aware ESLint each built
// a program of the whole project (the two most expensive steps of `npm test` after mocha); here
// the program tsc would build from tsconfig.json is built once, its diagnostics are reported as
// tsc reports them, and ESLint's typescript-eslint parser is handed the same program
// (`parserOptions.programs`) instead of building its own through the project service.
//
//   node scripts/typecheckAndLint.mjs [typecheck|lint|both] [DIR]    (default: both, the project)
//
// exits 1 on any type error, lint error or lint warning.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The program `tsc --noEmit -p tsconfig.json` builds. */
export function projectProgram(dir = root) {
  const configPath = path.join(dir, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: { ...parsed.options, noEmit: true },
    projectReferences: parsed.projectReferences,
  });
  return { program, configErrors: parsed.errors };
}

/** tsc's report: the config's and the program's diagnostics, in tsc's format. */
export function typecheck(program, configErrors = [], dir = root) {
  const diagnostics = [...configErrors, ...ts.getPreEmitDiagnostics(program)];
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => dir,
    getNewLine: () => "\n",
  };
  return { ok: diagnostics.length === 0, text: ts.formatDiagnostics(diagnostics, host) };
}

/** `eslint --max-warnings 0 .`, with the parser reading `program` instead of building one. */
export async function lint(program, cwd = root) {
  // Loaded here: a type check alone has no use for ESLint and its plugins.
  const { ESLint } = await import("eslint");
  const eslint = new ESLint({
    cwd,
    overrideConfig: {
      files: ["**/*.ts"],
      languageOptions: { parserOptions: { projectService: false, programs: [program] } },
    },
  });
  const results = await eslint.lintFiles(["."]);
  const formatter = await eslint.loadFormatter("stylish");
  const problems = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
  return { ok: problems === 0, text: await formatter.format(results) };
}

// Run as a script (not imported by a test): compared as real paths, so a checkout whose path has
// a space or a symlink still runs the check instead of passing silently.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? "both";
  const dir = path.resolve(process.argv[3] ?? root);
  if (!["typecheck", "lint", "both"].includes(what)) {
    console.error(`unknown check "${what}"; use typecheck, lint or both`);
    process.exit(2);
  }
  const { program, configErrors } = projectProgram(dir);
  let ok = true;
  if (what === "typecheck" || what === "both") {
    const result = typecheck(program, configErrors, dir);
    process.stdout.write(result.text);
    ok &&= result.ok;
  }
  if (what === "lint" || what === "both") {
    const result = await lint(program, dir);
    process.stdout.write(result.text);
    ok &&= result.ok;
  }
  process.exitCode = ok ? 0 : 1;
}
