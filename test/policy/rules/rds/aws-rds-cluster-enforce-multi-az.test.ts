import { expect } from "chai";
import { res, violations } from "../../harness";
import { describeRule, messages } from "../../ruleSuite";

const RULE = "aws-rds-cluster-enforce-multi-az";
const cluster = res("aws:rds/cluster:Cluster", "orders", { id: "orders" });
const instance = (name: string, az?: string) =>
  res(
    "aws:rds/clusterInstance:ClusterInstance",
    name,
    { clusterIdentifier: "orders", availabilityZone: az },
    { clusterIdentifier: ["orders"] },
  );

describeRule(RULE, () => {
  it("two instances in two AZs pass; one instance or one AZ warn", async () => {
    expect(
      await messages(RULE, [cluster, instance("a", "ap-south-1a"), instance("b", "ap-south-1b")]),
    ).to.deep.equal([]);
    expect(await messages(RULE, [cluster, instance("a", "ap-south-1a")])).to.deep.equal([
      "orders: 1 instance(s); at least 2 are needed for a failover target",
    ]);
    expect(
      await messages(RULE, [cluster, instance("a", "ap-south-1a"), instance("b", "ap-south-1a")]),
    ).to.deep.equal(["orders: all instances are in one AZ"]);
  });

  it("reports at the rule's advisory level", async () => {
    const single = await violations(RULE, [cluster, instance("a", "ap-south-1a")]);
    expect(single.map((v) => v.level)).to.deep.equal(["advisory"]);
  });

  it("flags a cluster without instances, and counts instances left to AWS's AZ placement", async () => {
    expect(await messages(RULE, [cluster])).to.deep.equal([
      "orders: 0 instance(s); at least 2 are needed for a failover target",
    ]);
    // Without an availabilityZone AWS spreads the instances: each counts as its own.
    expect(await messages(RULE, [cluster, instance("a"), instance("b")])).to.deep.equal([]);
  });

  it("takes the minimum from the config", async () => {
    const two = [cluster, instance("a", "ap-south-1a"), instance("b", "ap-south-1b")];
    expect(await messages(RULE, two, { minimumInstances: 3 })).to.deep.equal([
      "orders: 2 instance(s); at least 3 are needed for a failover target",
    ]);
    expect(
      await messages(RULE, [cluster, instance("a", "ap-south-1a")], { minimumInstances: 1 }),
    ).to.deep.equal(["orders: all instances are in one AZ"]);
  });
});
