import { expect } from "chai";
import { network, T } from "../../fixtures/network";
import { res } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "aws-vpc-subnet-disallow-internet-route-on-data-tier";
const leak = (table: string, id: string) =>
  res(
    T.route,
    `${table}-leak`,
    { routeTableId: id, destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" },
    { routeTableId: [table], gatewayId: ["igw"] },
  );

describeRule(RULE, () => {
  it("passes the three-tier network", async () => {
    expect(await messages(RULE, network())).to.deep.equal([]);
  });
  it("flags data subnets once their table routes to the internet gateway", async () => {
    expect(await messages(RULE, [...network(), leak("data-rt", "rtb-data")])).to.have.members([
      "data-0: a data-tier subnet routes to an internet gateway",
      "data-1: a data-tier subnet routes to an internet gateway",
    ]);
  });
  it("flags private subnets once their table routes to the internet gateway", async () => {
    expect(await messages(RULE, [...network(), leak("private-rt", "rtb-priv")])).to.have.members([
      "private-0: a private-tier subnet routes to an internet gateway",
      "private-1: a private-tier subnet routes to an internet gateway",
    ]);
  });
  it("leaves untagged subnets to the placement rule", async () => {
    const untagged = res(T.subnet, "spare", { id: "subnet-spare" }, {});
    const assoc = res(
      T.assoc,
      "spare-assoc",
      { subnetId: "subnet-spare", routeTableId: "rtb-pub" },
      { subnetId: ["spare"], routeTableId: ["public-rt"] },
    );
    expect(await messages(RULE, [...network(), untagged, assoc])).to.deep.equal([]);
  });
  it("follows a subnet without an explicit association to the VPC's main route table", async () => {
    const orphan = res(
      T.subnet,
      "data-9",
      { id: "subnet-data-9", vpcId: "vpc-1", tags: { tier: "data" } },
      { vpcId: ["vpc"] },
    );
    const mainTable = res(
      "aws:ec2/defaultRouteTable:DefaultRouteTable",
      "main",
      {
        id: "rtb-main",
        defaultRouteTableId: "rtb-main",
        routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }],
      },
      { defaultRouteTableId: ["vpc"] },
    );
    expect(await messages(RULE, [...network(), orphan])).to.deep.equal([]);
    expect(await messages(RULE, [...network(), orphan, mainTable])).to.deep.equal([
      "data-9: a data-tier subnet routes to an internet gateway",
    ]);
  });
});
