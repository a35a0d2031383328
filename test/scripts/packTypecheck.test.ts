import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts", "packTypecheck.mjs");

/** A pack that imports a package subpath its `exports` map does not publish. */
function packWithHiddenImport(tsconfig: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-pack-"));
  const pkg = path.join(dir, "node_modules", "fixture-pkg");
  fs.mkdirSync(pkg, { recursive: true });
  const files: Record<string, string> = {
    "package.json": JSON.stringify({ name: "fixture-pkg", exports: { ".": "./index.js" } }),
    "index.js": "exports.x = 1;",
    "index.d.ts": "export declare const x: number;",
    "hidden.js": "exports.y = 1;",
    "hidden.d.ts": "export declare const y: number;",
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(pkg, name), text);
  fs.writeFileSync(
    path.join(dir, "index.ts"),
    'import { y } from "fixture-pkg/hidden";\nexport const z: number = y;\n',
  );
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  return dir;
}

const check = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: "utf8" });

// Module resolution is what these packs exercise; the ES2020 library alone spares each run the
// default library's DOM declarations, half of its time.
const LIB = ["es2020"];

describe("scripts/packTypecheck.mjs: the pack compiled as the Pulumi CLI compiles it", () => {
  it("fails on an error only the CLI's nodenext resolution sees", () => {
    const result = check(
      packWithHiddenImport({ compilerOptions: { strict: true, types: [], lib: LIB } }),
    );
    expect(result.status).to.equal(1);
    expect(result.stdout).to.match(/TS2307: Cannot find module 'fixture-pkg\/hidden'/);
  });

  it("lets the pack's own tsconfig options win over the CLI's defaults, as the CLI does", () => {
    const own = {
      compilerOptions: { types: [], lib: LIB, module: "commonjs", moduleResolution: "node" },
    };
    const result = check(packWithHiddenImport(own));
    expect(result.stderr).to.equal("");
    expect(result.status).to.equal(0);
  });
});
