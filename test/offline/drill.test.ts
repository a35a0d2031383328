import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../offline/cli";
import { diffPlans, isIgnored, valueChanges } from "../../offline/diff";
import { ofType, plan, synth } from "../helpers";

describe("offline/diff and the drill rehearsal", () => {
  it("reports leaf-level input changes as paths", () => {
    expect(
      valueChanges({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 3] }, d: true }),
    ).to.deep.equal([
      { path: "b.c[1]", before: 2, after: 3 },
      { path: "d", before: undefined, after: true },
    ]);
  });

  it("leaves the paths under a resource's ignoreChanges out of its changes, as pulumi up does", () => {
    expect(isIgnored("globalClusterIdentifier", ["globalClusterIdentifier"])).to.equal(true);
    expect(isIgnored("tags.writer", ["tags"])).to.equal(true);
    expect(isIgnored("rules[0].cidr", ["rules"])).to.equal(true);
    expect(isIgnored("globalClusterIdentifierX", ["globalClusterIdentifier"])).to.equal(false);
    expect(isIgnored("engineVersion", undefined)).to.equal(false);
  });

  describe("the standby's Aurora cluster across DR transitions", () => {
    const MODE = (m: string) => `dr-singapore:ecommerce:dr.mode=${m}`;
    const auroraDiff = async (from: string[], to: string[]) => {
      const [, dr] = diffPlans((await synth(from)).plans, (await synth(to)).plans);
      const of = (list: typeof dr.changed) =>
        list.find((c) => c.resource.name === "data-aurora")?.changes.map((c) => c.path) ?? [];
      return { applied: of(dr.changed), ignored: of(dr.ignored) };
    };

    it("drill → failover never modifies write forwarding or membership: only the writer tag moves", async () => {
      const d = await auroraDiff([MODE("drill")], [MODE("failover")]);
      expect(d.applied).to.deep.equal(["tags.writer"]);
      expect(d.ignored).to.have.members(["enableGlobalWriteForwarding", "globalClusterIdentifier"]);
    });

    it("standby → failover leaves the promotion to the managed failover", async () => {
      const d = await auroraDiff([], [MODE("failover")]);
      expect(d.applied).to.deep.equal(["tags.writer"]);
      expect(d.ignored).to.deep.equal(["globalClusterIdentifier"]);
    });

    it("failover → standby does not try to rejoin the global cluster (a promoted cluster cannot)", async () => {
      const d = await auroraDiff([MODE("failover")], []);
      expect(d.applied).to.deep.equal(["tags.writer"]);
      expect(d.ignored).to.deep.equal(["globalClusterIdentifier"]);
    });

    it("standby ↔ drill still turns write forwarding on and off (the primary is up for both)", async () => {
      expect(await auroraDiff([], [MODE("drill")])).to.deep.equal({
        applied: ["enableGlobalWriteForwarding"],
        ignored: [],
      });
      expect(await auroraDiff([MODE("drill")], [])).to.deep.equal({
        applied: ["enableGlobalWriteForwarding"],
        ignored: [],
      });
    });

    it("the primary's cluster keeps managing its membership", async () => {
      const prod = ofType(await plan("prod-mumbai"), "aws:rds/cluster:Cluster")[0];
      expect(prod.ignoreChanges).to.deep.equal(["engineVersion"]);
    });
  });

  it("failover: the standby's Aurora cluster leaves the global cluster and capacity floors rise (ceilings already production size); prod-mumbai is untouched", async () => {
    const baseline = await synth();
    const failover = await synth(["dr-singapore:ecommerce:dr.mode=failover"]);
    const [prod, dr] = diffPlans(baseline.plans, failover.plans);
    expect(prod.added.length + prod.removed.length + prod.changed.length).to.equal(0);
    const change = (name: string, type?: string) =>
      dr.changed.find((c) => c.resource.name === name && (!type || c.resource.type === type))
        ?.changes;
    // The managed failover promotes the cluster; pulumi up only follows (ignoreChanges).
    expect(dr.ignored.find((c) => c.resource.name === "data-aurora")?.changes).to.deep.include({
      path: "globalClusterIdentifier",
      before: "ecommerce-prod-mumbai-global",
      after: undefined,
    });
    const standbyPlan = await plan("dr-singapore");
    const mng = (p: typeof standbyPlan) =>
      p.resources.find((r) => r.type === "eks:index:ManagedNodeGroup")?.inputs.scalingConfig;
    expect(mng(standbyPlan)).to.deep.equal({ minSize: 2, desiredSize: 2, maxSize: 6 });
    expect(change("cluster-system", "eks:index:ManagedNodeGroup")).to.deep.include({
      path: "scalingConfig.desiredSize",
      before: 2,
      after: 3,
    });
    // Ceilings are production size at rest already: failover raises floors, never limits.
    expect(dr.changed.map((c) => c.resource.name)).to.not.include("cluster-node-pool");
    expect(
      change("cluster-system", "eks:index:ManagedNodeGroup")?.map((c) => c.path),
    ).to.not.include("scalingConfig.maxSize");
    expect(
      change("services-cart", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler")?.map(
        (c) => c.path,
      ),
    ).to.not.include("spec.maxReplicas");
    expect(
      change("services-cart", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler"),
    ).to.deep.include({ path: "spec.minReplicas", before: 1, after: 3 });
    // Two more NAT gateways once the standby carries traffic.
    expect(dr.added.filter((r) => r.type === "aws:ec2/natGateway:NatGateway")).to.have.length(2);
    // A promoted cluster has no replication lag to alarm on.
    expect(dr.removed.map((r) => r.name)).to.have.members([
      "observability-aurora-replication-lag",
      "observability-aurora-rpo-lag",
    ]);
  });

  it("drill: the standby forwards writes and keeps its cluster joined; the primary only inverts its health check", async () => {
    const baseline = await synth();
    const drill = await synth([
      "dr-singapore:ecommerce:dr.mode=drill",
      "prod-mumbai:ecommerce:dr.drill=true",
    ]);
    const [prod, dr] = diffPlans(baseline.plans, drill.plans);
    // In prod-mumbai the drill changes exactly one input: the health check's inversion.
    expect(prod.added.length + prod.removed.length).to.equal(0);
    expect(prod.changed.map((c) => [c.resource.type, c.changes])).to.deep.equal([
      [
        "aws:route53/healthCheck:HealthCheck",
        [{ path: "invertHealthcheck", before: false, after: true }],
      ],
    ]);
    const aurora = dr.changed.find((c) => c.resource.name === "data-aurora")?.changes;
    expect(aurora).to.deep.equal([
      { path: "enableGlobalWriteForwarding", before: undefined, after: true },
    ]);
  });

  it("npm start -- --drill failover prints the diff and the timeline, and writes the rehearsed plans", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-drill-"));
    const lines: string[] = [];
    const code = await main(["--drill", "failover", "--out", out], (l) => lines.push(l));
    const text = lines.join("\n");
    expect(code).to.equal(0);
    expect(text).to.match(
      /== rehearsal: failover \(dr-singapore:ecommerce:dr.mode=failover\) ==\nprod-mumbai: no changes/,
    );
    // Membership belongs to the managed failover: the rehearsal shows pulumi leaving it alone.
    expect(text).to.match(
      /= aws:rds\/cluster:Cluster data-aurora \(left alone: ignoreChanges\)\n\s+globalClusterIdentifier: "ecommerce-prod-mumbai-global" => \(unset\)/,
    );
    // The model of carrying out this failover: from the resting standby, not the model of a
    // standby that has already failed over.
    expect(text).to.match(
      /This failover, from the current state \(the rehearsed pulumi up then raises the floors\):\nDR model, worst case, if prod-mumbai is lost while dr-singapore is in "standby" mode/,
    );
    expect(text).to.match(/capacity at the switch: 7 of 21 service pods \(33 %\)/);
    expect(fs.existsSync(path.join(out, "drill-failover", "dr-singapore.json"))).to.equal(true);
  });

  it("--drill failover on a standby that has already failed over says there is nothing to carry out", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-drill-"));
    const lines: string[] = [];
    const code = await main(
      ["--config", "dr-singapore:ecommerce:dr.mode=failover", "--drill", "failover", "--out", out],
      (l) => lines.push(l),
    );
    const text = lines.join("\n");
    expect(code).to.equal(0);
    expect(text).to.match(
      /dr-singapore is already in failover mode: there is nothing to carry out\.\nDR model, worst case, if prod-mumbai is lost while dr-singapore is in "failover" mode/,
    );
    expect(text).to.not.include("the rehearsed pulumi up then raises the floors");
  });

  it("refuses an unknown drill name", async () => {
    const lines: string[] = [];
    expect(await main(["--drill", "chaos"], (l) => lines.push(l))).to.equal(2);
    expect(lines.join("\n")).to.match(/unknown drill "chaos"; use one of drill \| failover/);
  });

  it("refuses a drill name that is an inherited property, not a drill", async () => {
    const lines: string[] = [];
    expect(await main(["--drill", "constructor"], (l) => lines.push(l))).to.equal(2);
    expect(lines.join("\n")).to.match(/unknown drill "constructor"/);
  });
});
