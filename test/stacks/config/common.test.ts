import { expect } from "chai";
import { ECOMMERCE_KEYS } from "../../../stacks/config";
import { nearest } from "../../../stacks/config/readers";
import { Raw, rejectTests, parse, primaryRaw, problemsOf, standbyRaw } from "./fixtures";

function withNetwork(base: Raw, network: Raw): Raw {
  return { ...base, "ecommerce:network": { ...(base["ecommerce:network"] as Raw), ...network } };
}

describe("stacks/config (region, role, protect, unknown keys)", () => {
  describe("unknown ecommerce: keys", () => {
    it("names a misspelled section and the nearest known key", () => {
      expect(
        problemsOf({ ...primaryRaw, "ecommerce:netwrok": { cidr: "10.30.0.0/16" } }),
      ).to.deep.equal([
        "ecommerce:netwrok: is not a key of this program; did you mean ecommerce:network? The ecommerce: keys are role, protect, network, data, cluster, mesh, services, edge, dr, observability, governance, identity",
      ]);
    });

    it("names a key with no near neighbour without guessing", () => {
      const [problem] = problemsOf({ ...standbyRaw, "ecommerce:typo": "1" });
      expect(problem).to.match(
        /^ecommerce:typo: is not a key of this program\. The ecommerce: keys are role, /,
      );
      expect(problem).to.not.include("did you mean");
    });

    it("leaves other namespaces and every known key alone", () => {
      expect(() =>
        parse({
          ...primaryRaw,
          "aws:defaultTags": { tags: { project: "ecommerce-platform" } },
          "ecommerce:protect": "true",
        }),
      ).to.not.throw();
    });

    it("suggests within a small edit distance only", () => {
      const names = ECOMMERCE_KEYS.map((k) => k.slice("ecommerce:".length));
      expect(nearest("servces", names)).to.equal("services");
      expect(nearest("Data", names)).to.equal("data");
      expect(nearest("netwrok", names)).to.equal("network");
      expect(nearest("typo", names)).to.equal(undefined);
      expect(nearest("xyz", names)).to.equal(undefined);
    });
  });

  describe("valid configs", () => {
    it("reads the region and role, and protects stateful resources by default", () => {
      const primary = parse(primaryRaw);
      expect([primary.role, primary.region, primary.protect]).to.deep.equal([
        "primary",
        "ap-south-1",
        true,
      ]);
      const standby = parse(standbyRaw);
      expect([standby.role, standby.region, standby.protect]).to.deep.equal([
        "standby",
        "ap-southeast-1",
        true,
      ]);
    });

    it("accepts the string forms `pulumi config set --path` stores", () => {
      const cfg = parse({
        ...withNetwork(primaryRaw, {
          azCount: "4",
          availabilityZones: ["ap-south-1a", "ap-south-1b", "ap-south-1c", "ap-south-1d"],
        }),
        "ecommerce:protect": "false",
        "ecommerce:dr": { drill: "true" },
      });
      expect(cfg.network.azCount).to.equal(4);
      expect(cfg.protect).to.equal(false);
      expect(cfg.role === "primary" && cfg.dr.drill).to.equal(true);
    });
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "missing aws:region",
        { ...primaryRaw, "aws:region": undefined },
        /^aws:region: is required; set the stack's AWS region/,
      ],
      [
        "malformed aws:region",
        { ...primaryRaw, "aws:region": "mumbai" },
        /^aws:region: "mumbai" is not an AWS region name/,
      ],
      [
        "unknown role",
        { ...primaryRaw, "ecommerce:role": "secondary" },
        /^ecommerce:role: "secondary" is not accepted; use one of primary \| standby/,
      ],
      [
        "missing role",
        { ...primaryRaw, "ecommerce:role": undefined },
        /^ecommerce:role: is required; use one of primary \| standby/,
      ],
      [
        "non-boolean protect",
        { ...primaryRaw, "ecommerce:protect": "maybe" },
        /^ecommerce:protect: "maybe" is not accepted; use true \| false/,
      ],
    ]))
      it(title, run);

    it("reports every problem at once", () => {
      const problems = problemsOf({
        ...withNetwork(primaryRaw, { azCount: 9, natGateways: "x" }),
        "ecommerce:role": "primary",
        "ecommerce:protect": "no",
      });
      expect(problems).to.have.length(3);
      expect(
        (() => {
          try {
            parse({});
          } catch (e) {
            return (e as Error).message;
          }
          return "";
        })(),
      ).to.match(/^Invalid stack configuration:\n  - aws:region/);
    });
  });
});
