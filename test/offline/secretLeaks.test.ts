import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, writePlan } from "../../offline/cli";
import { every, synth } from "../helpers";
import { PROJECT_DIR, runEngine } from "../../offline/engine";
import { parseOverride } from "../../offline/projectConfig";
import { PlannedResource, StackPlan } from "../../offline/plan";
import {
  KnownSecret,
  MIN_SECRET_LENGTH,
  SecretLeakError,
  assertNoSecretLeaks,
  findSecretLeaks,
} from "../../offline/secretLeaks";

const PASSWORD = "Xq7vR2mK9pLw4sTz";
const fromRandom: KnownSecret = {
  value: PASSWORD,
  source: 'random:index/randomPassword:RandomPassword "db" output result',
};

function planWith(inputs: Record<string, unknown>, extra: Partial<StackPlan> = {}): StackPlan {
  const resource = { type: "aws:ssm/parameter:Parameter", name: "p", inputs, outputs: {} };
  return {
    stack: "prod-mumbai",
    resources: [resource as unknown as PlannedResource],
    outputs: {},
    config: {},
    ...extra,
  } as StackPlan;
}

describe("offline/secretLeaks: no secret's plaintext in a plan file", () => {
  const cases: { name: string; plan: StackPlan; found: [string, string][] }[] = [
    { name: "a redacted secret", plan: planWith({ value: "[secret]" }), found: [] },
    {
      name: "the plaintext as an input",
      plan: planWith({ value: PASSWORD }),
      found: [['aws:ssm/parameter:Parameter "p"', "inputs.value"]],
    },
    {
      name: "the plaintext inside a larger string, deep in an input",
      plan: planWith({ tags: { url: [`postgres://app:${PASSWORD}@db:5432/shop`] } }),
      found: [['aws:ssm/parameter:Parameter "p"', "inputs.tags.url.0"]],
    },
    {
      name: "the plaintext as an object key",
      plan: planWith({ data: { [PASSWORD]: "x" } }),
      found: [['aws:ssm/parameter:Parameter "p"', `inputs.data.${PASSWORD}`]],
    },
    {
      name: "the plaintext in a stack output",
      plan: planWith({}, { outputs: { dsn: PASSWORD } }),
      found: [["the stack", "outputs.dsn"]],
    },
  ];
  for (const c of cases) {
    it(`finds ${c.found.length} leak(s) in ${c.name}`, () => {
      const leaks = findSecretLeaks(c.plan, [fromRandom]);
      expect(leaks.map((l) => [l.holder, l.path])).to.deep.equal(c.found);
      for (const l of leaks) expect(l.secret).to.equal(fromRandom);
    });
  }

  it(`does not look for plaintexts shorter than ${MIN_SECRET_LENGTH} characters`, () => {
    const short = { value: "admin", source: "config ecommerce:user" };
    expect(findSecretLeaks(planWith({ user: "admin" }), [short])).to.deep.equal([]);
    const long = { value: "a".repeat(MIN_SECRET_LENGTH), source: "config ecommerce:user" };
    expect(findSecretLeaks(planWith({ user: long.value }), [long])).to.have.length(1);
  });

  it("throws naming the stack, the holder, the path and where the secret came from", () => {
    const leaked = planWith({ value: PASSWORD });
    expect(() => assertNoSecretLeaks(leaked, [fromRandom], JSON.stringify(leaked))).to.throw(
      SecretLeakError,
      'refusing to write the plan of prod-mumbai: a secret\'s plaintext would be written in clear\n  aws:ssm/parameter:Parameter "p" (inputs.value) holds the plaintext of random:index/randomPassword:RandomPassword "db" output result',
    );
    const clean = planWith({ value: "[secret]" });
    expect(() => assertNoSecretLeaks(clean, [fromRandom], JSON.stringify(clean))).to.not.throw();
  });

  it("checks the serialized text too, escaped as JSON writes it", () => {
    const quoted = { value: 'pa"ss\\word-1234', source: "config ecommerce:token" };
    const clean = planWith({});
    const text = JSON.stringify({ ...clean, note: quoted.value });
    expect(() => assertNoSecretLeaks(clean, [quoted], text)).to.throw(
      /the stack \(\(serialized plan\)\) holds the plaintext of config ecommerce:token/,
    );
  });

  it("names where an escaped plaintext sits, in a value and in a key, found through the text", () => {
    // The text is searched first; a plaintext JSON escapes must still lead to its holders.
    const quoted = { value: 'pa"ss\\word-1234\n', source: "config ecommerce:token" };
    const leaked = planWith({ value: `prefix ${quoted.value}`, tags: { [quoted.value]: "x" } });
    const text = `${JSON.stringify(leaked, null, 2)}\n`;
    expect(text.includes(quoted.value)).to.equal(false);
    expect(() => assertNoSecretLeaks(leaked, [quoted], text)).to.throw(
      SecretLeakError,
      /"p" \(inputs\.value\) holds[^\n]*\n {2}aws:ssm\/parameter:Parameter "p" \(inputs\.tags\.pa"ss\\word-1234\n\) holds/,
    );
  });

  it("finds a plaintext whose edge surrogate pairs up inside the plan, where the text shows neither form", () => {
    // JSON escapes a surrogate only while it is unpaired: in the plan the secret's trailing high
    // surrogate meets a low one, so the text holds the pair raw and the quote escaped.
    const edged = { value: 'pa"ss\u0001word-\uD83D', source: "config ecommerce:token" };
    const leaked = planWith({ value: `${edged.value}\uDE00` });
    const text = `${JSON.stringify(leaked, null, 2)}\n`;
    expect(text.includes(edged.value)).to.equal(false);
    expect(text.includes(JSON.stringify(edged.value).slice(1, -1))).to.equal(false);
    expect(() => assertNoSecretLeaks(leaked, [edged], text)).to.throw(
      SecretLeakError,
      /aws:ssm\/parameter:Parameter "p" \(inputs\.value\) holds the plaintext of config ecommerce:token/,
    );
  });
});

describe("npm start: a plan that leaks a secret is not written", () => {
  const start = async (program: () => Promise<Record<string, unknown>>, args: string[] = []) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-plan-"));
    const lines: string[] = [];
    const code = await main(
      ["--stack", "prod-mumbai", ...args, "--out", dir],
      (l) => lines.push(l),
      program,
    );
    return { code, out: lines.join("\n"), dir };
  };

  it("fails on a generated password copied into a plain input, and writes no plan", async () => {
    const { code, out, dir } = await start(async () => {
      const pw = new random.RandomPassword("pw", { length: 24 });
      // The bug: a secret unwrapped into a tag (and so into the plan's inputs).
      new aws.s3.Bucket("leak", { tags: { copy: pulumi.unsecret(pw.result) } });
      return {};
    });
    expect(code).to.equal(1);
    expect(out).to.include(
      'error: refusing to write the plan of prod-mumbai: a secret\'s plaintext would be written in clear\n  aws:s3/bucket:Bucket "leak" (inputs.tags.copy) holds the plaintext of random:index/randomPassword:RandomPassword "pw" output result',
    );
    expect(fs.existsSync(path.join(dir, "prod-mumbai.json"))).to.equal(false);
  });

  it("writes the plan when the password stays secret", async () => {
    const { out, dir } = await start(async () => {
      const pw = new random.RandomPassword("pw", { length: 24 });
      new aws.s3.Bucket("kept", { tags: { copy: pw.result } });
      return {};
    });
    expect(out).to.not.include("refusing");
    const plan = JSON.parse(fs.readFileSync(path.join(dir, "prod-mumbai.json"), "utf8"));
    const kept = (plan as StackPlan).resources.find((r) => r.name === "kept");
    expect(kept?.inputs.tags).to.deep.equal({ copy: "[secret]" });
  });

  it("fails on a secret config value copied into a tag", async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-project-"));
    for (const f of ["Pulumi.yaml", "Pulumi.prod-mumbai.yaml"]) {
      fs.copyFileSync(path.join(PROJECT_DIR, f), path.join(scratch, f));
    }
    fs.appendFileSync(
      path.join(scratch, "Pulumi.prod-mumbai.yaml"),
      "  ecommerce:apiToken:\n    secure: AAABAKy2\n",
    );
    const program = async () => {
      const token = new pulumi.Config("ecommerce").requireSecret("apiToken");
      new aws.ssm.Parameter("tagged", {
        type: "String",
        value: "x",
        tags: { token: pulumi.unsecret(token) },
      });
      return {};
    };
    const result = await runEngine(
      {
        projectDir: scratch,
        stacks: ["prod-mumbai"],
        overrides: [parseOverride("prod-mumbai:ecommerce:apiToken=tok-0123456789")],
      },
      program,
    );
    const [leaked] = result.plans;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-plan-"));
    expect(() => writePlan(leaked, dir, result.secrets.get("prod-mumbai") ?? [])).to.throw(
      SecretLeakError,
      'aws:ssm/parameter:Parameter "tagged" (inputs.tags.token) holds the plaintext of config ecommerce:apiToken',
    );
    expect(fs.readdirSync(dir)).to.deep.equal([]);
  });
});

describe("the real stacks: every generated secret is known, and none is in a plan", () => {
  for (const stack of ["prod-mumbai", "dr-singapore"]) {
    it(`${stack}: a redaction bug that wrote the passwords back would be refused`, async () => {
      const result = await synth();
      const plan = result.plans.find((p) => p.stack === stack) as StackPlan;
      const secrets = result.secrets.get(stack) ?? [];
      expect(findSecretLeaks(plan, secrets)).to.deep.equal([]);
      const broken = structuredClone(plan);
      for (const pw of every(broken, "random:index/randomPassword:RandomPassword")) {
        const source = `random:index/randomPassword:RandomPassword "${pw.name}" output result`;
        const known = secrets.find((s) => s.source === source);
        expect(known?.value, source).to.have.length.of.at.least(MIN_SECRET_LENGTH);
        pw.outputs.result = known?.value;
      }
      const holders = findSecretLeaks(broken, secrets).map((l) => `${l.holder} ${l.path}`);
      expect(holders).to.include.members([
        'random:index/randomPassword:RandomPassword "data-cache-auth" outputs.result',
        'random:index/randomPassword:RandomPassword "observability-grafana-admin" outputs.result',
      ]);
    });
  }
});
