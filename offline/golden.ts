/**
 * The digests of everything `npm start` writes, for each DR posture the stacks can be in: a change
 * meant to be invisible (a faster engine, a refactor) shows that it left every plan and picture
 * byte-for-byte as it was by leaving these unchanged. `npm run golden` records them in `test/offline/golden.json`;
 * `test/offline/golden.test.ts` fails when a run no longer matches, so a change that does alter the
 * plans says so in its diff (the digests change with it).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "./cli";
import { DRILLS } from "./cli";

export const GOLDEN_FILE = path.resolve(__dirname, "..", "test", "offline", "golden.json");

/** Each posture's overrides: the stacks at rest, drilling, and failed over. */
export const POSTURES: Record<string, string[]> = {
  rest: [],
  drill: DRILLS.drill("prod-mumbai", "dr-singapore"),
  failover: DRILLS.failover("prod-mumbai", "dr-singapore"),
};

export type Digests = Record<string, Record<string, string>>;

/** Runs `npm start` for every posture and returns the sha256 of each file it wrote. */
export async function currentDigests(): Promise<Digests> {
  const digests: Digests = {};
  for (const [posture, overrides] of Object.entries(POSTURES)) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `ecommerce-golden-${posture}-`));
    try {
      const lines: string[] = [];
      const args = [...overrides.flatMap((o) => ["--config", o]), "--out", out];
      const code = await main(args, (l) => lines.push(l));
      if (code !== 0)
        throw new Error(`npm start (${posture}) exited ${code}:\n${lines.join("\n")}`);
      digests[posture] = Object.fromEntries(
        fs
          .readdirSync(out)
          .sort()
          .map((f) => [
            f,
            createHash("sha256")
              .update(fs.readFileSync(path.join(out, f)))
              .digest("hex"),
          ]),
      );
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
  return digests;
}
