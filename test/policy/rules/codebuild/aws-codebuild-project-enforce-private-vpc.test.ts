import { expect } from "chai";
import { logs, runner } from "../../fixtures/codebuild";
import { network } from "../../fixtures/network";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-codebuild-project-enforce-private-vpc";

describeRule(RULE, () => {
  it("passes a runner in the private subnets, resolved by dependency or by id", async () => {
    expect(await messages(RULE, [...network(), runner("private"), logs()])).to.deep.equal([]);
    expect(
      await messages(RULE, [...network(), runner("private", {}, false), logs()]),
    ).to.deep.equal([]);
  });
  it("reads a vpcConfig computed as a whole through its dependencies", async () => {
    const computed = runner("private", { vpcConfig: UNKNOWN });
    expect(await messages(RULE, [...network(), computed, logs()])).to.deep.equal([]);
    const publicComputed = runner("public", { vpcConfig: UNKNOWN });
    expect(await messages(RULE, [...network(), publicComputed, logs()])).to.have.length(2);
  });
  it("flags a runner outside a VPC", async () => {
    expect(
      await messages(RULE, [...network(), runner("private", { vpcConfig: undefined }), logs()]),
    ).to.deep.equal(["runner: does not run in a VPC (vpcConfig vpcId, subnets, securityGroupIds)"]);
  });
  it("flags a runner without security groups", async () => {
    const r = runner("private");
    (r.props.vpcConfig as Record<string, unknown>).securityGroupIds = [];
    expect(await messages(RULE, [...network(), r, logs()])).to.deep.equal([
      "runner: does not run in a VPC (vpcConfig securityGroupIds)",
    ]);
  });
  it("flags a runner without subnets or a VPC id", async () => {
    const r = runner("private", {}, false);
    const vpc = r.props.vpcConfig as Record<string, unknown>;
    vpc.subnets = [];
    delete vpc.vpcId;
    expect(await messages(RULE, [...network(), r, logs()])).to.deep.equal([
      "runner: does not run in a VPC (vpcConfig vpcId, subnets)",
    ]);
  });
  it("flags a runner in public subnets", async () => {
    expect(await messages(RULE, [...network(), runner("public"), logs()])).to.have.members([
      "runner: uses subnet public-0, which routes to an internet gateway",
      "runner: uses subnet public-1, which routes to an internet gateway",
    ]);
  });
  it("flags subnets it cannot resolve", async () => {
    expect(await messages(RULE, [runner("private", {}, false)])).to.deep.equal([
      "runner: its subnets cannot be resolved",
    ]);
  });
});
