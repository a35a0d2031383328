import { expect } from "chai";
import { EXEMPT, UNCOVERED } from "../../policy/coverage";
import { rules } from "../../policy/rules";
import { plan } from "../helpers";
import { WITH_DRILLS } from "../iam/planDocuments";

/**
 * The primary's own Cognito pool instead of the stack files' external OIDC provider (with the
 * standby in failover: the run the identity and serving-path tests use too).
 */
const WITH_COGNITO = [
  "prod-mumbai:ecommerce:identity={provider: cognito}",
  "dr-singapore:ecommerce:dr.mode=failover",
];

/** Every type either stack deploys: by default, with the FIS drills on, and with a Cognito pool. */
async function deployedTypes(): Promise<Set<string>> {
  const types = new Set<string>();
  for (const overrides of [[], WITH_DRILLS, WITH_COGNITO]) {
    for (const stack of ["prod-mumbai", "dr-singapore"]) {
      for (const r of (await plan(stack, overrides)).resources) types.add(r.type);
    }
  }
  return types;
}

describe("policy pack coverage of the deployed resource types", () => {
  const covered = new Set(rules.flatMap((r) => r.meta.types));

  it("names every deployed type in a rule, or lists it as exempt or uncovered with a reason", async () => {
    const deployed = await deployedTypes();
    expect(deployed.size).to.be.greaterThan(100);
    const unaccounted = [...deployed].filter((t) => !covered.has(t) && !EXEMPT[t] && !UNCOVERED[t]);
    expect(unaccounted, "deployed types no rule names and no list explains").to.deep.equal([]);
    // Stale entries: listed but covered by a rule, or no longer deployed.
    for (const list of [EXEMPT, UNCOVERED]) {
      for (const t of Object.keys(list)) {
        expect(covered.has(t), `${t} is covered by a rule`).to.equal(false);
        expect(deployed.has(t), `${t} is not deployed`).to.equal(true);
        expect(list[t].length, `${t} needs a reason`).to.be.greaterThan(10);
      }
    }
    const ruled = [...deployed].filter((t) => covered.has(t)).length;
    // Rules name 84 of the 144 deployed types (63 of 120 before the pack-coverage rules): no
    // regression.
    expect(ruled).to.be.at.least(84);
    expect(ruled + Object.keys(EXEMPT).length + Object.keys(UNCOVERED).length).to.equal(
      deployed.size,
    );
  });

  it("lists no type as both exempt and uncovered", () => {
    expect(Object.keys(EXEMPT).filter((t) => UNCOVERED[t])).to.deep.equal([]);
  });
});
