import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as startCli } from "../../offline/cli";
import { PROJECT_DIR, runEngine } from "../../offline/engine";
import { loadProgram } from "../../offline/program";
import { parseOverride } from "../../offline/projectConfig";
import { evaluatePlan } from "../../offline/policyGate";
import { SynthError } from "../../offline/synth";
import { plan } from "../helpers";

const failure = (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (e: unknown) => e as Error,
  );

/** A copy of the project's YAML files in a scratch directory, plus `extra` files. */
function scratchProject(extra: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-project-"));
  for (const f of fs
    .readdirSync(PROJECT_DIR)
    .filter((f) => /^Pulumi\..*yaml$|^Pulumi\.yaml$/.test(f))) {
    fs.copyFileSync(path.join(PROJECT_DIR, f), path.join(dir, f));
  }
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("offline engine", () => {
  it("rejects a bad standby config before any standby resource is registered", async () => {
    const err = await failure(
      runEngine({ overrides: [parseOverride("dr-singapore:ecommerce:network.cidr=10.10.0.0/17")] }),
    );
    expect(err).to.be.instanceOf(SynthError);
    // Only the read of the primary stack happened.
    expect(
      (err as SynthError).registered.map((u) => u.split("::").slice(2).join("::")),
    ).to.deep.equal(["pulumi:pulumi:StackReference::primary"]);
  });

  it("refuses an ecommerce: key the program does not read, as pulumi up would, before registering anything", async () => {
    const err = await failure(
      runEngine({
        stacks: ["prod-mumbai"],
        overrides: [parseOverride("prod-mumbai:ecommerce:netwrok.cidr=10.30.0.0/16")],
      }),
    );
    expect(err).to.be.instanceOf(SynthError);
    expect(err?.message).to.include(
      "ecommerce:netwrok: is not a key of this program; did you mean ecommerce:network?",
    );
    expect((err as SynthError).registered).to.deep.equal([]);
  });

  it("fails loudly when the primary stops exporting an output the standby requires", async () => {
    const real = loadProgram(PROJECT_DIR);
    const program = async () => {
      const outputs = await real();
      if (pulumi.getStack() === "prod-mumbai") delete outputs.globalClusterId;
      return outputs;
    };
    const err = await failure(runEngine({}, program));
    expect(err?.message).to.match(
      /Required output 'globalClusterId' does not exist on stack 'organization\/ecommerce-platform\/prod-mumbai'/,
    );
  });

  it("keeps a secret output secret through a StackReference, and out of both plan files", async () => {
    const program = async (): Promise<Record<string, unknown>> => {
      if (pulumi.getStack() === "prod-mumbai")
        return { token: pulumi.secret("s3cr3t-value"), region: "ap-south-1" };
      const ref = new pulumi.StackReference("primary", {
        name: "organization/ecommerce-platform/prod-mumbai",
      });
      new aws.ssm.Parameter("copy", {
        type: "SecureString",
        value: ref.requireOutput("token") as pulumi.Output<string>,
      });
      return { echoed: ref.requireOutput("token") };
    };
    const result = await runEngine({}, program);
    const [prod, dr] = result.plans;
    expect(prod.secretOutputs).to.deep.equal(["token"]);
    expect(dr.secretOutputs).to.deep.equal(["echoed"]);
    for (const p of result.plans) expect(JSON.stringify(p)).to.not.include("s3cr3t-value");
  });

  it("marks secure config keys secret and keeps their values out of the plan", async () => {
    const dir = scratchProject({});
    fs.appendFileSync(
      path.join(dir, "Pulumi.prod-mumbai.yaml"),
      "  ecommerce:apiToken:\n    secure: AAABAKy2\n",
    );
    let seen: { secret: boolean; value: string } | undefined;
    const program = async () => {
      const value = new pulumi.Config("ecommerce").requireSecret("apiToken");
      seen = {
        secret: await pulumi.isSecret(value),
        value: await new Promise<string>((resolve) => value.apply(resolve)),
      };
      return {};
    };
    const result = await runEngine(
      {
        projectDir: dir,
        stacks: ["prod-mumbai"],
        overrides: [parseOverride("prod-mumbai:ecommerce:apiToken=offline-token")],
      },
      program,
    );
    expect(seen).to.deep.equal({ secret: true, value: "offline-token" });
    expect(result.plans[0].config["ecommerce:apiToken"]).to.equal("[secret]");
    expect(JSON.stringify(result.plans[0])).to.not.include("offline-token");
  });

  it("reads only the stacks a run needs: an unrelated stack file cannot break it", async () => {
    const dir = scratchProject({
      "Pulumi.dev.yaml": "config:\n  ecommerce:token:\n    secure: AAABAKy2\n",
    });
    const result = await runEngine({ projectDir: dir, stacks: ["prod-mumbai"] }, async () => ({}));
    expect(result.plans.map((p) => p.stack)).to.deep.equal(["prod-mumbai"]);
  });

  it("shows a dependency stack's violations when only the standby was asked for", async () => {
    const program = async (): Promise<Record<string, unknown>> => {
      if (pulumi.getStack() === "prod-mumbai")
        new aws.cloudwatch.LogGroup("bare", { retentionInDays: 365 });
      return { region: "x" };
    };
    const lines: string[] = [];
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-plan-"));
    const code = await startCli(
      ["--stack", "dr-singapore", "--out", out],
      (l) => lines.push(l),
      program,
    );
    const text = lines.join("\n");
    expect(code).to.equal(1);
    expect(text).to.match(
      /\(prod-mumbai synthesized as a dependency; plan written to .*\)\nPolicy pack ecommerce-guardrails on prod-mumbai/,
    );
    expect(text).to.match(/\[mandatory\] aws-cloudwatch-loggroup-missing-kms-key: bare:/);
  });

  it("applies policy config: a changed enforcement level, a disabled rule, a threshold", async () => {
    const prod = await plan("prod-mumbai");
    const rule = "aws-cloudwatch-loggroup-configure-retention";
    const strict = await evaluatePlan(prod, undefined, { [rule]: { minimumDays: 400 } });
    // 365-day groups (flow logs, API access logs, both WAFs' logs, six container log groups,
    // the trail's copy, the EKS control plane's, the deploy runner's builds) all fall below 400.
    expect([...new Set(strict.mandatoryViolations.map((v) => v.policy))]).to.deep.equal([rule]);
    expect(strict.mandatoryViolations).to.have.length(13);
    const advisory = await evaluatePlan(prod, undefined, {
      [rule]: { enforcementLevel: "advisory", minimumDays: 400 },
    });
    expect(advisory.mandatoryViolations).to.deep.equal([]);
    expect([...new Set(advisory.violations.map((v) => `${v.policy} ${v.level}`))]).to.deep.equal([
      `${rule} advisory`,
    ]);
    const disabled = await evaluatePlan(prod, undefined, { [rule]: "disabled" });
    expect(disabled.verdicts.map((v) => v.policy)).to.not.include(rule);
  });
});
