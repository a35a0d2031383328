#!/usr/bin/env node
// `npm run bench [-- --runs N] [-- --no-test]`: the offline run of both stacks (what `npm start`
// does) and one `npm test`, each as a multiple of a floor the project ships: `scripts/floor.cjs`,
// which only loads the six SDKs the program uses. The machines' speed drifts by a factor of two
// within minutes, so the floor and `npm start` run in pairs (A B A B …) and the ratio is taken pair
// by pair; medians with min and max, absolute seconds for context. The README's figures come from
// here.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { runs: { type: "string" }, "no-test": { type: "boolean" } },
});
const runs = Number(values.runs ?? 5);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-bench-"));
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs, digits = 2) =>
  `median ${median(xs).toFixed(digits)} (min ${Math.min(...xs).toFixed(digits)}, max ${Math.max(...xs).toFixed(digits)})`;

/** Runs a command line (as npm would run a script) and returns its wall seconds. */
function timed(command, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync("sh", ["-c", command], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(result.stderr.toString());
    throw new Error(`${command} exited ${result.status}`);
  }
  return seconds;
}

const FLOOR = "node scripts/floor.cjs";
// `npm start` exactly as package.json runs it, with the peak-RSS probe preloaded.
const START = `${pkg.scripts.start.replace(/^node /, "node -r ./scripts/peak-rss.cjs ")} --out ${path.join(scratch, "plan")}`;

console.log(
  `npm start against the floor (loading the six SDKs), ${runs} pairs after one warm-up, on ${os.cpus().length} cores:`,
);
const floors = [];
const starts = [];
const ratios = [];
const rss = [];
for (let i = 0; i <= runs; i++) {
  const rssFile = path.join(scratch, `rss-${i}`);
  const floor = timed(FLOOR);
  const start = timed(START, { PEAK_RSS_FILE: rssFile });
  if (i === 0) continue; // warm-up: fills the OS file cache, as on any machine after `npm ci`
  floors.push(floor);
  starts.push(start);
  ratios.push(start / floor);
  rss.push(Number(fs.readFileSync(rssFile, "utf8")) / 1024);
  console.log(
    `  pair ${i}: floor ${floor.toFixed(2)} s, npm start ${start.toFixed(2)} s, ratio ${(start / floor).toFixed(2)}`,
  );
}
console.log(`floor: ${spread(floors)} s`);
console.log(`npm start: ${spread(starts)} s, max peak RSS ${Math.max(...rss).toFixed(0)} MiB`);
console.log(`npm start / floor: ${spread(ratios)}`);

if (!values["no-test"]) {
  console.log(
    "\nnpm test (type check, lint, format, mocha, offline run), once, between two floors:",
  );
  const before = timed(FLOOR);
  const wall = timed("node scripts/test.mjs");
  const after = timed(FLOOR);
  const floor = (before + after) / 2;
  console.log(
    `npm test: ${wall.toFixed(1)} s; floor beside it ${floor.toFixed(2)} s; ratio ${(wall / floor).toFixed(1)}`,
  );
}
