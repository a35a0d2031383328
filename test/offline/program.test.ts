import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR, runEngine } from "../../offline/engine";
import { entryModule, entryPoint } from "../../offline/program";

/** A scratch project whose `main` is `files`' first entry; the stack files are the project's own. */
function scratchProject(main: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-entry-"));
  for (const f of fs.readdirSync(PROJECT_DIR).filter((f) => /^Pulumi\..*yaml$/.test(f))) {
    fs.copyFileSync(path.join(PROJECT_DIR, f), path.join(dir, f));
  }
  const project = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project.replace(/^main: .*$/m, `main: ${main}`));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SDK = JSON.stringify(require.resolve("@pulumi/pulumi"));
/** A program body that registers one component, so a run shows whether it was called. */
const BODY = `async () => { const pulumi = require(${SDK}); new pulumi.ComponentResource("test:index:Probe", "probe"); return { called: true }; }`;

describe("program entry (as the Node.js language host starts it)", () => {
  it("splits Pulumi.yaml main into --pwd stacks/ and index.ts, with the project's tsconfig", () => {
    const entry = entryPoint(PROJECT_DIR);
    expect(entry).to.deep.equal({
      pwd: path.join(PROJECT_DIR, "stacks"),
      program: "index.ts",
      tsconfig: "../tsconfig.json",
    });
    // cmd/run chdirs to --pwd before reading PULUMI_NODEJS_TSCONFIG_PATH.
    expect(path.resolve(entry.pwd, entry.tsconfig as string)).to.equal(
      path.join(PROJECT_DIR, "tsconfig.json"),
    );
  });

  it("exports the program itself: module.exports is the function cmd/run calls", () => {
    // `export default` would leave { default: [Function] }, which cmd/run never calls.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = require(entryModule(entryPoint(PROJECT_DIR)));
    expect(exported).to.be.a("function");
  });

  it("calls a CommonJS entry only when module.exports is a function", async () => {
    const called = scratchProject("main.js", { "main.js": `module.exports = ${BODY};` });
    const result = await runEngine({ projectDir: called, stacks: ["prod-mumbai"] });
    expect(result.plans[0].resources.map((r) => r.type)).to.deep.equal(["test:index:Probe"]);
    expect(result.plans[0].outputs).to.deep.equal({ called: true });
  });

  it("never unwraps a CommonJS default export, so such a program registers nothing", async () => {
    const wrapped = scratchProject("app/index.js", {
      "app/index.js": `Object.defineProperty(exports, "__esModule", { value: true }); exports.region = "x"; exports.default = ${BODY};`,
    });
    const result = await runEngine({ projectDir: wrapped, stacks: ["prod-mumbai"] });
    expect(result.plans[0].resources).to.deep.equal([]);
    // The module object itself became the outputs, as under `pulumi up`.
    expect(result.plans[0].outputs).to.have.property("region", "x");
  });

  it("takes a directory main as --pwd with the program '.'", () => {
    const dir = scratchProject("app", { "app/index.js": "module.exports = {};" });
    expect(entryPoint(dir)).to.deep.include({ pwd: path.join(dir, "app"), program: "." });
    expect(entryModule(entryPoint(dir))).to.equal(path.join(dir, "app"));
  });

  it("refuses a main outside the project, as the CLI does", () => {
    const dir = scratchProject("../elsewhere.js", {});
    expect(() => entryPoint(dir)).to.throw(/project 'main' must be a subfolder/);
  });
});
