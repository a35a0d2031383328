import { expect } from "chai";
import { main } from "../../../offline/gameday/cli";

describe("offline/gameday/cli (npm run gameday)", () => {
  it("exits 0 when every invariant holds (Singapore lost: Mumbai keeps serving) and 1 on a broken one", async () => {
    const ok: string[] = [];
    expect(await main(["--scenario", "singapore-lost"], (l) => ok.push(l))).to.equal(0);
    expect(ok.join("\n")).to.match(
      /== Singapore lost .*==[\s\S]*Game day: 1 scenario\(s\), every invariant held at every step\./,
    );
    const broken: string[] = [];
    expect(await main(["--scenario", "lost-at-rest"], (l) => broken.push(l))).to.equal(1);
    expect(broken.join("\n")).to.match(
      /✗ no serving path depends on a lost Region: sign-in served from ap-southeast-1/,
    );
  });

  it("exits 2 naming the scenarios on an unknown one", async () => {
    const lines: string[] = [];
    expect(await main(["--scenario", "meteor"], (l) => lines.push(l))).to.equal(2);
    expect(lines.join("\n")).to.equal(
      "error: unknown scenario meteor; use lost-at-rest | lost-mid-drill | returns-after-failover | planned-switchover | singapore-lost",
    );
  });
});
