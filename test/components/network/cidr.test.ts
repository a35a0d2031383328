import { expect } from "chai";
import {
  MAX_AZS,
  contains,
  formatCidr,
  overlaps,
  parseCidr,
  planSubnets,
  subdivide,
  tryParseCidr,
} from "../../../components/network/cidr";

describe("components/network/cidr", () => {
  describe("parsing", () => {
    const valid: [string, number, number][] = [
      ["10.10.0.0/16", 0x0a0a0000, 16],
      ["10.20.0.0/16", 0x0a140000, 16],
      ["172.16.16.0/20", 0xac101000, 20],
      ["0.0.0.0/0", 0, 0],
    ];
    for (const [text, base, prefix] of valid) {
      it(`parses ${text}`, () => {
        expect(parseCidr(text)).to.deep.equal({ base, prefix });
        expect(formatCidr(parseCidr(text))).to.equal(text);
      });
    }
    for (const bad of [
      "10.10.0.0",
      "10.10.0.0/33",
      "256.1.1.1/16",
      "10.10.1.0/16",
      "ten.0.0.0/8",
      "",
    ]) {
      it(`rejects ${JSON.stringify(bad)}`, () => {
        expect(tryParseCidr(bad)).to.equal(undefined);
        expect(() => parseCidr(bad)).to.throw(/not a canonical IPv4 CIDR/);
      });
    }
  });

  describe("arithmetic", () => {
    it("subdivides into consecutive blocks", () => {
      const vpc = parseCidr("10.10.0.0/16");
      expect(formatCidr(subdivide(vpc, 19, 0))).to.equal("10.10.0.0/19");
      expect(formatCidr(subdivide(vpc, 19, 7))).to.equal("10.10.224.0/19");
      expect(() => subdivide(vpc, 19, 8)).to.throw(/outside the 8 \/19 blocks/);
      expect(() => subdivide(vpc, 15, 0)).to.throw(/cannot carve/);
    });

    it("detects containment and overlap", () => {
      expect(contains(parseCidr("10.10.0.0/16"), parseCidr("10.10.224.0/22"))).to.equal(true);
      expect(contains(parseCidr("10.10.0.0/16"), parseCidr("10.11.0.0/22"))).to.equal(false);
      expect(overlaps(parseCidr("10.10.0.0/16"), parseCidr("10.10.128.0/17"))).to.equal(true);
      expect(overlaps(parseCidr("10.10.0.0/16"), parseCidr("10.20.0.0/16"))).to.equal(false);
      expect(overlaps(parseCidr("10.0.0.0/8"), parseCidr("10.20.0.0/16"))).to.equal(true);
    });
  });

  describe("planSubnets", () => {
    it("lays out a /16 with 3 AZs as documented", () => {
      const plan = planSubnets("10.10.0.0/16", 3);
      const byTier = (tier: string) => plan.filter((s) => s.tier === tier).map((s) => s.cidr);
      expect(byTier("private")).to.deep.equal(["10.10.0.0/19", "10.10.32.0/19", "10.10.64.0/19"]);
      expect(byTier("public")).to.deep.equal([
        "10.10.192.0/22",
        "10.10.196.0/22",
        "10.10.200.0/22",
      ]);
      expect(byTier("data")).to.deep.equal(["10.10.224.0/22", "10.10.228.0/22", "10.10.232.0/22"]);
    });

    it("lays out the smallest accepted VPC (/20) with subnets of at least /26", () => {
      const plan = planSubnets("10.30.16.0/20", 6);
      expect(plan).to.have.length(18);
      for (const s of plan) {
        expect(parseCidr(s.cidr).prefix).to.be.at.most(26);
      }
    });

    // Property tests over every accepted VPC size and AZ count, on several base addresses.
    const bases = ["10.0.0.0", "10.20.0.0", "172.16.0.0", "192.168.0.0"];
    for (let prefix = 16; prefix <= 20; prefix++) {
      for (const base of bases) {
        const vpcText = `${base}/${prefix}`;

        it(`${vpcText}: every subnet inside the VPC, none overlap, stable as azCount grows`, () => {
          const vpc = parseCidr(vpcText);
          for (let azCount = 1; azCount <= MAX_AZS; azCount++) {
            const plan = planSubnets(vpcText, azCount);
            expect(plan).to.have.length(azCount * 3);
            const cidrs = plan.map((s) => parseCidr(s.cidr));
            cidrs.forEach((c) => expect(contains(vpc, c), formatCidr(c)).to.equal(true));
            for (let i = 0; i < cidrs.length; i++) {
              for (let j = i + 1; j < cidrs.length; j++) {
                expect(overlaps(cidrs[i], cidrs[j]), `${plan[i].cidr} vs ${plan[j].cidr}`).to.equal(
                  false,
                );
              }
            }
            if (azCount > 1) {
              // Growing from azCount-1 to azCount only adds subnets; none move.
              expect(plan).to.deep.include.members(planSubnets(vpcText, azCount - 1));
            }
          }
        });
      }
    }

    it("refuses VPC sizes and AZ counts outside the supported range", () => {
      expect(() => planSubnets("10.0.0.0/15", 3)).to.throw(/outside \/16–\/20/);
      expect(() => planSubnets("10.0.0.0/21", 3)).to.throw(/outside \/16–\/20/);
      expect(() => planSubnets("10.0.0.0/16", 7)).to.throw(/azCount 7 is outside 1–6/);
    });
  });
});
