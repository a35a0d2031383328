/**
 * Starts the program the way the Pulumi CLI and the Node.js language host start it, so the offline
 * run cannot succeed where `pulumi up` would register nothing:
 *
 * - the CLI splits `Pulumi.yaml`'s `main` into a working directory and an entry (`getPwdMain` in
 *   pulumi/pulumi `pkg/engine`): a file's directory becomes `--pwd` and its base name the program,
 *   a directory becomes `--pwd` with the program `.`;
 * - `runtime.options.tsconfig` reaches the language host as `PULUMI_NODEJS_TSCONFIG_PATH`, read by
 *   `@pulumi/pulumi/cmd/run` relative to that working directory (it `chdir`s there first);
 * - `cmd/run` `require`s a CommonJS entry and uses `module.exports` as it is: called if it is a
 *   function, otherwise awaited as the stack's outputs. Only ES modules get `.default` unwrapped.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

export type Program = () => Promise<Record<string, unknown>>;

/** What the language host is handed for a project: `--pwd`, the program and the tsconfig. */
export interface EntryPoint {
  /** Absolute working directory (`--pwd`). */
  pwd: string;
  /** The program argument: a file name inside `pwd`, or `.` for the directory's package. */
  program: string;
  /** `runtime.options.tsconfig` as written (relative to `pwd`), if set. */
  tsconfig?: string;
}

interface ProjectFile {
  main?: unknown;
  runtime?: unknown;
}

function readProjectFile(projectDir: string): ProjectFile {
  const doc = yaml.load(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"));
  if (typeof doc !== "object" || doc === null) {
    throw new Error(`${path.join(projectDir, "Pulumi.yaml")} is not a YAML mapping`);
  }
  return doc as ProjectFile;
}

/** The language host's `--pwd` and program for `projectDir`, as the CLI derives them. */
export function entryPoint(projectDir: string): EntryPoint {
  const doc = readProjectFile(projectDir);
  const runtime = doc.runtime;
  const options =
    typeof runtime === "object" && runtime !== null
      ? ((runtime as { options?: Record<string, unknown> }).options ?? {})
      : {};
  const tsconfig = typeof options.tsconfig === "string" ? options.tsconfig : undefined;
  const root = path.resolve(projectDir);
  const main = typeof doc.main === "string" ? doc.main : "";
  if (main === "") return { pwd: root, program: ".", tsconfig };
  if (path.isAbsolute(main)) throw new Error("Pulumi.yaml: project 'main' must be a relative path");
  const resolved = path.resolve(root, main);
  if (!resolved.startsWith(root))
    throw new Error("Pulumi.yaml: project 'main' must be a subfolder");
  if (fs.statSync(resolved).isDirectory()) return { pwd: resolved, program: ".", tsconfig };
  return { pwd: path.dirname(resolved), program: path.basename(resolved), tsconfig };
}

/** The module `cmd/run` would `require` for this entry point. */
export function entryModule(entry: EntryPoint): string {
  return path.join(entry.pwd, entry.program === "." ? "" : entry.program);
}

/**
 * The program as `cmd/run` runs it: the entry module's `module.exports`, called when it is a
 * function and awaited either way. The module is required when the program first runs, inside
 * the stack, as `cmd/run` requires it inside `runInPulumiStack`.
 */
export function loadProgram(projectDir: string): Program {
  const file = entryModule(entryPoint(projectDir));
  return async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported: unknown = require(file);
    const result = exported instanceof Function ? exported() : exported;
    return (await result) as Record<string, unknown>;
  };
}
