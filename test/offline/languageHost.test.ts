import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_ORGANIZATION, PROJECT_DIR } from "../../offline/engine";
import { runUnderLanguageHost } from "../../offline/languageHost";
import { PlannedResource } from "../../offline/plan";
import { loadProject, loadStackConfig } from "../../offline/projectConfig";
import { plan } from "../helpers";

const STACK = "prod-mumbai";

function underLanguageHost(projectDir: string) {
  const project = loadProject(projectDir);
  return runUnderLanguageHost({
    projectDir,
    project: project.name,
    organization: DEFAULT_ORGANIZATION,
    stack: STACK,
    config: loadStackConfig(project, STACK, []),
    references: new Map(),
  });
}

/**
 * What the program registered: everything but the mocks' answer (`outputs`, where a process that
 * never loaded a component's SDK cannot rehydrate a resource reference the mock echoes), with the
 * dependency list order-free (registration order differs between runs).
 */
const comparable = ({ outputs: _outputs, ...r }: PlannedResource) => ({
  ...r,
  dependencies: [...r.dependencies].sort(),
});

describe("the program under the Pulumi language host's entry path (@pulumi/pulumi/cmd/run)", function () {
  // A second Node.js process compiles and loads the whole program.
  this.timeout(180_000);

  it("registers exactly what the offline plan shows, URNs and inputs included", async () => {
    // One after the other, so the two runs do not compete for the machine. (The monitor serving
    // the child hands resource references to the mocks as URNs: rehydrated into resources of SDKs
    // this process has loaded, they could not be serialized back outside a synthesis.)
    const offline = await plan(STACK);
    const run = await underLanguageHost(PROJECT_DIR);
    // The program's own errors reach the engine's log, not stderr: show both when it fails.
    expect(run.exitCode, [run.stderr, ...run.diagnostics].join("\n")).to.equal(0);
    expect(run.diagnostics).to.deep.equal([]);
    expect(run.records).to.have.length(offline.resources.length);
    const byUrn = new Map(run.records.map((r) => [r.urn, r]));
    for (const r of offline.resources) {
      const seen = byUrn.get(r.urn);
      expect(seen, r.urn).to.not.equal(undefined);
      expect(comparable(seen as PlannedResource), r.urn).to.deep.equal(comparable(r));
    }
  });

  it("registers nothing for an entry module whose program hides behind `default`", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-langhost-"));
    for (const f of ["Pulumi.yaml", `Pulumi.${STACK}.yaml`]) {
      fs.copyFileSync(path.join(PROJECT_DIR, f), path.join(dir, f));
    }
    const project = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      project.replace(/^main: .*$/m, "main: main.js").replace(/^\s+tsconfig: .*$/m, ""),
    );
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "probe" }));
    const sdk = JSON.stringify(require.resolve("@pulumi/pulumi"));
    fs.writeFileSync(
      path.join(dir, "main.js"),
      `Object.defineProperty(exports, "__esModule", { value: true });
exports.default = async () => {
  const pulumi = require(${sdk});
  new pulumi.ComponentResource("test:index:Probe", "probe");
};`,
    );
    const run = await underLanguageHost(dir);
    expect(run.exitCode, run.stderr).to.equal(0);
    expect(run.records).to.deep.equal([]);
  });
});
