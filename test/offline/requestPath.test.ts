import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { renderSvg } from "../../offline/diagram";
import { StackPlan } from "../../offline/plan";
import { requestPathDot } from "../../offline/requestPath";
import { synth } from "../helpers";

describe("offline/requestPath: a shopper's request through both regions", () => {
  let plans: StackPlan[];
  let dot: string;
  before(async () => {
    plans = (await synth()).plans;
    dot = requestPathDot(plans);
  });

  const edges = () => dot.split("\n").filter((l) => l.includes("->"));
  const edge = (from: string, to: string) =>
    edges().filter(
      (l) => l.split("->")[0].trim().startsWith(from) && l.split("->")[1].includes(to),
    );

  it("takes each region's entry path: DNS, API Gateway with its JWT authorizer, the ALB, the gateway", () => {
    for (const i of [0, 1]) {
      expect(edge(`s${i}_dns`, `s${i}_api`), `stack ${i}`).to.have.length(1);
      expect(edge(`s${i}_api`, `s${i}_alb`), `stack ${i}`).to.have.length(1);
      expect(edge(`s${i}_alb`, `s${i}_gateway`), `stack ${i}`).to.have.length(1);
      expect(dot).to.match(
        new RegExp(`s${i}_api \\[label="API Gateway HTTP API\\nJWT authorizer"`),
      );
    }
    expect(dot).to.include("PRIMARY failover record").and.include("SECONDARY failover record");
    // The storefront is the primary's alone: CloudFront serves the web bucket and /api/*.
    expect(edge("s0_cdn", "s0_dns")).to.have.length(1);
    expect(edge("s0_cdn", "s0_store_data_web")).to.have.length(1);
    expect(dot).to.not.include("s1_cdn");
  });

  it("sends every service to the stores its environment names, and nowhere else", () => {
    const stores = (i: number, service: string) =>
      edges()
        .filter((l) => l.startsWith(`  s${i}_svc_${service} ->`))
        .map((l) =>
          l
            .split("->")[1]
            .trim()
            .split(" ")[0]
            .replace(/^s\d_store_data_/, ""),
        )
        .map((s) => s.split("_aws_")[0])
        .sort();
    expect(stores(0, "order")).to.deep.equal(["aurora", "order_events"]);
    expect(stores(0, "cart")).to.deep.equal(["cache", "carts"]);
    expect(stores(0, "auth")).to.deep.equal(["cache", "sessions"]);
    expect(stores(0, "product")).to.deep.equal(["assets", "aurora", "cache"]);
    expect(stores(1, "cart")).to.deep.equal(["cache", "carts"]);
    // Seven services in each region, each behind the gateway.
    for (const i of [0, 1]) {
      expect(edges().filter((l) => l.startsWith(`  s${i}_gateway -> s${i}_svc_`))).to.have.length(
        7,
      );
    }
  });

  it("draws the failover pair and the data replication between the regions", () => {
    const red = edges().filter((l) => l.includes("#c0392b"));
    expect(red.map((l) => /label="([^"]+)"/.exec(l)?.[1]).sort()).to.deep.equal([
      "Aurora global database",
      "DynamoDB global table replica",
      "DynamoDB global table replica",
      "S3 replication",
      "failover",
    ]);
    expect(edge("s0_store_data_aurora", "s1_store_data_aurora")).to.have.length(1);
  });

  it("the picture in the README is the one npm start draws (refresh: cp plan/request-path.svg docs/)", async () => {
    const committed = fs.readFileSync(path.join(__dirname, "../../docs/request-path.svg"), "utf8");
    expect(committed).to.equal(await renderSvg(dot));
  });
});
