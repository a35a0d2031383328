#!/usr/bin/env node
// Type-checks a policy pack with the compiler options the Pulumi CLI compiles it with, so a type
// error that only those options reveal fails `npm test` instead of every `pulumi preview`.
//
//   node scripts/packTypecheck.mjs [PACK_DIR]     (default: policy)
//
// `pulumi preview --policy-pack DIR` runs `@pulumi/pulumi/cmd/run-policy-pack` with DIR as its
// working directory. There (`run-policy-pack/run.js` in @pulumi/pulumi 3.248.0) it reads
// DIR/tsconfig.json's own `compilerOptions` with `tsutils.loadTypeScriptCompilerOptions`, which does
// not follow `extends`, and registers ts-node with `typeCheck: true` and
//   { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true", ...own }
// on top of the project's tsconfig (which does follow `extends`). The project itself compiles with
// `module: commonjs` and `moduleResolution: node`, which, for example, ignore package `exports`.
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const { loadTypeScriptCompilerOptions } = require("@pulumi/pulumi/tsutils");

/** The CLI's defaults beneath the pack's own options (TypeScript >= 4.7, so nodenext). */
const CLI_DEFAULTS = {
  target: "ES2020",
  module: "nodenext",
  moduleResolution: "nodenext",
  sourceMap: "true",
};

export function packDiagnostics(packDir) {
  const configPath = path.join(packDir, "tsconfig.json");
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) return [read.error];
  const project = ts.parseJsonConfigFileContent(read.config, ts.sys, packDir);
  const cli = ts.convertCompilerOptionsFromJson(
    { ...CLI_DEFAULTS, ...loadTypeScriptCompilerOptions(configPath), sourceMap: true },
    packDir,
  );
  const options = { ...project.options, ...cli.options, noEmit: true };
  const program = ts.createProgram(project.fileNames, options);
  return [...cli.errors, ...ts.getPreEmitDiagnostics(program)];
}

// Run as a script (not imported by a test): compared as real paths, so a checkout whose path has
// a space or a symlink still runs the check instead of passing silently.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const packDir = path.resolve(process.argv[2] ?? "policy");
  const diagnostics = packDiagnostics(packDir);
  if (diagnostics.length > 0) {
    process.stdout.write(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => process.cwd(),
        getNewLine: () => "\n",
      }),
    );
    process.exit(1);
  }
  console.log(
    `${path.relative(process.cwd(), packDir) || "."}: no type errors under the CLI's options`,
  );
}
