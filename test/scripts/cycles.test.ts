import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "../../scripts/cycles.mjs");

/** A tiny project: `components/a.ts` and `components/b.ts`, with the imports given. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-cycles-"));
  fs.mkdirSync(path.join(dir, "components"));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, "components", name), text);
  }
  return dir;
}

const check = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });

describe("scripts/cycles.mjs: import cycles fail npm test", () => {
  it("fails on a cycle made of type-only imports, naming both modules", () => {
    const result = check(
      project({
        "a.ts": 'import type { B } from "./b";\nexport interface A { b?: B }\n',
        "b.ts": 'import type { A } from "./a";\nexport interface B { a?: A }\n',
      }),
    );
    expect(result.status).to.equal(1);
    expect(result.stdout).to.match(/1\) components\/(a|b)\.ts -> components\/(b|a)\.ts\n/);
  });

  it("passes when the shared type has its own module", () => {
    const result = check(
      project({
        "types.ts": "export interface A { n: number }\n",
        "a.ts": 'import type { A } from "./types";\nexport const a: A = { n: 1 };\n',
        "b.ts":
          'import type { A } from "./types";\nimport { a } from "./a";\nexport const b: A = a;\n',
      }),
    );
    expect(result.status).to.equal(0);
    expect(result.stdout).to.include("no circular dependency");
  });
});
