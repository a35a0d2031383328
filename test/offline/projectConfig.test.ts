import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_DIR } from "../../offline/engine";
import {
  applyOverride,
  listStacks,
  loadProject,
  loadStackConfig,
  parseOverride,
  splitConfigPath,
  toRuntimeConfig,
} from "../../offline/projectConfig";

describe("offline/projectConfig (config as the Pulumi CLI reads it)", () => {
  const project = loadProject(PROJECT_DIR);

  it("reads the project and its stacks from the YAML files", () => {
    expect(project.name).to.equal("ecommerce-platform");
    expect(listStacks(PROJECT_DIR)).to.deep.equal(["dr-singapore", "prod-mumbai"]);
    expect(project.config["aws:defaultTags"]).to.deep.include({
      tags: {
        project: "ecommerce-platform",
        "managed-by": "pulumi",
        "data-classification": "confidential",
      },
    });
  });

  it("overlays the stack file on the project config", () => {
    const config = loadStackConfig(project, "dr-singapore");
    expect(config["aws:region"]).to.equal("ap-southeast-1");
    expect(config["ecommerce:dr"]).to.deep.equal({
      primaryStack: "organization/ecommerce-platform/prod-mumbai",
      mode: "standby",
    });
    expect(config["aws:defaultTags"]).to.deep.equal(project.config["aws:defaultTags"]);
  });

  it("applies --path overrides without touching sibling keys", () => {
    const config = loadStackConfig(project, "dr-singapore", [
      parseOverride("dr-singapore:ecommerce:dr.mode=failover"),
    ]);
    expect(config["ecommerce:dr"]).to.deep.equal({
      primaryStack: "organization/ecommerce-platform/prod-mumbai",
      mode: "failover",
    });
    const other = loadStackConfig(project, "prod-mumbai", [
      parseOverride("dr-singapore:ecommerce:dr.mode=failover"),
    ]);
    expect(other["ecommerce:dr"]).to.deep.equal({
      replicaRegions: ["ap-southeast-1"],
      drill: false,
    });
  });

  it("creates nested objects and list items the way `pulumi config set --path` does", () => {
    let config: Record<string, unknown> = {};
    config = applyOverride(config, parseOverride("s:ecommerce:services.cart.canary.weight=10"));
    config = applyOverride(
      config,
      parseOverride("s:ecommerce:network.availabilityZones[1]=ap-south-1b"),
    );
    expect(config["ecommerce:services"]).to.deep.equal({ cart: { canary: { weight: 10 } } });
    expect(config["ecommerce:network"]).to.deep.equal({
      availabilityZones: [undefined, "ap-south-1b"],
    });
    expect(splitConfigPath("aws:region")).to.deep.equal({ top: "aws:region", path: [] });
    expect(() => splitConfigPath("ecommerce:dr..mode")).to.throw(/invalid path/);
  });

  it("parses override values as YAML scalars and lists", () => {
    expect(parseOverride("prod-mumbai:ecommerce:protect=false").value).to.equal(false);
    expect(parseOverride("prod-mumbai:ecommerce:network.azCount=4").value).to.equal(4);
    expect(parseOverride("a:ecommerce:network.availabilityZones=[x, y]").value).to.deep.equal([
      "x",
      "y",
    ]);
    expect(() => parseOverride("ecommerce:dr.mode=failover")).to.throw(
      /is not STACK:NAMESPACE:KEY=VALUE/,
    );
  });

  it("serializes structured values as JSON text for the runtime", () => {
    expect(toRuntimeConfig({ "a:b": { c: 1 }, "a:d": true, "a:e": "x" })).to.deep.equal({
      "a:b": '{"c":1}',
      "a:d": "true",
      "a:e": "x",
    });
  });

  it("refuses encrypted values it cannot decrypt, and unknown stacks", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-config-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    fs.writeFileSync(
      path.join(dir, "Pulumi.s.yaml"),
      "config:\n  p:token:\n    secure: AAABAA==\n",
    );
    const p = loadProject(dir);
    expect(() => loadStackConfig(p, "s")).to.throw(
      /p:token in Pulumi.s.yaml is an encrypted secret/,
    );
    expect(loadStackConfig(p, "s", [parseOverride("s:p:token=offline")])["p:token"]).to.equal(
      "offline",
    );
    expect(() => loadStackConfig(p, "t")).to.throw(/no stack file Pulumi.t.yaml; known stacks: s/);
  });
});
