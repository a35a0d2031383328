import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { LOG_RETENTION_DAYS } from "../../../stacks/config";
import { every, plan, the } from "../../helpers";

const T = {
  group: "aws:cloudwatch/logGroup:LogGroup",
  key: "aws:kms/key:Key",
};
const EDGE_GROUPS = ["edge-waf", "edge-api-access", "edge-api-waf"];

describe("components/shared/logGroup: encrypted log groups (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  let longer: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
    longer = await plan("prod-mumbai", [
      'prod-mumbai:ecommerce:observability={"logRetentionDays":731}',
    ]);
  });

  it("encrypts every log group with a KMS key and keeps it for a CloudWatch-accepted retention", () => {
    for (const p of [prod, dr]) {
      for (const g of every(p, T.group)) {
        expect(g.inputs.kmsKeyId, g.name).to.match(/^arn:aws:kms:/);
        expect(LOG_RETENTION_DAYS, g.name).to.include(g.inputs.retentionInDays);
        expect(g.inputs.retentionInDays, g.name).to.be.at.least(90);
      }
    }
  });

  it("keeps the edge's WAF and API access logs as long as the configured log retention", () => {
    for (const name of EDGE_GROUPS) {
      expect(the(prod, T.group, name).inputs.retentionInDays, name).to.equal(365);
      expect(the(longer, T.group, name).inputs.retentionInDays, name).to.equal(731);
    }
    for (const name of EDGE_GROUPS.filter((n) => n !== "edge-waf")) {
      expect(the(dr, T.group, name).inputs.retentionInDays, name).to.equal(365);
    }
  });

  it("gives a group with a key of its own that key first, in the group's region, rotated", () => {
    const cases = [
      { group: "edge-waf", key: "edge-waf-logs", region: "us-east-1" },
      { group: "network-flow-logs", key: "network-flow-logs", region: "ap-south-1" },
    ];
    for (const c of cases) {
      const group = the(prod, T.group, c.group);
      const key = the(prod, T.key, c.key);
      expect(group.inputs.kmsKeyId).to.equal(key.outputs.arn);
      expect(group.dependencies).to.include(key.urn);
      expect(key.inputs).to.include({ enableKeyRotation: true, deletionWindowInDays: 30 });
      expect(key.protect, c.key).to.equal(true);
      const policy = JSON.parse(key.inputs.policy as string);
      const services = JSON.stringify(policy.Statement);
      expect(services).to.include(`logs.${c.region}.amazonaws.com`);
      expect(prod.resources.indexOf(key)).to.be.below(prod.resources.indexOf(group));
    }
    expect(the(prod, T.group, "edge-waf").inputs.region).to.equal("us-east-1");
    expect(the(prod, T.key, "edge-waf-logs").inputs.region).to.equal("us-east-1");
  });

  it("protects the EKS control-plane group only, which EKS would recreate without key or retention", () => {
    for (const p of [prod, dr]) {
      const protectedGroups = every(p, T.group)
        .filter((g) => g.protect)
        .map((g) => g.name);
      expect(protectedGroups).to.deep.equal(["cluster-control-plane"]);
    }
  });
});
