#!/usr/bin/env node
// `npm run bench [-- --runs N] [-- --no-test]`: median wall time and peak RSS of the offline run of
// both stacks (what `npm start` does), then the wall time of one `npm test`. The README's figures
// come from here.
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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed(args, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    console.error(result.stderr.toString());
    throw new Error(`node ${args.join(" ")} exited ${result.status}`);
  }
  return seconds;
}

console.log(
  `offline run of both stacks (npm start), ${runs} runs after one warm-up, on ${os.cpus().length} cores:`,
);
const walls = [];
const rss = [];
for (let i = 0; i <= runs; i++) {
  const rssFile = path.join(scratch, `rss-${i}`);
  const wall = timed(
    [
      "-r",
      "./scripts/peak-rss.cjs",
      "-r",
      "ts-node/register/transpile-only",
      "offline/cli.ts",
      "--out",
      path.join(scratch, "plan"),
    ],
    {
      PEAK_RSS_FILE: rssFile,
    },
  );
  if (i === 0) continue; // warm-up: fills the OS file cache, as on any machine after `npm ci`
  walls.push(wall);
  rss.push(Number(fs.readFileSync(rssFile, "utf8")) / 1024);
  console.log(`  run ${i}: ${wall.toFixed(2)} s, peak RSS ${rss.at(-1).toFixed(0)} MiB`);
}
console.log(
  `npm start: median wall ${median(walls).toFixed(2)} s, max peak RSS ${Math.max(...rss).toFixed(0)} MiB`,
);

if (!values["no-test"]) {
  console.log("\nnpm test (type check, lint, format, mocha, offline run), once:");
  const wall = timed(["scripts/test.mjs"]);
  console.log(`npm test: wall ${wall.toFixed(1)} s`);
}
