// `npm run golden`: records the digests of every file `npm start` writes, for each DR posture
// (offline/golden.ts), after a change that is meant to alter the plans or pictures.
import * as fs from "fs";
import { GOLDEN_FILE, currentDigests } from "../offline/golden";

currentDigests().then(
  (digests) => {
    fs.writeFileSync(GOLDEN_FILE, `${JSON.stringify(digests, null, 2)}\n`);
    console.log(`wrote ${GOLDEN_FILE}`);
  },
  (err: Error) => {
    console.error(err.message);
    process.exitCode = 1;
  },
);
