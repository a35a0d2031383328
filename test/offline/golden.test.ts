import { expect } from "chai";
import * as fs from "fs";
import { Digests, GOLDEN_FILE, POSTURES, currentDigests } from "../../offline/golden";

describe("offline/golden: npm start writes the recorded plans and pictures, byte for byte", () => {
  const recorded = JSON.parse(fs.readFileSync(GOLDEN_FILE, "utf8")) as Digests;

  it("records every posture, each with both plans and both pictures", () => {
    expect(Object.keys(recorded)).to.deep.equal(Object.keys(POSTURES));
    for (const files of Object.values(recorded)) {
      expect(Object.keys(files)).to.deep.equal([
        "architecture.svg",
        "dr-singapore.json",
        "prod-mumbai.json",
        "request-path.svg",
      ]);
    }
  });

  it("writes exactly the recorded files at rest, in a drill and failed over (npm run golden records a change meant to alter them)", async () => {
    expect(await currentDigests()).to.deep.equal(recorded);
  });
});
