import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../offline/cli";

async function run(args: string[]): Promise<{ code: number; out: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-plan-"));
  const lines: string[] = [];
  const code = await main([...args, "--out", dir], (l) => lines.push(l));
  return { code, out: lines.join("\n"), dir };
}

describe("offline/cli (npm start)", () => {
  it("synthesizes both stacks, prints counts and outputs, and writes both plan files", async () => {
    const { code, out, dir } = await run([]);
    expect(code).to.equal(0);
    expect(out).to.match(/== prod-mumbai \(ap-south-1, primary, dr.drill=false\) ==/);
    expect(out).to.match(/== dr-singapore \(ap-southeast-1, standby, dr.mode=standby\) ==/);
    expect(out).to.match(/By component:\n(.*\n)* {2}ecommerce:network:Network \(network\) +54\n/);
    expect(out).to.match(/aws:ec2\/subnet:Subnet +9/);
    expect(out).to.match(/vpcCidr +10.20.0.0\/16/);
    // One line of the cost estimate per stack (npm run cost prints the breakdown).
    expect(out).to.match(/Estimated cost of prod-mumbai \(active\): \$[\d,]+ a month on demand \(/);
    expect(out).to.match(
      /Estimated cost of dr-singapore \(standby\): \$[\d,]+ a month on demand \(/,
    );
    for (const stack of ["prod-mumbai", "dr-singapore"]) {
      const plan = JSON.parse(fs.readFileSync(path.join(dir, `${stack}.json`), "utf8"));
      expect(plan).to.include.keys("stack", "project", "region", "resources", "outputs");
      expect(plan.stack).to.equal(stack);
      expect(plan.resources[0]).to.include.keys(
        "urn",
        "type",
        "name",
        "parent",
        "dependencies",
        "propertyDependencies",
        "inputs",
        "protect",
        "retainOnDelete",
        "custom",
      );
    }
    expect(out).to.include(`Architecture diagram written to ${path.join(dir, "architecture.svg")}`);
    expect(fs.readFileSync(path.join(dir, "architecture.svg"), "utf8")).to.match(/<svg /);
  });

  it("exits 1 with the validation message, not a stack trace, on bad config", async () => {
    const { code, out } = await run([
      "--stack",
      "prod-mumbai",
      "--config",
      "prod-mumbai:ecommerce:network.cidr=10.0.0.0/8",
    ]);
    expect(code).to.equal(1);
    expect(out).to.equal(
      'error: stack prod-mumbai: Invalid stack configuration:\n  - ecommerce:network.cidr: "10.0.0.0/8" has prefix /8; accepted prefixes are /16 to /20',
    );
  });

  it("exits 2 with usage on unknown options and 1 on unknown stacks", async () => {
    expect((await run(["--bogus"])).code).to.equal(2);
    const unknown = await run(["--stack", "prod-paris"]);
    expect(unknown.code).to.equal(1);
    expect(unknown.out).to.match(
      /unknown stack "prod-paris"; known stacks: dr-singapore, prod-mumbai/,
    );
  });
});
