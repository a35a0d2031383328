import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../offline/cli";
import { diffPlans, diffStack, isIgnored, valueChanges } from "../../offline/diff";
import { PlannedResource, StackPlan } from "../../offline/plan";
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

  describe("every DR transition after the Region switch plan ran: pulumi up follows, never fights", () => {
    const MODE = (m: string) => `dr-singapore:ecommerce:dr.mode=${m}`;
    const CLUSTER = "aws:rds/cluster:Cluster";
    const TRANSITIONS: [string, string[], string[]][] = [
      ["standby → drill (after the graceful switchover)", [], [MODE("drill")]],
      ["drill → failover (the primary lost mid-drill)", [MODE("drill")], [MODE("failover")]],
      ["standby → failover (after the ungraceful failover)", [], [MODE("failover")]],
      [
        "failover → standby (failback, after the plan returned to the primary)",
        [MODE("failover")],
        [],
      ],
      ["drill → standby (after the plan returned to the primary)", [MODE("drill")], []],
    ];
    /**
     * The control plane a change calls: Route 53, IAM, CloudFront and ARC Region switch plans are
     * global services managed through us-east-1 endpoints; everything else through its `region`
     * input or the stack's Region.
     */
    const controlPlane = (r: PlannedResource, stackRegion: string) =>
      /^aws:(route53|iam|cloudfront|arcregionswitch)\//.test(r.type)
        ? "us-east-1"
        : typeof r.inputs.region === "string"
          ? r.inputs.region
          : stackRegion;

    for (const [title, from, to] of TRANSITIONS) {
      it(`${title}: only ap-southeast-1 changes; the cluster, the plan and the steered pair stay put`, async () => {
        const [prod, dr] = diffPlans((await synth(from)).plans, (await synth(to)).plans);
        expect(
          prod.added.length + prod.removed.length + prod.changed.length,
          "prod-mumbai",
        ).to.equal(0);
        const touched = [...dr.added, ...dr.removed, ...dr.changed.map((c) => c.resource)];
        // drill → failover has nothing left to do: the plan already made this cluster the writer
        // and the capacity full; the others record the writer and move the capacity floors.
        expect(touched.length > 0, "changes").to.equal(!title.startsWith("drill → failover"));
        // Nothing on the path calls ap-south-1 or a us-east-1 control plane.
        expect(
          touched
            .filter((r) => controlPlane(r, "ap-southeast-1") !== "ap-southeast-1")
            .map((r) => `${r.type} ${r.name}`),
        ).to.deep.equal([]);
        for (const name of [
          "switch-plan",
          "switch-api-primary",
          "switch-api-standby",
          "switch-primary-steered",
        ]) {
          expect(
            touched.map((r) => r.name),
            name,
          ).to.not.include(name);
        }
        // The Aurora cluster: at most its writer tag (RDS tagging API, no ModifyDBCluster), and no
        // membership or forwarding change applied or even ignored.
        const aurora = (list: typeof dr.changed) =>
          list.find((c) => c.resource.type === CLUSTER)?.changes.map((c) => c.path) ?? [];
        expect(aurora(dr.changed)).to.satisfy((paths: string[]) =>
          paths.every((p) => p === "tags.writer"),
        );
        expect(aurora(dr.ignored)).to.deep.equal([]);
      });
    }

    it("a cluster the plan (or an older drill) left with forwarding on, or detached, is left alone in every standby mode", async () => {
      for (const mode of ["standby", "drill", "failover"]) {
        const after = (await plan("dr-singapore", [MODE(mode)])) as StackPlan;
        const before: StackPlan = JSON.parse(JSON.stringify(after));
        const isCluster = (r: PlannedResource) => r.type === CLUSTER;
        const cluster = before.resources.find(isCluster) as PlannedResource;
        cluster.inputs.enableGlobalWriteForwarding = true;
        cluster.inputs.globalClusterIdentifier = undefined;
        const d = diffStack(before, after);
        expect(
          d.changed.find((c) => c.resource.name === "data-aurora"),
          mode,
        ).to.equal(undefined);
        expect(
          d.ignored.find((c) => c.resource.name === "data-aurora")?.changes.map((c) => c.path),
          mode,
        ).to.have.members(["enableGlobalWriteForwarding", "globalClusterIdentifier"]);
      }
    });

    it("the primary's cluster leaves its replication source and membership to the plan too (a refresh after a switchover must not promote it into a second writer)", async () => {
      const prod = ofType(await plan("prod-mumbai"), "aws:rds/cluster:Cluster")[0];
      expect(prod.ignoreChanges).to.deep.equal([
        "engineVersion",
        "replicationSourceIdentifier",
        "globalClusterIdentifier",
      ]);
      expect(prod.ignoreChanges).to.not.include("enableGlobalWriteForwarding");
    });
  });

  it("failover: the standby's cluster stays a member (the writer now) and capacity floors rise (ceilings already production size); prod-mumbai is untouched", async () => {
    const baseline = await synth();
    const failover = await synth(["dr-singapore:ecommerce:dr.mode=failover"]);
    const [prod, dr] = diffPlans(baseline.plans, failover.plans);
    expect(prod.added.length + prod.removed.length + prod.changed.length).to.equal(0);
    const change = (name: string, type?: string) =>
      dr.changed.find((c) => c.resource.name === name && (!type || c.resource.type === type))
        ?.changes;
    // The plan's failover made the cluster the writer; pulumi up only records it (a tag).
    expect(change("data-aurora")).to.deep.equal([
      { path: "tags.writer", before: "false", after: "true" },
    ]);
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

  it("a traffic drill (dr.drill on the primary) changes exactly the inversion of the primary's endpoint check", async () => {
    const [prod, dr] = diffPlans(
      (await synth()).plans,
      (await synth(["prod-mumbai:ecommerce:dr.drill=true"])).plans,
    );
    expect(prod.added.length + prod.removed.length).to.equal(0);
    expect(prod.changed.map((c) => [c.resource.type, c.changes])).to.deep.equal([
      [
        "aws:route53/healthCheck:HealthCheck",
        [{ path: "invertHealthcheck", before: false, after: true }],
      ],
    ]);
    // The inverted check is a child of the PRIMARY record's calculated check: reads move to the
    // standby without the plan, and the standby's stack does not change.
    expect(dr.added.length + dr.removed.length + dr.changed.length).to.equal(0);
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
    // The plan's failover made the cluster the writer: the rehearsal only records it.
    expect(text).to.match(
      /~ aws:rds\/cluster:Cluster data-aurora\n\s+tags.writer: "false" => "true"/,
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
    expect(lines.join("\n")).to.match(
      /unknown drill "chaos"; use one of drill \| failover \| traffic/,
    );
  });

  it("refuses a drill name that is an inherited property, not a drill", async () => {
    const lines: string[] = [];
    expect(await main(["--drill", "constructor"], (l) => lines.push(l))).to.equal(2);
    expect(lines.join("\n")).to.match(/unknown drill "constructor"/);
  });
});
