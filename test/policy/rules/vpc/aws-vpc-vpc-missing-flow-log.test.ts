import { expect } from "chai";
import { network, T } from "../../fixtures/network";
import { res } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "aws-vpc-vpc-missing-flow-log";
const withTraffic = (trafficType: string) =>
  network().map((r) => (r.type === T.flowLog ? { ...r, props: { ...r.props, trafficType } } : r));

describeRule(RULE, () => {
  it("passes a VPC with an ALL-traffic flow log", async () => {
    expect(await messages(RULE, network())).to.deep.equal([]);
  });
  it("passes a VPC with an ALL-traffic log beside a REJECT-only one", async () => {
    const extra = res(
      T.flowLog,
      "rejects",
      { vpcId: "vpc-1", trafficType: "REJECT" },
      {
        vpcId: ["vpc"],
      },
    );
    expect(await messages(RULE, [...network(), extra])).to.deep.equal([]);
  });
  it("flags a VPC without a flow log", async () => {
    expect(
      await messages(
        RULE,
        network().filter((r) => r.type !== T.flowLog),
      ),
    ).to.deep.equal(["vpc: no flow log"]);
  });
  it("flags flow logs that capture only rejected traffic", async () => {
    expect(await messages(RULE, withTraffic("REJECT"))).to.deep.equal([
      "vpc: flow logs do not capture ALL traffic",
    ]);
  });
  it("flags flow logs that capture only accepted traffic", async () => {
    expect(await messages(RULE, withTraffic("ACCEPT"))).to.deep.equal([
      "vpc: flow logs do not capture ALL traffic",
    ]);
  });
  it("does not count another VPC's flow log", async () => {
    const other = res(T.vpc, "other", { id: "vpc-2" });
    expect(await messages(RULE, [...network(), other])).to.deep.equal(["other: no flow log"]);
  });
});
