import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as start } from "../../../../offline/cli";
import { evaluatePlan } from "../../../../offline/policyGate";
import { STATEFUL_TYPES } from "../../../../policy/rules/stateful/aws-stateful-resource-enable-pulumi-protect";
import { every, plan } from "../../../helpers";
import { ruleNamed, violations } from "../../harness";
import { baseline, describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-stateful-resource-enable-pulumi-protect";
const fixture = (name: string, protect: boolean) => ({
  type: "aws:dynamodb/table:Table",
  name,
  props: baseline("aws:dynamodb/table:Table"),
  protect,
});
const short = (type: string) => type.split(":")[2];

describeResourceRule(
  RULE,
  {
    // Every stateful type, each flagged when registered without `protect`.
    violations: STATEFUL_TYPES.map((type) =>
      violates(type, `${short(type)} with protect off`, () => undefined, /Pulumi protect is off/, {
        protect: false,
      }),
    ),
    // ... and passed, unprotected, when the config names it in `unprotected`.
    passes: STATEFUL_TYPES.map((type) =>
      passes(type, `${short(type)} with protect off, named in unprotected`, () => undefined, {
        protect: false,
        name: "scratch",
        config: { unprotected: ["scratch"] },
      }),
    ),
  },
  () => {
    it("passes a protected table and names an unprotected one", async () => {
      expect(await violations(RULE, [fixture("carts", true)])).to.deep.equal([]);
      const found = await violations(RULE, [fixture("carts", false)]);
      expect(found.map((v) => [v.level, v.message])).to.deep.equal([
        [
          "mandatory",
          "carts: Pulumi protect is off: a pulumi up that replaces it, or pulumi destroy, would delete it",
        ],
      ]);
    });

    it("leaves only the resources named in `unprotected` unprotected", async () => {
      const found = await violations(RULE, [fixture("scratch", false), fixture("carts", false)], {
        unprotected: ["scratch"],
      });
      expect(found.map((v) => v.message.split(":")[0])).to.deep.equal(["carts"]);
    });

    it("ignores types that hold no state", async () => {
      const queue = { type: "aws:sqs/queue:Queue", name: "q", props: {}, protect: false };
      expect(await violations(RULE, [queue])).to.deep.equal([]);
    });

    describe("on the real stacks", () => {
      it("finds every stateful type deployed and protected in both stacks", async () => {
        for (const stack of ["prod-mumbai", "dr-singapore"]) {
          const p = await plan(stack);
          const stateful = p.resources.filter((r) => STATEFUL_TYPES.includes(r.type));
          // The primary's global cluster and tables; the standby's table replicas and replica keys.
          const kinds = stack === "prod-mumbai" ? 8 : 7;
          expect(new Set(stateful.map((r) => r.type)).size, stack).to.equal(kinds);
          expect(
            stateful.filter((r) => !r.protect).map((r) => r.name),
            stack,
          ).to.deep.equal([]);
          const gate = await evaluatePlan(p, [ruleNamed(RULE)]);
          expect(gate.violations, stack).to.deep.equal([]);
        }
      });

      it("blocks ecommerce:protect=false, unless the rule is made advisory for that stack", async () => {
        const p = await plan("prod-mumbai", ["prod-mumbai:ecommerce:protect=false"]);
        const blocked = await evaluatePlan(p, [ruleNamed(RULE)]);
        const cache = every(p, "aws:elasticache/replicationGroup:ReplicationGroup")[0];
        expect(blocked.mandatoryViolations.map((v) => v.urn)).to.include(cache.urn);
        expect(blocked.mandatoryViolations).to.have.length(
          p.resources.filter((r) => STATEFUL_TYPES.includes(r.type)).length,
        );
        // `pulumi up --policy-pack policy --policy-pack-config <file>` with this mapping.
        const advisory = await evaluatePlan(p, [ruleNamed(RULE)], { [RULE]: "advisory" });
        expect(advisory.mandatoryViolations).to.deep.equal([]);
        expect(advisory.violations).to.have.length(blocked.violations.length);
      });

      it("npm start: protect=false blocks, and passes with the rule advisory in --policy-config", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-plan-"));
        const config = path.join(dir, "policy-config.json");
        fs.writeFileSync(config, JSON.stringify({ [RULE]: "advisory" }));
        const run = async (extra: string[]) => {
          const lines: string[] = [];
          const args = [
            "--stack",
            "prod-mumbai",
            "--config",
            "prod-mumbai:ecommerce:protect=false",
          ];
          const code = await start([...args, "--out", dir, ...extra], (l) => lines.push(l));
          return { code, text: lines.join("\n") };
        };
        const blocked = await run([]);
        expect(blocked.code).to.equal(1);
        expect(blocked.text).to.match(
          new RegExp(`\\[mandatory\\] ${RULE}: data-cache: Pulumi protect is off`),
        );
        const advisory = await run(["--policy-config", config]);
        expect(advisory.code, advisory.text).to.equal(0);
        expect(advisory.text).to.match(
          new RegExp(`\\[advisory\\] ${RULE}: data-cache: Pulumi protect is off`),
        );
        const bad = path.join(dir, "bad.json");
        fs.writeFileSync(bad, "[]");
        const refused = await run(["--policy-config", bad]);
        expect(refused.code).to.equal(2);
        expect(refused.text).to.include(`--policy-config ${bad}: expected a JSON object`);
      });
    });
  },
);
