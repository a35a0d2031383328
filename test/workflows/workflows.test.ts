/** The CI workflows, parsed: what runs where, with which credentials, in which order. */
import { expect } from "chai";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as yaml from "js-yaml";
import { runnerProjectName } from "../../components/cluster/deployRunner";

const DIR = join(__dirname, "..", "..", ".github", "workflows");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  "runs-on": string;
  environment?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: { stack: string; region: string }[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (file: string): Workflow =>
  yaml.load(readFileSync(join(DIR, file), "utf8")) as Workflow;
const runs = (job: Job) => job.steps.filter((s) => s.run).map((s) => s.run as string);
const uses = (job: Job, action: string) =>
  job.steps.filter((s) => s.uses?.split("@")[0] === action);
const stackRegion = (stack: string) =>
  (
    yaml.load(readFileSync(join(__dirname, "..", "..", `Pulumi.${stack}.yaml`), "utf8")) as {
      config: Record<string, string>;
    }
  ).config["aws:region"];
const PULUMI_VERSION = (
  JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  }
).dependencies["@pulumi/pulumi"];
const runnerLabel = (stack: string) =>
  `codebuild-${runnerProjectName(`ecommerce-${stack}`)}-\${{ github.run_id }}-\${{ github.run_attempt }}`;

/** A job that talks to AWS and Pulumi: OIDC for both, the CLI pinned, steps in order. */
function expectDeployJob(job: Job, region: string, command: RegExp) {
  expect(job.permissions).to.deep.equal({ contents: "read", "id-token": "write" });
  const names = job.steps.map((s) => s.uses?.split("@")[0] ?? s.run);
  expect(names).to.deep.equal([
    "actions/checkout",
    "actions/setup-node",
    "npm ci",
    "pulumi/auth-actions",
    "aws-actions/configure-aws-credentials",
    "pulumi/actions",
    names[names.length - 1],
  ]);
  const [aws] = uses(job, "aws-actions/configure-aws-credentials");
  expect(aws.with).to.include({
    "role-to-assume": "${{ vars.AWS_ROLE_ARN }}",
    "aws-region": region,
  });
  expect(aws.with).to.not.have.any.keys("aws-access-key-id", "aws-secret-access-key");
  expect(uses(job, "pulumi/auth-actions")[0].with?.["requested-token-type"]).to.match(
    /^urn:pulumi:token-type:access_token:/,
  );
  // Without `command` the action installs the CLI only; the version matches the SDK.
  const [cli] = uses(job, "pulumi/actions");
  expect(cli.with).to.deep.equal({ "pulumi-version": PULUMI_VERSION });
  expect(runs(job).pop()).to.match(command);
}

describe(".github/workflows", () => {
  it("holds exactly the preview and deploy workflows, with no long-lived credentials", () => {
    const files = readdirSync(DIR).sort();
    expect(files).to.deep.equal(["deploy.yml", "preview.yml"]);
    for (const f of files) {
      const text = readFileSync(join(DIR, f), "utf8");
      expect(text, f).to.not.match(/AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|PULUMI_ACCESS_TOKEN/);
      expect(text, f).to.not.match(/secrets\./);
      expect(load(f).permissions, f).to.deep.equal({ contents: "read" });
    }
  });

  describe("preview (pull requests)", () => {
    const wf = load("preview.yml");

    it("runs the whole gate on pull requests to main", () => {
      expect(wf.on).to.deep.equal({ pull_request: { branches: ["main"] } });
      expect(runs(wf.jobs.test)).to.deep.equal(["npm ci", "npm test"]);
    });

    it("previews each stack with the policy pack on that region's runner, after the gate", () => {
      const job = wf.jobs.preview;
      expect(job.needs).to.equal("test");
      const matrix = job.strategy?.matrix.include ?? [];
      expect(matrix.map((m) => m.stack)).to.deep.equal(["prod-mumbai", "dr-singapore"]);
      for (const m of matrix) expect(m.region, m.stack).to.equal(stackRegion(m.stack));
      expect(job["runs-on"]).to.equal(runnerLabel("${{ matrix.stack }}"));
      expect(job.environment).to.equal("${{ matrix.stack }}-preview");
      expect(job.if).to.contain(
        "github.event.pull_request.head.repo.full_name == github.repository",
      );
      expectDeployJob(
        job,
        "${{ matrix.region }}",
        /^pulumi preview --stack \$\{\{ matrix\.stack \}\} --policy-pack policy\b/,
      );
    });
  });

  describe("deploy (main)", () => {
    const wf = load("deploy.yml");

    it("runs on pushes to main, one deployment at a time", () => {
      expect(wf.on.push).to.deep.equal({ branches: ["main"] });
      expect(runs(wf.jobs.test)).to.deep.equal(["npm ci", "npm test"]);
      // A standby-only run (prod-mumbai lost) is not queued behind a run waiting for that region.
      expect((wf as unknown as { concurrency: unknown }).concurrency).to.deep.equal({
        group: "${{ inputs.standby-only && 'deploy-standby-only' || 'deploy' }}",
        "cancel-in-progress": false,
      });
    });

    it("deploys prod-mumbai, then dr-singapore, each with the pack from its own region's runner", () => {
      const prod = wf.jobs["prod-mumbai"];
      const dr = wf.jobs["dr-singapore"];
      expect(prod.needs).to.equal("test");
      expect(dr.needs).to.deep.equal(["test", "prod-mumbai"]);
      expect(dr.if).to.contain("needs.prod-mumbai.result == 'success'");
      for (const [stack, job] of [
        ["prod-mumbai", prod],
        ["dr-singapore", dr],
      ] as const) {
        expect(job["runs-on"], stack).to.equal(runnerLabel(stack));
        expect(job.environment, stack).to.equal(stack);
        // Credentials last as long as the runner may (two hours), not the default hour.
        expect(uses(job, "aws-actions/configure-aws-credentials")[0].with, stack).to.include({
          "role-duration-seconds": 7200,
        });
        expectDeployJob(
          job,
          stackRegion(stack),
          new RegExp(`^pulumi up --stack ${stack} --policy-pack policy --yes\\b`),
        );
      }
      // The standby never refreshes: its replicas are read through the primary's region.
      expect(runs(dr).pop()).to.match(/--refresh=false$/);
    });

    it("can deploy the standby alone when the primary is lost", () => {
      const inputs = (wf.on.workflow_dispatch as { inputs: Record<string, { type: string }> })
        .inputs;
      expect(inputs["standby-only"].type).to.equal("boolean");
      expect(wf.jobs["prod-mumbai"].if).to.equal("${{ !inputs.standby-only }}");
      expect(wf.jobs["dr-singapore"].if).to.contain(
        "inputs.standby-only && needs.prod-mumbai.result == 'skipped'",
      );
    });
  });
});
