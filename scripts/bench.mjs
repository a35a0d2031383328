#!/usr/bin/env node
// `npm run bench [-- --runs N] [--no-test] [--baseline DIR [--test-runs N]]`: the offline run of
// both stacks (what `npm start` does) and one `npm test`, each as a multiple of a floor the project
// ships: `scripts/floor.cjs`, which only loads the six SDKs the program uses. The machines' speed
// drifts by a factor of two within minutes, so the floor and `npm start` run in pairs (A B A B …)
// and the ratio is taken pair by pair; medians with min and max, absolute seconds for context. The
// figures in docs/development.md come from here.
//
// `--baseline DIR` compares this checkout with another (the code before a change: `git worktree add
// DIR <rev>`, then `npm ci` there) instead of with the floor: `npm start` in pairs, baseline first,
// and `npm test` in `--test-runs` pairs (default 1). The ratio is this checkout's time over the
// baseline's, pair by pair.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    runs: { type: "string" },
    "no-test": { type: "boolean" },
    baseline: { type: "string" },
    "test-runs": { type: "string" },
  },
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
function timed(command, env = {}, cwd = root) {
  const started = process.hrtime.bigint();
  const result = spawnSync("sh", ["-c", command], {
    cwd,
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

if (values.baseline !== undefined) {
  compareWithBaseline(path.resolve(values.baseline));
  process.exit(0);
}
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

/** This checkout against `base`, pair by pair: `npm start`, then `npm test`. */
function compareWithBaseline(base) {
  const startOf = (dir) => {
    const script = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).scripts
      .start;
    return `${script} --out ${path.join(scratch, path.basename(dir), "plan")}`;
  };
  const pairs = (label, count, commandOf, warmUp) => {
    const ratios = [];
    const mine = [];
    const theirs = [];
    for (let i = warmUp ? 0 : 1; i <= count; i++) {
      const before = timed(commandOf(base), {}, base);
      const after = timed(commandOf(root), {}, root);
      if (i === 0) continue;
      theirs.push(before);
      mine.push(after);
      ratios.push(after / before);
      console.log(
        `  pair ${i}: baseline ${before.toFixed(2)} s, this ${after.toFixed(2)} s, ratio ${(after / before).toFixed(3)}`,
      );
    }
    console.log(`${label}: baseline ${spread(theirs)} s, this ${spread(mine)} s`);
    console.log(`${label}, this / baseline: ${spread(ratios, 3)}\n`);
  };
  console.log(`${root} against the baseline ${base}, on ${os.cpus().length} cores:`);
  pairs("npm start", runs, startOf, true);
  if (!values["no-test"]) {
    pairs("npm test", Number(values["test-runs"] ?? 1), () => "node scripts/test.mjs", false);
  }
}
