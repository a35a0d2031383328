import { expect } from "chai";
import { Problems } from "../../stacks/configReaders";
import { SWITCH_DEFAULTS, parseSwitch } from "../../stacks/switchConfig";
import { parse, primaryRaw, problemsOf, standbyRaw } from "./configFixtures";

const withDr = (dr: Record<string, unknown>) => ({
  ...standbyRaw,
  "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as object), ...dr },
});

describe("stacks/switchConfig: ecommerce:dr.approval and ecommerce:dr.autoFailover", () => {
  it("defaults to approval on and no alarm trigger", () => {
    const cfg = parse(standbyRaw);
    if (cfg.role !== "standby") throw new Error("expected the standby");
    expect({ approval: cfg.dr.approval, autoFailover: cfg.dr.autoFailover }).to.deep.equal({
      approval: true,
      autoFailover: false,
    });
    expect(SWITCH_DEFAULTS).to.deep.equal({ approval: true, autoFailover: false });
  });

  it("reads both as booleans or the strings pulumi config set --path stores", () => {
    const cfg = parse(withDr({ approval: "false", autoFailover: true }));
    if (cfg.role !== "standby") throw new Error("expected the standby");
    expect([cfg.dr.approval, cfg.dr.autoFailover]).to.deep.equal([false, true]);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    [
      "approval that is not a boolean",
      withDr({ approval: "yes" }),
      /^ecommerce:dr.approval: "yes" is not accepted; use true \| false$/,
    ],
    [
      "autoFailover that is not a boolean",
      withDr({ autoFailover: 1 }),
      /^ecommerce:dr.autoFailover: 1 is not accepted; use true \| false$/,
    ],
    [
      "approval on the primary",
      { ...primaryRaw, "ecommerce:dr": { approval: true } },
      /^ecommerce:dr.approval: is for the standby only: the Region switch plan lives in the standby stack$/,
    ],
    [
      "autoFailover on the primary",
      { ...primaryRaw, "ecommerce:dr": { autoFailover: false } },
      /^ecommerce:dr.autoFailover: is for the standby only/,
    ],
    [
      "a misspelled key",
      withDr({ autoFailOver: true }),
      /^ecommerce:dr.autoFailOver: unknown key; accepted keys: .*approval, autoFailover$/,
    ],
  ];
  for (const [title, raw, message] of bad) {
    it(`rejects ${title} before any resource registers`, () => {
      const problems = problemsOf(raw);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(message);
    });
  }

  it("parseSwitch leaves the defaults when the keys are absent and reports nothing", () => {
    const problems = new Problems();
    expect(parseSwitch({}, "standby", problems)).to.deep.equal(SWITCH_DEFAULTS);
    expect(problems.list).to.deep.equal([]);
  });
});
