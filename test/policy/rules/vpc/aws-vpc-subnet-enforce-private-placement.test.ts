import { expect } from "chai";
import { network, placed, T } from "../../fixtures/network";
import { res } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "aws-vpc-subnet-enforce-private-placement";
const IGW = "which routes to an internet gateway";
/** `type` placed in the two `tier` subnets, directly or through a subnet group named `group`. */
const inTier = (type: string, tier: string, via?: string) => {
  const subnets = [`${tier}-0`, `${tier}-1`];
  if (!via)
    return [
      res(type, "placed", { subnetIds: subnets.map((s) => `subnet-${s}`) }, { subnetIds: subnets }),
    ];
  return [
    res(
      T.dbSubnets,
      "group",
      { subnetIds: subnets.map((s) => `subnet-${s}`) },
      { subnetIds: subnets },
    ),
    res(type, "placed", { [via]: "group" }, { [via]: ["group"] }),
  ];
};

describeRule(RULE, () => {
  it("passes stores in data subnets and nodes in private (NAT-routed) subnets", async () => {
    expect(await messages(RULE, [...network(), ...placed("data", "private")])).to.deep.equal([]);
  });
  it("flags a database and a cache in public subnets", async () => {
    expect(await messages(RULE, [...network(), ...placed("public", "private")])).to.have.members([
      `orders: uses subnet public-0, ${IGW}`,
      `orders: uses subnet public-1, ${IGW}`,
      `sessions: uses subnet public-0, ${IGW}`,
      `sessions: uses subnet public-1, ${IGW}`,
    ]);
  });
  it("flags a node group in public subnets, resolved by id when no dependency was recorded", async () => {
    const resources = [...network(), ...placed("data", "private")].map((r) =>
      r.type === T.nodeGroup ? { ...r, deps: {}, props: { subnetIds: ["subnet-public-1"] } } : r,
    );
    expect(await messages(RULE, resources)).to.deep.equal([`system: uses subnet public-1, ${IGW}`]);
  });
  it("flags a Karpenter node class whose tag selector matches a public subnet", async () => {
    const found = await messages(RULE, [
      ...network(),
      ...placed("data", "private", { "kubernetes.io/role/elb": "1" }),
    ]);
    expect(found).to.include(`general: uses subnet public-0, ${IGW}`);
  });
  it("flags a Karpenter node class whose wildcard tag or subnet id selects a public subnet", async () => {
    const nodeClass = (terms: unknown[]) =>
      res(T.nodeClass, "general", { spec: { subnetSelectorTerms: terms } });
    expect(
      await messages(RULE, [
        ...network(),
        nodeClass([{ tags: { "kubernetes.io/role/elb": "*" } }]),
      ]),
    ).to.have.members([
      `general: uses subnet public-0, ${IGW}`,
      `general: uses subnet public-1, ${IGW}`,
    ]);
    expect(
      await messages(RULE, [...network(), nodeClass([{ id: "subnet-public-1" }])]),
    ).to.deep.equal([`general: uses subnet public-1, ${IGW}`]);
    expect(
      await messages(RULE, [...network(), nodeClass([{ id: "subnet-private-1" }])]),
    ).to.deep.equal([]);
  });
  it("flags an RDS instance and an aws.eks.NodeGroup in public subnets", async () => {
    expect(
      await messages(RULE, [
        ...network(),
        ...inTier("aws:rds/instance:Instance", "public", "dbSubnetGroupName"),
      ]),
    ).to.have.members([
      `placed: uses subnet public-0, ${IGW}`,
      `placed: uses subnet public-1, ${IGW}`,
    ]);
    expect(
      await messages(RULE, [
        ...network(),
        ...inTier("aws:rds/instance:Instance", "data", "dbSubnetGroupName"),
      ]),
    ).to.deep.equal([]);
    expect(
      await messages(RULE, [...network(), ...inTier("aws:eks/nodeGroup:NodeGroup", "public")]),
    ).to.have.length(2);
    expect(
      await messages(RULE, [...network(), ...inTier("aws:eks/nodeGroup:NodeGroup", "private")]),
    ).to.deep.equal([]);
  });
  it("flags a resource whose subnets cannot be resolved", async () => {
    expect(
      await messages(RULE, [
        ...network(),
        res(T.nodeGroup, "orphan", { subnetIds: ["subnet-unknown"] }),
      ]),
    ).to.deep.equal([
      "orphan: its subnets cannot be resolved: pass subnet ids from the network outputs",
    ]);
  });
  it("treats an inline IGW route on a route table as an internet route", async () => {
    const resources = network().map((r) =>
      r.name === "data-rt"
        ? { ...r, props: { ...r.props, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] } }
        : r,
    );
    expect(await messages(RULE, [...resources, ...placed("data", "private")])).to.include(
      `orders: uses subnet data-0, ${IGW}`,
    );
  });
  it("ignores dependencies on components and stack references when resolving subnets", async () => {
    // subnetIds came through a component output: the dependency list names the component too.
    const component = res("ecommerce:network:Network", "network", {});
    const nodes = res(
      T.nodeGroup,
      "system",
      { subnetIds: ["subnet-public-0"] },
      { subnetIds: ["network", "public-0"] },
    );
    expect(await messages(RULE, [...network(), component, nodes])).to.deep.equal([
      `system: uses subnet public-0, ${IGW}`,
    ]);
  });
});
