import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import {
  architectureDot,
  architectureSvg,
  crossRegionLinks,
  groupPlan,
  renderSvg,
} from "../../offline/diagram";
import { StackPlan } from "../../offline/plan";
import { synth } from "../helpers";

/** The text of an SVG with Graphviz's character references (it writes "-" as "&#45;") decoded. */
function textOf(svg: string): string {
  return svg.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

// No `identity`: the stack files use an external OIDC provider (ecommerce:identity), not a pool.
const COMPONENTS = ["edge", "mesh", "services", "cluster", "data", "network", "observability"];

describe("offline/diagram (plan/architecture.svg)", () => {
  let plans: StackPlan[];
  before(async () => {
    plans = (await synth()).plans;
  });

  it("groups each stack by component, folding supporting resources into a count", () => {
    const primary = groupPlan(plans.find((p) => p.stack === "prod-mumbai") as StackPlan, 0);
    expect(primary.groups.map((g) => g.name)).to.include.members(COMPONENTS);
    const network = primary.groups.find((g) => g.name === "network");
    const subnets = network?.nodes.find((n) => n.label === "Subnet");
    expect(subnets?.urns).to.have.length(9);
    expect(network?.nodes.map((n) => n.label)).not.to.include("RouteTableAssociation");
    expect(network?.supporting).to.be.greaterThan(0);
    // Each microservice is one box, not its thirteen resources.
    const services = primary.groups.find((g) => g.name === "services");
    expect(services?.nodes.map((n) => n.label)).to.include("services-cart");
  });

  it("finds every cross-region link from the plans' own inputs", () => {
    const labels = crossRegionLinks(plans).map((l) => `${l.from.stack}->${l.to.stack} ${l.label}`);
    expect(labels).to.include.members([
      "prod-mumbai->dr-singapore Aurora global database",
      "prod-mumbai->dr-singapore DynamoDB global table replica",
      "prod-mumbai->dr-singapore S3 replication",
      "prod-mumbai->dr-singapore Route 53 failover pair",
      "prod-mumbai->dr-singapore ECR image replication",
      "dr-singapore->prod-mumbai StackReference (outputs)",
    ]);
    expect(labels.filter((l) => l.endsWith("DynamoDB global table replica"))).to.have.length(2);
  });

  it("draws no cross-region link for a lone stack", () => {
    expect(crossRegionLinks(plans.filter((p) => p.stack === "prod-mumbai"))).to.deep.equal([]);
  });

  it("renders an SVG naming both regions, every component and the links", async () => {
    const svg = textOf(await architectureSvg(plans));
    expect(svg).to.match(/^<\?xml/);
    expect(svg).to.match(/<svg /);
    expect(svg).to.include("prod-mumbai · ap-south-1 (primary)");
    expect(svg).to.include("dr-singapore · ap-southeast-1 (standby)");
    for (const c of COMPONENTS) expect(svg).to.include(`${c} · ecommerce:`);
    expect(svg).to.include("Aurora global database");
    expect(svg).to.include("Route 53 failover pair");
    // Every edge in the source is drawn: none dropped for a missing endpoint.
    expect(architectureDot(plans).match(/constraint=false/g)).to.have.length.greaterThan(5);
  });

  it("the picture in the README is the one npm start draws (refresh: cp plan/architecture.svg docs/)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "../../docs/architecture.svg"), "utf8");
    expect(committed).to.equal(await architectureSvg(plans));
  });
});

describe("offline/diagram: Graphviz on its own thread", () => {
  it("lays out several pictures at once, each answer going to its own request", async () => {
    const [a, b] = await Promise.all([
      renderSvg('digraph { "first-only" -> x }'),
      renderSvg('digraph { "second-only" -> y }'),
    ]);
    expect(textOf(a)).to.include("first-only").and.not.include("second-only");
    expect(textOf(b)).to.include("second-only").and.not.include("first-only");
  });

  it("rejects a source Graphviz cannot read, naming Graphviz, and keeps serving the next", async () => {
    const err = await renderSvg("digraph { a -> ").catch((e: Error) => e);
    expect(err).to.be.instanceOf(Error);
    expect((err as Error).message).to.match(/^Graphviz: /);
    expect(textOf(await renderSvg("digraph { after -> error }"))).to.include("after");
  });
});
