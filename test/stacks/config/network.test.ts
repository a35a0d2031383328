import { expect } from "chai";
import { ConfigError, assertNoOverlapWithPrimary } from "../../../stacks/config";
import { LOG_RETENTION_DAYS } from "../../../stacks/config/readers";
import {
  Raw,
  boundTests,
  rejectTests,
  parse,
  primaryRaw,
  problemsOf,
  standbyRaw,
  withKey,
} from "./fixtures";

function withNetwork(base: Raw, network: Raw): Raw {
  return { ...base, "ecommerce:network": { ...(base["ecommerce:network"] as Raw), ...network } };
}

const sixZones = ["a", "b", "c", "d", "e", "f"];

describe("stacks/config/network (ecommerce:network)", () => {
  it("defaults: 3 AZs a, b and c, a NAT gateway per AZ, a year of flow logs", () => {
    expect(parse(primaryRaw).network).to.deep.equal({
      cidr: "10.10.0.0/16",
      azCount: 3,
      availabilityZones: ["ap-south-1a", "ap-south-1b", "ap-south-1c"],
      natGateways: "perAz",
      flowLogRetentionDays: 365,
    });
    // The standby's fixture sets no azCount: the default applies to it too.
    expect(parse(standbyRaw).network).to.deep.equal({
      cidr: "10.20.0.0/16",
      azCount: 3,
      availabilityZones: ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"],
      natGateways: "single",
      flowLogRetentionDays: 365,
    });
  });

  it("gives a resting standby a single NAT gateway and a drilled or failed-over one a NAT per AZ", () => {
    const resting = parse(standbyRaw);
    expect(resting.role === "standby" && resting.dr.mode).to.equal("standby");
    expect(resting.network.natGateways).to.equal("single");
    for (const mode of ["drill", "failover"]) {
      const serving = parse(withKey(standbyRaw, "ecommerce:dr.mode", mode));
      expect(serving.network.natGateways, mode).to.equal("perAz");
    }
    expect(parse(withNetwork(standbyRaw, { natGateways: "perAz" })).network.natGateways).to.equal(
      "perAz",
    );
    expect(parse(withNetwork(primaryRaw, { natGateways: "single" })).network.natGateways).to.equal(
      "single",
    );
  });

  it("uses the first azCount of a longer AZ list", () => {
    const cfg = parse(
      withNetwork(primaryRaw, {
        availabilityZones: ["ap-south-1c", "ap-south-1a", "ap-south-1b"],
        azCount: 3,
      }),
    );
    expect(cfg.network.availabilityZones).to.deep.equal([
      "ap-south-1c",
      "ap-south-1a",
      "ap-south-1b",
    ]);
  });

  describe("bounds, on both sides", () => {
    const zones = (region: string) => sixZones.map((z) => `${region}${z}`);
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:network.azCount",
        label: "primary",
        min: 3,
        max: 6,
        base: withNetwork(primaryRaw, { availabilityZones: zones("ap-south-1") }),
        read: (c) => c.network.azCount,
        why: " (the primary needs at least 3 AZs)",
      },
      {
        key: "ecommerce:network.azCount",
        label: "standby",
        min: 2,
        max: 6,
        base: withNetwork(standbyRaw, { availabilityZones: zones("ap-southeast-1") }),
        read: (c) => c.network.azCount,
      },
    ]))
      it(title, run);

    it("accepts CIDR prefixes /16 and /20, refuses /15 and /21", () => {
      for (const cidr of ["10.10.0.0/16", "10.10.0.0/20"]) {
        expect(parse(withNetwork(primaryRaw, { cidr })).network.cidr).to.equal(cidr);
      }
      for (const [cidr, prefix] of [
        ["10.10.0.0/15", 15],
        ["10.10.0.0/21", 21],
      ]) {
        expect(problemsOf(withNetwork(primaryRaw, { cidr }))).to.include(
          `ecommerce:network.cidr: "${cidr}" has prefix /${prefix}; accepted prefixes are /16 to /20`,
        );
      }
    });

    it("accepts flow-log retentions from 90 days to CloudWatch's longest, refuses the rest", () => {
      const accepted = LOG_RETENTION_DAYS.filter((d) => d >= 90);
      expect(accepted[0]).to.equal(90);
      expect(accepted[accepted.length - 1]).to.equal(3653);
      for (const days of [90, 3653]) {
        expect(
          parse(withNetwork(primaryRaw, { flowLogRetentionDays: days })).network
            .flowLogRetentionDays,
        ).to.equal(days);
      }
      for (const days of [89, 60, 3654]) {
        expect(problemsOf(withNetwork(primaryRaw, { flowLogRetentionDays: days }))[0]).to.match(
          new RegExp(
            `^ecommerce:network.flowLogRetentionDays: ${days} is not accepted; use a CloudWatch retention of at least 90 days: 90, `,
          ),
        );
      }
    });
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "bad CIDR",
        withNetwork(primaryRaw, { cidr: "10.10.0/16" }),
        /^ecommerce:network.cidr: "10.10.0\/16" is not a valid IPv4 CIDR/,
      ],
      [
        "CIDR with host bits",
        withNetwork(primaryRaw, { cidr: "10.10.1.0/16" }),
        /^ecommerce:network.cidr: "10.10.1.0\/16" is not a valid IPv4 CIDR; use a.b.c.d\/p with no host bits set/,
      ],
      [
        "prefix too large",
        withNetwork(primaryRaw, { cidr: "10.0.0.0/8" }),
        /^ecommerce:network.cidr: "10.0.0.0\/8" has prefix \/8; accepted prefixes are \/16 to \/20/,
      ],
      [
        "missing CIDR",
        { ...primaryRaw, "ecommerce:network": { azCount: 3 } },
        /^ecommerce:network.cidr: is required/,
      ],
      [
        "azCount above 6",
        withNetwork(primaryRaw, { azCount: 7 }),
        /^ecommerce:network.azCount: 7 is not accepted; use an integer from 3 to 6/,
      ],
      [
        "primary with 2 AZs",
        withNetwork(primaryRaw, { azCount: 2 }),
        /^ecommerce:network.azCount: 2 is not accepted; use an integer from 3 to 6 \(the primary needs at least 3 AZs\)/,
      ],
      [
        "standby with 1 AZ",
        withNetwork(standbyRaw, { azCount: 1 }),
        /^ecommerce:network.azCount: 1 is not accepted; use an integer from 2 to 6/,
      ],
      [
        "AZ outside the region",
        withNetwork(primaryRaw, {
          availabilityZones: ["ap-south-1a", "ap-southeast-1b", "ap-south-1c"],
        }),
        /^ecommerce:network.availabilityZones: ap-southeast-1b is not AZ names in ap-south-1/,
      ],
      [
        "fewer AZs than azCount",
        withNetwork(primaryRaw, { availabilityZones: ["ap-south-1a", "ap-south-1b"] }),
        /^ecommerce:network.availabilityZones: lists 2 AZs but azCount is 3/,
      ],
      [
        "four AZs without their names",
        withNetwork(primaryRaw, { azCount: 4 }),
        /^ecommerce:network.availabilityZones: is required when azCount is above 3: list 4 AZ names of ap-south-1/,
      ],
      [
        "unknown NAT mode",
        withNetwork(primaryRaw, { natGateways: "none" }),
        /^ecommerce:network.natGateways: "none" is not accepted; use one of perAz \| single/,
      ],
      [
        "flow-log retention CloudWatch rejects",
        withNetwork(primaryRaw, { flowLogRetentionDays: 100 }),
        /^ecommerce:network.flowLogRetentionDays: 100 is not accepted; use a CloudWatch retention of at least 90 days/,
      ],
      [
        "unknown network key",
        withNetwork(primaryRaw, { azcount: 3 }),
        /^ecommerce:network.azcount: unknown key; accepted keys: cidr, azCount/,
      ],
      [
        "network not an object",
        { ...primaryRaw, "ecommerce:network": "10.10.0.0/16" },
        /^ecommerce:network: must be an object with the keys cidr, azCount/,
      ],
      [
        "prefix too small",
        withNetwork(primaryRaw, { cidr: "10.10.0.0/24" }),
        /has prefix \/24; accepted prefixes are \/16 to \/20/,
      ],
      [
        "duplicate AZ",
        withNetwork(primaryRaw, {
          availabilityZones: ["ap-south-1a", "ap-south-1a", "ap-south-1b"],
        }),
        /lists an AZ twice/,
      ],
    ]))
      it(title, run);
  });

  describe("assertNoOverlapWithPrimary", () => {
    it("accepts disjoint VPCs", () => {
      expect(() => assertNoOverlapWithPrimary("10.20.0.0/16", "10.10.0.0/16")).not.to.throw();
    });

    it("rejects an overlapping standby VPC, naming the key", () => {
      expect(() => assertNoOverlapWithPrimary("10.10.128.0/17", "10.10.0.0/16")).to.throw(
        ConfigError,
        /ecommerce:network.cidr: 10.10.128.0\/17 overlaps the primary's VPC 10.10.0.0\/16/,
      );
    });
  });
});
