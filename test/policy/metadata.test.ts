import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { rules } from "../../policy/rules";
import { POLICY_README, renderPolicyReadme } from "../../scripts/policyDocs";

const NAME =
  /^(aws-[a-z0-9]+|eks|kubernetes|random)-[a-z0-9]+-(missing|disallow|enable|configure|enforce)-[a-z0-9-]+$/;
const RULES_DIR = path.join(__dirname, "..", "..", "policy", "rules");

describe("policy pack metadata", () => {
  it("has at least 40 rules with unique names", () => {
    expect(rules.length).to.be.at.least(40);
    expect(new Set(rules.map((r) => r.name)).size).to.equal(rules.length);
  });

  it("registers every rule file exactly once", () => {
    const files = fs
      .readdirSync(RULES_DIR)
      .flatMap((service) =>
        fs.readdirSync(path.join(RULES_DIR, service)).map((f) => f.replace(/\.ts$/, "")),
      );
    expect(files.sort()).to.deep.equal(rules.map((r) => r.name).sort());
  });

  for (const rule of rules) {
    it(`${rule.name}: name, file, severity, level, description, frameworks, types`, () => {
      expect(rule.name).to.match(NAME);
      const service = rule.name.startsWith("aws-")
        ? rule.name.split("-")[1]
        : rule.name.split("-")[0];
      expect(
        fs.existsSync(path.join(RULES_DIR, service, `${rule.name}.ts`)),
        `policy/rules/${service}/${rule.name}.ts`,
      ).to.equal(true);
      expect(["low", "medium", "high", "critical"]).to.include(rule.meta.severity);
      expect(["advisory", "mandatory"]).to.include(rule.enforcementLevel);
      expect(rule.description.length).to.be.greaterThan(20);
      expect(rule.meta.remediation.length).to.be.greaterThan(10);
      rule.meta.frameworks.forEach((f) =>
        expect(f).to.match(/^(CIS AWS Foundations 3\.0|CIS EKS 1\.5|PCI-DSS 4\.0) §\d+(\.\d+)*$/),
      );
      expect(rule.meta.types.length).to.be.greaterThan(0);
      expect(rule.tags).to.include(rule.meta.topic);
    });
  }

  it("makes encryption, placement and exposure rules mandatory", () => {
    const soft = rules.filter(
      (r) =>
        ["encryption-at-rest", "encryption-in-transit", "network-exposure"].includes(
          r.meta.topic,
        ) && r.enforcementLevel !== "mandatory",
    );
    expect(soft.map((r) => r.name)).to.deep.equal([]);
  });

  it("keeps policy/README.md generated from the current rules (npm run policy:docs)", () => {
    const readme = fs.readFileSync(POLICY_README, "utf8");
    expect(readme).to.equal(renderPolicyReadme());
    for (const rule of rules) expect(readme).to.include(`\`${rule.name}\``);
  });
});
