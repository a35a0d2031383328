#!/usr/bin/env node
// Import cycles: `node scripts/cycles.mjs [dir]` lists every cycle among the project's TypeScript
// and script modules (in `dir`, the repository by default) and exits 1 when there is one. Type-only
// imports count: a cycle through types still couples the two modules, and becomes a runtime cycle
// the day one side imports a value. dpdm (pinned in package.json) does the analysis.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cwd = path.resolve(process.argv[2] ?? root);
const FILES = "{components,services,stacks,offline,policy,scripts,test}/**/*.{ts,mjs}";

const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules", "dpdm", "lib", "bin", "dpdm.js"),
    "--no-tree",
    "--no-warning",
    "--no-progress",
    "--exit-code",
    "circular:1",
    "--cwd",
    cwd,
    "--context",
    cwd,
    FILES,
  ],
  { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
);
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exitCode = result.status ?? 1;
