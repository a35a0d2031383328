import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { rules } from "../../policy/rules";

const ROOT = path.join(__dirname, "..", "..");
const SOURCES = path.join(ROOT, "policy", "rules");
const TESTS = path.join(__dirname, "rules");

/** `<service>/<file>` for every file one level down in `dir`. */
const filesIn = (dir: string) =>
  fs
    .readdirSync(dir)
    .flatMap((service) => fs.readdirSync(path.join(dir, service)).map((f) => `${service}/${f}`));

describe("policy rule tests: one file per rule, at the path mirroring its source", () => {
  const sources = filesIn(SOURCES);
  const tests = filesIn(TESTS);

  it("finds the rules and their tests", () => {
    expect(rules.length).to.be.greaterThan(100);
    expect(tests.length).to.equal(rules.length);
  });

  it("has test/policy/rules/<service>/<rule>.test.ts for every rule policy/rules.ts exports", () => {
    const missing = rules
      .map((rule) => {
        const source = sources.filter((s) => path.basename(s) === `${rule.name}.ts`);
        expect(source, `policy/rules/*/${rule.name}.ts`).to.have.length(1);
        return source[0].replace(/\.ts$/, ".test.ts");
      })
      .filter((test) => !tests.includes(test));
    expect(missing, "rules without a test file").to.deep.equal([]);
  });

  it("names in every test file a rule that exists, at the mirrored source path", () => {
    const names = new Set(rules.map((r) => r.name));
    const strays = tests.filter((test) => {
      const name = path.basename(test).replace(/\.test\.ts$/, "");
      return (
        !test.endsWith(".test.ts") ||
        !names.has(name) ||
        !sources.includes(test.replace(/\.test\.ts$/, ".ts"))
      );
    });
    expect(strays, "test files that mirror no rule").to.deep.equal([]);
  });

  it("makes every test file's suite the rule's own (describeRule or describeResourceRule)", () => {
    const foreign = tests.filter((test) => {
      const name = path.basename(test).replace(/\.test\.ts$/, "");
      const text = fs.readFileSync(path.join(TESTS, test), "utf8");
      return (
        !text.includes(`const RULE = "${name}";`) ||
        !/\bdescribe(Resource)?Rule\(\s*RULE\b/.test(text)
      );
    });
    expect(foreign, "test files whose suite is not the rule's own").to.deep.equal([]);
  });
});
