import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts", "typecheckAndLint.mjs");

/** A project with its own tsconfig and a type-aware ESLint config, and the given sources. */
function project(sources: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecommerce-lint-"));
  const tseslint = pathToFileURL(require.resolve("typescript-eslint")).href;
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, types: [], lib: ["ES2022"] },
      include: ["src"],
    }),
  );
  fs.writeFileSync(
    path.join(dir, "eslint.config.mjs"),
    [
      `import tseslint from ${JSON.stringify(tseslint)};`,
      "export default tseslint.config(...tseslint.configs.recommended, {",
      '  files: ["**/*.ts"],',
      "  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },",
      '  rules: { "@typescript-eslint/no-floating-promises": "error" },',
      "});",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(dir, "src"));
  for (const [name, text] of Object.entries(sources)) {
    fs.writeFileSync(path.join(dir, "src", name), text);
  }
  return dir;
}

const run = (what: string, dir: string) =>
  spawnSync(process.execPath, [SCRIPT, what, dir], { encoding: "utf8" });

const FLOATING =
  "async function f(): Promise<number> {\n  return 1;\n}\nexport function g(): void {\n  f();\n}\n";

describe("scripts/typecheckAndLint.mjs: tsc's check and type-aware ESLint over one program", () => {
  it("reports a type error as tsc does, and fails", () => {
    const result = run("typecheck", project({ "a.ts": "export const n: string = 3;\n" }));
    expect(result.status).to.equal(1);
    expect(result.stdout).to.include("src/a.ts(1,14): error TS2322");
  });

  it("runs the type-aware rules on the shared program (a floating promise needs types to see)", () => {
    const result = run("lint", project({ "a.ts": FLOATING }));
    expect(result.status).to.equal(1);
    expect(result.stdout).to.match(/5:3\s+error\s+Promises must be awaited.*no-floating-promises/);
  });

  it("passes a clean project on both checks", () => {
    const result = run("both", project({ "a.ts": "export const n: number = 3;\n" }));
    expect(result.stdout).to.equal("");
    expect(result.status).to.equal(0);
  });

  it("refuses an unknown check, naming the ones it knows", () => {
    const result = run("format", project({ "a.ts": "export const n = 3;\n" }));
    expect(result.status).to.equal(2);
    expect(result.stderr).to.include('unknown check "format"; use typecheck, lint or both');
  });
});
