import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import { runEngine } from "../../offline/engine";
import { parseOverride } from "../../offline/projectConfig";
import {
  CLAIM_DEADLINE_MS,
  CachedSynthesis,
  cachedSynthesis,
  claimFile,
  sharedEntryFile,
  sourceFingerprint,
  synthesisKey,
} from "../../offline/synthCache";
import { PlanInput } from "../../offline/types";

const run = (overrides: string[] = []) => runEngine({ overrides: overrides.map(parseOverride) });
const standbyMode = (mode: string) => [`dr-singapore:ecommerce:dr.mode=${mode}`];

describe("offline/synthCache: one synthesis per distinct input", () => {
  const input: PlanInput = {
    project: "ecommerce-platform",
    organization: "organization",
    stack: "dr-singapore",
    config: { "ecommerce:role": "standby" },
    references: new Map([
      ["o/p/prod-mumbai", { outputs: { region: "ap-south-1" }, secretOutputNames: [] }],
    ]),
  };

  it("keys on the config, the mode, the project and what the references hold", () => {
    const key = synthesisKey("/p", input);
    expect(synthesisKey("/p", { ...input })).to.equal(key);
    expect(synthesisKey("/q", input)).to.not.equal(key);
    expect(synthesisKey("/p", { ...input, preview: true })).to.not.equal(key);
    expect(synthesisKey("/p", { ...input, config: { "ecommerce:role": "primary" } })).to.not.equal(
      key,
    );
    expect(synthesisKey("/p", { ...input, secretKeys: ["ecommerce:x"] })).to.not.equal(key);
    const moved = new Map([
      ["o/p/prod-mumbai", { outputs: { region: "us-east-1" }, secretOutputNames: [] }],
    ]);
    expect(synthesisKey("/p", { ...input, references: moved })).to.not.equal(key);
  });

  it("never hands a run a plan synthesized from other config, in any order", async () => {
    for (const mode of ["failover", "standby", "drill", "failover", "standby"]) {
      const result = await run(standbyMode(mode));
      const standby = result.plans.find((p) => p.stack === "dr-singapore");
      expect((standby?.config["ecommerce:dr"] as { mode: string }).mode).to.equal(mode);
      const aurora = standby?.resources.find((r) => r.type === "aws:rds/cluster:Cluster");
      // The synthesized program saw this run's mode: its output and the cluster's writer tag.
      expect(standby?.outputs.drMode, mode).to.equal(mode);
      expect((aurora?.inputs.tags as Record<string, string>).writer, mode).to.equal(
        String(mode !== "standby"),
      );
    }
  });

  it("hands out copies: editing one run's plan leaves the next run's alone", async () => {
    const first = await run();
    const vpc = first.plans[0].resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
    if (!vpc) throw new Error("no VPC in the plan");
    vpc.inputs.cidrBlock = "edited";
    first.gates.get(first.plans[0].stack)?.violations.push({
      policy: "edited",
      urn: vpc.urn,
      level: "mandatory",
      message: "edited",
    });
    const second = await run();
    const again = second.plans[0].resources.find((r) => r.urn === vpc.urn);
    expect(again?.inputs.cidrBlock).to.equal("10.10.0.0/16");
    expect(second.gates.get(second.plans[0].stack)?.violations).to.deep.equal([]);
  });
});

