import { expect } from "chai";
import {
  CONFIG_RULES,
  GUARDDUTY_FEATURES,
  auditKeyPolicy,
  budgetCostFilters,
  configRulesFor,
  governancePublishers,
  securityStandards,
  trailArn,
} from "../../../components/governance/policies";

const ACCOUNT = "123456789012";

describe("components/governance/policies (pure documents and rule sets)", () => {
  it("gives CloudTrail the audit key only when a trail uses it, and never to anyone", () => {
    const trail = trailArn("ap-south-1", ACCOUNT, "shop-audit");
    expect(trail).to.equal("arn:aws:cloudtrail:ap-south-1:123456789012:trail/shop-audit");
    const withTrail = auditKeyPolicy(ACCOUNT, "ap-south-1", trail);
    const without = auditKeyPolicy(ACCOUNT, "ap-southeast-1", undefined);
    expect(withTrail.Statement.map((s) => s.Sid)).to.deep.equal([
      "AccountAdministers",
      "UseThroughS3",
      "CloudTrailEncryptsLogs",
      "CloudTrailDescribesKey",
      "AccountReadsTrailLogs",
    ]);
    expect(without.Statement.map((s) => s.Sid)).to.deep.equal([
      "AccountAdministers",
      "UseThroughS3",
    ]);
    expect(without.Statement[1].Condition).to.deep.equal({
      StringEquals: {
        "kms:CallerAccount": ACCOUNT,
        "kms:ViaService": "s3.ap-southeast-1.amazonaws.com",
      },
    });
    for (const s of withTrail.Statement) {
      expect(JSON.stringify(s.Principal), s.Sid).to.not.include('"*"');
    }
  });

  const rules: [boolean, number][] = [
    [true, CONFIG_RULES.length],
    [false, CONFIG_RULES.filter((r) => !r.global).length],
  ];
  for (const [global, count] of rules) {
    it(`evaluates ${count} AWS Config rules where global resources are ${global ? "" : "not "}recorded`, () => {
      const chosen = configRulesFor(global);
      expect(chosen).to.have.length(count);
      expect(chosen.every((r) => /^[A-Z0-9_]+$/.test(r.identifier) && r.pci.length > 0)).to.equal(
        true,
      );
    });
  }

  it("names each standard by its regional ARN and each GuardDuty feature by its API name", () => {
    expect(Object.values(securityStandards("ap-southeast-1"))).to.deep.equal([
      "arn:aws:securityhub:ap-southeast-1::standards/aws-foundational-security-best-practices/v/1.0.0",
      "arn:aws:securityhub:ap-southeast-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
      "arn:aws:securityhub:ap-southeast-1::standards/pci-dss/v/4.0.1",
    ]);
    const names = GUARDDUTY_FEATURES.map((f) => f.name);
    // The API refuses EKS_RUNTIME_MONITORING together with RUNTIME_MONITORING.
    expect(names).to.include("EKS_RUNTIME_MONITORING").and.not.include("RUNTIME_MONITORING");
  });

  const filters: [{ key: string; value: string }, string[], unknown][] = [
    [
      { key: "project", value: "ecommerce-platform" },
      ["ap-south-1", "us-east-1"],
      [
        { name: "TagKeyValue", values: ["user:project$ecommerce-platform"] },
        { name: "Region", values: ["ap-south-1", "us-east-1"] },
      ],
    ],
    [
      { key: "cost-center", value: "shop" },
      ["ap-southeast-1"],
      [
        { name: "TagKeyValue", values: ["user:cost-center$shop"] },
        { name: "Region", values: ["ap-southeast-1"] },
      ],
    ],
  ];
  for (const [tag, regions, expected] of filters) {
    it(`filters a budget by ${tag.key}=${tag.value} in ${regions.join(", ")}`, () =>
      expect(budgetCostFilters(tag, regions)).to.deep.equal(expected));
  }

  it("lets each governance publisher reach the topic for this account only", () => {
    const statements = governancePublishers("arn:topic", "ap-south-1", ACCOUNT);
    expect(statements).to.have.length(3);
    for (const s of statements) {
      expect(s.Action).to.equal("sns:Publish");
      expect(s.Resource).to.equal("arn:topic");
      expect(JSON.stringify(s.Condition)).to.include(ACCOUNT);
    }
  });
});
