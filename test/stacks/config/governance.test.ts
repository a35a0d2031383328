import { expect } from "chai";
import { GOVERNANCE_DEFAULTS } from "../../../stacks/config/governance";
import { Raw, boundTests, parse, primaryRaw, problemsOf, standbyRaw, withKey } from "./fixtures";

const withGovernance = (base: Raw, governance: unknown): Raw => ({
  ...base,
  "ecommerce:governance": governance,
});

describe("stacks/config/governance (ecommerce:governance)", () => {
  it("defaults: every service on, a budget per stack on the project tag, anomalies from $100", () => {
    const primary = parse(primaryRaw);
    const standby = parse(standbyRaw);
    if (primary.role !== "primary" || standby.role !== "standby") throw new Error("roles");
    expect(primary.governance).to.deep.equal({
      config: "on",
      securityHub: "on",
      guardDuty: "on",
      macie: "on",
      accessAnalyzer: "on",
      cloudTrail: "on",
      trailLogRetentionDays: 365,
      costAnomaly: "on",
      anomalyThresholdUsd: 100,
      budget: {
        monthlyUsd: GOVERNANCE_DEFAULTS.budget.monthlyUsd.primary,
        actualPercent: 80,
        forecastPercent: 100,
        tag: { key: "project", value: "ecommerce-platform" },
      },
    });
    expect(standby.governance).to.deep.equal({
      config: "on",
      securityHub: "on",
      guardDuty: "on",
      macie: "on",
      accessAnalyzer: "on",
      budget: {
        monthlyUsd: GOVERNANCE_DEFAULTS.budget.monthlyUsd.standby,
        actualPercent: 80,
        forecastPercent: 100,
        tag: { key: "project", value: "ecommerce-platform" },
      },
    });
  });

  it("reads true | false | organization, in the string forms `pulumi config set --path` stores", () => {
    const cfg = parse(
      withGovernance(primaryRaw, {
        cloudTrail: "organization",
        config: "organization",
        securityHub: "true",
        guardDuty: false,
        macie: "false",
        accessAnalyzer: true,
        costAnomaly: "organization",
        budget: { monthlyUsd: "12000", actualPercent: 90 },
        trailLogRetentionDays: 731,
      }),
    );
    if (cfg.role !== "primary") throw new Error("role");
    expect(cfg.governance).to.deep.include({
      cloudTrail: "organization",
      config: "organization",
      securityHub: "on",
      guardDuty: "off",
      macie: "off",
      accessAnalyzer: "on",
      costAnomaly: "organization",
      trailLogRetentionDays: 731,
    });
    expect(cfg.governance.budget).to.deep.include({ monthlyUsd: 12000, actualPercent: 90 });
  });

  it("turns the budget off with false, and locks the trail bucket with objectLockDays", () => {
    const cfg = parse(withGovernance(primaryRaw, { budget: false, objectLockDays: 400 }));
    if (cfg.role !== "primary") throw new Error("role");
    expect(cfg.governance.budget).to.equal(undefined);
    expect(cfg.governance.objectLockDays).to.equal(400);
  });

  describe("bad input and impossible combinations name the key and what is accepted", () => {
    const cases: [string, Raw, RegExp][] = [
      [
        "not an object",
        withGovernance(primaryRaw, "all"),
        /^ecommerce:governance: must be an object with the keys config, securityHub/,
      ],
      [
        "unknown key",
        withGovernance(primaryRaw, { inspector: true }),
        /^ecommerce:governance.inspector: unknown key; accepted keys: /,
      ],
      [
        "a mode that is not a boolean or organization",
        withGovernance(primaryRaw, { guardDuty: "yes" }),
        /^ecommerce:governance.guardDuty: "yes" is not accepted; use true \| false \| organization/,
      ],
      [
        "Security Hub without any AWS Config recorder",
        withGovernance(primaryRaw, { config: false }),
        /^ecommerce:governance.securityHub: Security Hub evaluates its standards' controls through AWS Config rules, which need a recorder; set config to true or organization, or securityHub to false/,
      ],
      [
        "Object Lock without this stack's trail",
        withGovernance(primaryRaw, { cloudTrail: "organization", objectLockDays: 365 }),
        /^ecommerce:governance.objectLockDays: locks the trail bucket, which this stack creates only when cloudTrail is true/,
      ],
      [
        "Object Lock beyond ten years",
        withGovernance(primaryRaw, { objectLockDays: 5000 }),
        /^ecommerce:governance.objectLockDays: 5000 is not accepted; use an integer from 1 to 3650/,
      ],
      [
        "a trail on the standby",
        withGovernance(standbyRaw, { cloudTrail: true }),
        /^ecommerce:governance.cloudTrail: is for the primary only: its multi-Region trail already records this region/,
      ],
      [
        "anomaly detection on the standby",
        withGovernance(standbyRaw, { costAnomaly: true }),
        /^ecommerce:governance.costAnomaly: is for the primary only: Cost Anomaly Detection watches the whole account/,
      ],
      [
        "a trail log retention CloudWatch does not offer",
        withGovernance(primaryRaw, { trailLogRetentionDays: 100 }),
        /^ecommerce:governance.trailLogRetentionDays: 100 is not accepted; use a CloudWatch retention of at least 90 days/,
      ],
      [
        "a budget of nothing",
        withGovernance(primaryRaw, { budget: { monthlyUsd: 0 } }),
        /^ecommerce:governance.budget.monthlyUsd: 0 is not accepted; use an integer from 1 to 10000000 \(USD a month\)/,
      ],
      [
        "an unknown budget key",
        withGovernance(primaryRaw, { budget: { limit: 5 } }),
        /^ecommerce:governance.budget.limit: unknown key; accepted keys: monthlyUsd, actualPercent, forecastPercent, tagKey/,
      ],
      [
        "a budget on a tag the stacks do not carry",
        withGovernance(primaryRaw, { budget: { tagKey: "cost-center" } }),
        /^ecommerce:governance.budget: filters costs by the cost allocation tag "cost-center", which aws:defaultTags does not set/,
      ],
      [
        "a budget without default tags at all",
        withGovernance({ ...standbyRaw, "aws:defaultTags": undefined }, {}),
        /^ecommerce:governance.budget: filters costs by the cost allocation tag "project"/,
      ],
    ];
    for (const [title, raw, expected] of cases) {
      it(title, () => {
        const problems = problemsOf(raw);
        expect(
          problems.some((p) => expected.test(p)),
          problems.join("\n"),
        ).to.equal(true);
      });
    }
  });

  it("accepts Security Hub when an organization runs AWS Config, and no budget without tags", () => {
    const cfg = parse(
      withGovernance(
        { ...standbyRaw, "aws:defaultTags": undefined },
        { config: "organization", budget: false },
      ),
    );
    expect(cfg.governance).to.deep.include({ config: "organization", securityHub: "on" });
    expect(cfg.governance.budget).to.equal(undefined);
  });

  it("defaults: budgets of $6000 (primary) and $4500 (standby) a month", () => {
    for (const [raw, usd] of [
      [primaryRaw, 6000],
      [standbyRaw, 4500],
    ] as const) {
      expect(parse(raw).governance.budget?.monthlyUsd).to.equal(usd);
    }
  });

  describe("bounds, on both sides", () => {
    const percent = " (percent of the budget)";
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:governance.budget.monthlyUsd",
        min: 1,
        max: 10_000_000,
        read: (c) => c.governance.budget?.monthlyUsd,
        why: " (USD a month)",
      },
      {
        key: "ecommerce:governance.budget.actualPercent",
        min: 1,
        max: 1000,
        read: (c) => c.governance.budget?.actualPercent,
        why: percent,
      },
      {
        key: "ecommerce:governance.budget.forecastPercent",
        min: 1,
        max: 1000,
        read: (c) => c.governance.budget?.forecastPercent,
        why: percent,
      },
      {
        key: "ecommerce:governance.anomalyThresholdUsd",
        min: 1,
        max: 1_000_000,
        read: (c) => c.role === "primary" && c.governance.anomalyThresholdUsd,
        why: " (USD of total impact)",
      },
      {
        key: "ecommerce:governance.objectLockDays",
        min: 1,
        max: 3650,
        read: (c) => c.role === "primary" && c.governance.objectLockDays,
        why: " (days of compliance-mode retention)",
      },
    ]))
      it(title, run);

    it("accepts a trail log retention of 90 days, refuses 89", () => {
      const trail = (days: number) =>
        withKey(primaryRaw, "ecommerce:governance.trailLogRetentionDays", days);
      const cfg = parse(trail(90));
      expect(cfg.role === "primary" && cfg.governance.trailLogRetentionDays).to.equal(90);
      expect(problemsOf(trail(89))[0]).to.match(
        /^ecommerce:governance.trailLogRetentionDays: 89 is not accepted; use a CloudWatch retention of at least 90 days/,
      );
    });
  });
});
