/**
 * The shape of every rule's test file (test/policy/rules/<service>/<rule>.test.ts): a suite named
 * after the rule that must both pass and flag something, and for resource rules a table of cases
 * over the compliant baselines (fixtures/), one field mutated per case.
 */
/* eslint-disable mocha/no-exports -- the helpers build the suites of the per-rule test files */
import { expect } from "chai";
import { ruleNamed, clone, passedRules, res, violatedRules, violations } from "./harness";
import { BASELINE } from "./fixtures";

export type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a case may set besides the mutation: rule config, resource name, Pulumi `protect`. */
export interface CaseOptions {
  config?: object;
  /** The resource's name (`fixture` unless a case names it). */
  name?: string;
  /** The resource's Pulumi `protect` (fixtures are protected unless a case says otherwise). */
  protect?: boolean;
}

/** One case: the resource type, the single field changed, and for a violation the message. */
export interface Case extends CaseOptions {
  type: string;
  title: string;
  mutate: (p: Props) => void;
  expect?: RegExp;
}

/** A violating case: the baseline of `type` with `mutate` applied is flagged with `expectation`. */
export const violates = (
  type: string,
  title: string,
  mutate: (p: Props) => void,
  expectation: RegExp,
  options: CaseOptions = {},
): Case => ({ type, title, mutate, expect: expectation, ...options });

/** A passing case beyond the baseline: an allowed shape, an exemption, a preview unknown. */
export const passes = (
  type: string,
  title: string,
  mutate: (p: Props) => void,
  options: CaseOptions = {},
): Case => ({ type, title, mutate, ...options });

/** A preview's placeholder for a value another resource computes (see policy/lib/known.ts). */
export const UNKNOWN = "[unknown]";

/** The baseline of `type`, copied, with `patch` applied. */
export function baseline(type: string, patch: (p: Props) => void = () => undefined): Props {
  expect(BASELINE, `no baseline fixture for ${type}`).to.have.property(type);
  const props = clone(BASELINE[type]) as Props;
  patch(props);
  return props;
}

/** The messages a rule reports over some fixture resources. */
export async function messages(
  rule: string,
  resources: Parameters<typeof violations>[1],
  config?: object,
): Promise<string[]> {
  return (await violations(rule, resources, config)).map((v) => v.message);
}

async function run(rule: string, k: Case) {
  const fixture = {
    ...res(k.type, k.name ?? "fixture", baseline(k.type, k.mutate)),
    protect: k.protect,
  };
  return violations(rule, [fixture], k.config);
}

/**
 * A rule's suite: `body` declares its cases; a last check asserts the file made the rule both pass
 * and flag something (mocha runs a suite's own tests before its nested suites).
 */
export function describeRule(rule: string, body: () => void): void {
  describe(rule, () => {
    expect(ruleNamed(rule).name).to.equal(rule);
    body();
    describe("coverage", () => {
      it("passed a compliant case and flagged a violating one", () => {
        expect(passedRules.has(rule), "no passing case").to.equal(true);
        expect(violatedRules.has(rule), "no violating case").to.equal(true);
      });
    });
  });
}

export interface ResourceRuleSpec {
  violations: Case[];
  passes?: Case[];
  /**
   * Types without a violating case of their own, each with the covered type that shares its code
   * path (same props, same branch).
   */
  sameAs?: Record<string, string>;
}

/**
 * A resource rule's suite: the compliant baseline of every type it checks passes; each passing
 * case passes; each violating case is flagged with its message, on that resource; every type the
 * rule checks has a violating case (or shares one through `sameAs`). `more` adds free-form cases.
 */
export function describeResourceRule(
  rule: string,
  spec: ResourceRuleSpec,
  more: () => void = () => undefined,
): void {
  describeRule(rule, () => {
    const { meta } = ruleNamed(rule);
    for (const type of meta.types) {
      it(`passes the compliant baseline of ${type}`, async () => {
        expect(await violations(rule, [res(type, "fixture", baseline(type))])).to.deep.equal([]);
      });
    }
    for (const k of spec.passes ?? []) {
      it(`passes ${k.title}`, async () => {
        expect(meta.types).to.include(k.type);
        expect(await run(rule, k)).to.deep.equal([]);
      });
    }
    for (const k of spec.violations) {
      it(`flags ${k.title}`, async () => {
        expect(meta.types).to.include(k.type);
        const found = await run(rule, k);
        const name = k.name ?? "fixture";
        expect(found.length, "violations").to.be.greaterThan(0);
        expect(found.map((v) => v.message).join("\n")).to.match(k.expect as RegExp);
        expect(found.every((v) => v.message.startsWith(`${name}: `))).to.equal(true);
      });
    }
    more();
    it("has a violating case for every type it checks", () => {
      const covered = new Set(spec.violations.map((k) => k.type));
      const sameAs = spec.sameAs ?? {};
      const missing = meta.types.filter((t) => !covered.has(t) && !covered.has(sameAs[t]));
      expect(missing).to.deep.equal([]);
    });
  });
}