describe("offline/synthCache: shared between the test workers of one run", () => {
  const entry = (stack: string): CachedSynthesis => ({
    result: {
      plan: {
        stack,
        project: "p",
        region: "r",
        qualifiedName: `o/p/${stack}`,
        config: {},
        resources: [],
        outputs: {},
        secretOutputs: [],
      },
      reference: { outputs: {}, secretOutputNames: [] },
      secrets: [],
    },
    gate: { rules: 0, verdicts: [], violations: [], mandatoryViolations: [], undecided: [] },
  });
  let dir = "";
  const saved = process.env.OFFLINE_SYNTH_CACHE_DIR;
  // Timers a test sets to act as the other worker; cleared after it, so none fires into the next.
  const timers: NodeJS.Timeout[] = [];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-synth-"));
    process.env.OFFLINE_SYNTH_CACHE_DIR = dir;
  });
  afterEach(() => {
    timers.splice(0).forEach(clearTimeout);
    if (saved === undefined) delete process.env.OFFLINE_SYNTH_CACHE_DIR;
    else process.env.OFFLINE_SYNTH_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const unique = (name: string) => `${name}-${process.pid}-${Date.now()}-${Math.random()}`;

  it("hands out what another worker synthesized for the same key, without synthesizing", async () => {
    const key = unique("shared");
    const other = entry("from-the-other-worker");
    fs.writeFileSync(
      sharedEntryFile(dir, key),
      v8.serialize({ key, sources: sourceFingerprint(), value: other }),
    );
    const got = await cachedSynthesis(key, () => Promise.reject(new Error("synthesized again")));
    expect(got).to.deep.equal(other);
  });

  it("synthesizes again when the entry was made from sources that have changed since", async () => {
    const key = unique("stale");
    fs.writeFileSync(
      sharedEntryFile(dir, key),
      v8.serialize({ key, sources: "sources before an edit", value: entry("stale") }),
    );
    const got = await cachedSynthesis(key, async () => entry("made-here"));
    expect(got.result.plan.stack).to.equal("made-here");
  });

  it("synthesizes when the file under a key's name holds another key, and never reads it", async () => {
    const key = unique("mine");
    fs.writeFileSync(
      sharedEntryFile(dir, key),
      v8.serialize({
        key: unique("someone-else"),
        sources: sourceFingerprint(),
        value: entry("wrong"),
      }),
    );
    const got = await cachedSynthesis(key, async () => entry("made-here"));
    expect(got.result.plan.stack).to.equal("made-here");
  });

  it("leaves its own synthesis for the other worker, whole and readable only by its owner", async () => {
    const key = unique("left");
    await cachedSynthesis(key, async () => entry("left-behind"));
    const file = sharedEntryFile(dir, key);
    const stored = v8.deserialize(fs.readFileSync(file)) as {
      key: string;
      sources: string;
      value: CachedSynthesis;
    };
    expect(stored.key).to.equal(key);
    expect(stored.sources).to.equal(sourceFingerprint());
    expect(stored.value.result.plan.stack).to.equal("left-behind");
    expect(fs.statSync(file).mode & 0o777).to.equal(0o600);
    expect(fs.readdirSync(dir)).to.deep.equal([path.basename(file)]);
  });

  it("keeps nothing of a synthesis that failed", async () => {
    const key = unique("failed");
    const err = await cachedSynthesis(key, () => Promise.reject(new Error("bad config"))).catch(
      (e: Error) => e,
    );
    expect((err as Error).message).to.equal("bad config");
    expect(fs.readdirSync(dir)).to.deep.equal([]);
  });

  const later = (ms: number, fn: () => void) => timers.push(setTimeout(fn, ms));
  const store = (key: string, value: CachedSynthesis) =>
    fs.writeFileSync(
      sharedEntryFile(dir, key),
      v8.serialize({ key, sources: sourceFingerprint(), value }),
    );
  const claimed = (key: string, holder: string) => fs.writeFileSync(claimFile(dir, key), holder);
  // A claim left by a worker that is gone: a pid that no longer runs.
  const deadPid = () =>
    spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    }).stdout;

  it("waits for the entry a live worker is synthesizing, instead of synthesizing it again", async () => {
    const key = unique("claimed");
    // The parent process (mocha) stands in for the other worker: alive for the whole test.
    claimed(key, String(process.ppid));
    later(150, () => {
      store(key, entry("from-the-other-worker"));
      fs.rmSync(claimFile(dir, key));
    });
    const got = await cachedSynthesis(key, () => Promise.reject(new Error("synthesized again")));
    expect(got.result.plan.stack).to.equal("from-the-other-worker");
  }).timeout(10_000);

  it("synthesizes itself once the other worker lets go without an entry (its run failed)", async () => {
    const key = unique("given-up");
    claimed(key, String(process.ppid));
    let released = false;
    later(100, () => {
      fs.rmSync(claimFile(dir, key));
      released = true;
    });
    let madeAfterRelease: boolean | undefined;
    const got = await cachedSynthesis(key, async () => {
      madeAfterRelease = released;
      return entry("made-here");
    });
    expect(madeAfterRelease).to.equal(true);
    expect(got.result.plan.stack).to.equal("made-here");
    expect(fs.existsSync(claimFile(dir, key))).to.equal(false);
  }).timeout(10_000);

  const staleClaims: [string, () => string, Date?][] = [
    ["whose worker is gone", deadPid],
    ["that names no worker (empty)", () => ""],
    ["naming this very process (a pid reused since)", () => String(process.pid)],
    [
      "older than any synthesis, though its pid runs",
      () => String(process.ppid),
      new Date(Date.now() - CLAIM_DEADLINE_MS - 60_000),
    ],
  ];
  for (const [what, holder, mtime] of staleClaims) {
    it(`takes over a claim ${what}`, async () => {
      const key = unique("stale-claim");
      claimed(key, holder());
      if (mtime) fs.utimesSync(claimFile(dir, key), mtime, mtime);
      const got = await cachedSynthesis(key, async () => entry("made-here"));
      expect(got.result.plan.stack).to.equal("made-here");
      expect(fs.readdirSync(dir)).to.deep.equal([path.basename(sharedEntryFile(dir, key))]);
    }).timeout(10_000);
  }

  it("holds the claim only while it synthesizes, and lets go when the synthesis fails", async () => {
    const key = unique("mine");
    let claimedMeanwhile = "";
    await cachedSynthesis(key, async () => {
      claimedMeanwhile = fs.readFileSync(claimFile(dir, key), "utf8");
      return entry("made-here");
    });
    expect(claimedMeanwhile).to.equal(String(process.pid));
    expect(fs.existsSync(claimFile(dir, key))).to.equal(false);
    const failed = unique("failing");
    await cachedSynthesis(failed, () => Promise.reject(new Error("bad config"))).catch(() => 0);
    expect(fs.existsSync(claimFile(dir, failed))).to.equal(false);
  });

  it("lets go of its own claim only: another worker's claim in its place stays", async () => {
    const key = unique("replaced");
    await cachedSynthesis(key, async () => {
      // Taken over meanwhile (this worker looked hung): the new holder's claim must survive.
      claimed(key, String(process.ppid));
      return entry("made-here");
    });
    expect(fs.readFileSync(claimFile(dir, key), "utf8")).to.equal(String(process.ppid));
  });
});
