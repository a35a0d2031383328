import { expect } from "chai";
import { ConfigError, assertReplicatedHere } from "../../../stacks/config";
import { Raw, boundTests, rejectTests, parse, primaryRaw, standbyRaw } from "./fixtures";

describe("stacks/config/dr (ecommerce:dr)", () => {
  it("defaults: no drill and no replica region on the primary; a resting standby with 3 operator minutes; no FIS", () => {
    const primary = parse(primaryRaw);
    expect(primary.role === "primary" && primary.dr).to.deep.equal({
      drill: false,
      replicaRegions: [],
    });
    expect(primary.fis).to.equal(false);
    const standby = parse(standbyRaw);
    expect(standby.role === "standby" && standby.dr).to.deep.equal({
      mode: "standby",
      operatorMinutes: 3,
      primaryStack: "organization/ecommerce-platform/prod-mumbai",
      // The Region switch plan: approval on, no alarm trigger.
      approval: true,
      autoFailover: false,
    });
    expect(standby.fis).to.equal(false);
  });

  it("reads every mode, the drill flag, replica regions and FIS", () => {
    for (const mode of ["standby", "drill", "failover"]) {
      const cfg = parse({
        ...standbyRaw,
        "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), mode, fis: "true" },
      });
      expect(cfg.role === "standby" && cfg.dr.mode).to.equal(mode);
      expect(cfg.fis).to.equal(true);
    }
    const primary = parse({
      ...primaryRaw,
      "ecommerce:dr": { drill: true, replicaRegions: ["ap-southeast-1"] },
    });
    expect(primary.role === "primary" && primary.dr).to.deep.equal({
      drill: true,
      replicaRegions: ["ap-southeast-1"],
    });
  });

  it("reads the Region switch settings on the standby, as booleans or --path strings", () => {
    const cfg = parse({
      ...standbyRaw,
      "ecommerce:dr": {
        ...(standbyRaw["ecommerce:dr"] as Raw),
        approval: "false",
        autoFailover: true,
      },
    });
    expect(cfg.role === "standby" && [cfg.dr.approval, cfg.dr.autoFailover]).to.deep.equal([
      false,
      true,
    ]);
  });

  describe("bounds, on both sides", () => {
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:dr.operatorMinutes",
        base: standbyRaw,
        min: 0,
        max: 120,
        read: (c) => c.role === "standby" && c.dr.operatorMinutes,
      },
    ]))
      it(title, run);
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "unknown DR mode",
        {
          ...standbyRaw,
          "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), mode: "active" },
        },
        /^ecommerce:dr.mode: "active" is not accepted; use one of standby \| drill \| failover/,
      ],
      [
        "standby without primaryStack",
        { ...standbyRaw, "ecommerce:dr": { mode: "standby" } },
        /^ecommerce:dr.primaryStack: is required for a standby/,
      ],
      [
        "primaryStack not fully qualified",
        { ...standbyRaw, "ecommerce:dr": { primaryStack: "prod-mumbai" } },
        /^ecommerce:dr.primaryStack: "prod-mumbai" is not accepted; use org\/project\/stack/,
      ],
      [
        "primary with a mode",
        { ...primaryRaw, "ecommerce:dr": { mode: "failover" } },
        /^ecommerce:dr.mode: is for the standby only/,
      ],
      [
        "standby with the drill flag",
        { ...standbyRaw, "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), drill: true } },
        /^ecommerce:dr.drill: is for the primary only; on the standby use ecommerce:dr.mode/,
      ],
      [
        "non-boolean drill",
        { ...primaryRaw, "ecommerce:dr": { drill: "yes" } },
        /^ecommerce:dr.drill: "yes" is not accepted; use true \| false/,
      ],
      [
        "replica regions on the standby",
        {
          ...standbyRaw,
          "ecommerce:dr": {
            ...(standbyRaw["ecommerce:dr"] as Raw),
            replicaRegions: ["ap-south-1"],
          },
        },
        /^ecommerce:dr.replicaRegions: is for the primary only/,
      ],
      [
        "replica region equal to its own",
        { ...primaryRaw, "ecommerce:dr": { replicaRegions: ["ap-south-1"] } },
        /^ecommerce:dr.replicaRegions: \["ap-south-1"\] is not accepted; use a list of other AWS regions/,
      ],
      [
        "approval that is not a boolean",
        {
          ...standbyRaw,
          "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), approval: "yes" },
        },
        /^ecommerce:dr.approval: "yes" is not accepted; use true \| false/,
      ],
      [
        "autoFailover that is not a boolean",
        {
          ...standbyRaw,
          "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), autoFailover: 1 },
        },
        /^ecommerce:dr.autoFailover: 1 is not accepted; use true \| false/,
      ],
      [
        "approval on the primary",
        { ...primaryRaw, "ecommerce:dr": { approval: true } },
        /^ecommerce:dr.approval: is for the standby only: the Region switch plan lives in the standby stack/,
      ],
      [
        "autoFailover on the primary",
        { ...primaryRaw, "ecommerce:dr": { autoFailover: false } },
        /^ecommerce:dr.autoFailover: is for the standby only/,
      ],
      [
        "operator estimate on the primary",
        { ...primaryRaw, "ecommerce:dr": { operatorMinutes: 5 } },
        /^ecommerce:dr.operatorMinutes: is for the standby only/,
      ],
    ]))
      it(title, run);
  });

  describe("assertReplicatedHere", () => {
    it("accepts a standby region the primary replicates to, rejects one it does not", () => {
      expect(() => assertReplicatedHere("ap-southeast-1", ["ap-southeast-1"])).not.to.throw();
      expect(() => assertReplicatedHere("ap-southeast-1", [])).to.throw(
        ConfigError,
        /ecommerce:dr.replicaRegions \(on the primary stack\): \[\] does not include ap-southeast-1/,
      );
    });
  });
});
