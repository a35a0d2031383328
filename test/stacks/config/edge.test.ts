import { expect } from "chai";
import { boundTests, rejectTests, parse, primaryRaw, standbyRaw } from "./fixtures";

describe("stacks/config/edge (ecommerce:edge)", () => {
  it("defaults: a 10 s health check failing after 3 misses on /healthz, 60 s records, 1000/500 throttling, no accelerator", () => {
    // The fixtures set no healthCheck, TTL or throttling: these are the parser's defaults.
    expect(parse(primaryRaw).edge).to.deep.equal({
      domain: "shop.example.com",
      zoneId: undefined,
      throttling: { rateLimit: 1000, burstLimit: 500 },
      globalAccelerator: false,
      healthCheck: { intervalSeconds: 10, failureThreshold: 3, path: "/healthz" },
      recordTtlSeconds: 60,
    });
    expect(parse(standbyRaw).edge).to.deep.equal({
      domain: undefined,
      zoneId: undefined,
      throttling: { rateLimit: 1000, burstLimit: 500 },
      globalAccelerator: false,
      healthCheck: { intervalSeconds: 10, failureThreshold: 3, path: "/healthz" },
      recordTtlSeconds: 60,
    });
  });

  it("accepts both intervals Route 53 offers", () => {
    for (const interval of [10, 30]) {
      const cfg = parse({
        ...primaryRaw,
        "ecommerce:edge": {
          domain: "shop.example.com",
          healthCheck: { intervalSeconds: interval },
        },
      });
      expect(cfg.edge.healthCheck.intervalSeconds).to.equal(interval);
    }
  });

  describe("bounds, on both sides", () => {
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:edge.healthCheck.failureThreshold",
        min: 1,
        max: 10,
        read: (c) => c.edge.healthCheck.failureThreshold,
      },
      {
        key: "ecommerce:edge.recordTtlSeconds",
        min: 1,
        max: 60,
        read: (c) => c.edge.recordTtlSeconds,
        why: " (a failover record's TTL bounds how fast clients move)",
      },
      {
        key: "ecommerce:edge.throttling.rateLimit",
        min: 1,
        max: 100000,
        read: (c) => c.edge.throttling.rateLimit,
      },
      {
        key: "ecommerce:edge.throttling.burstLimit",
        min: 1,
        max: 100000,
        read: (c) => c.edge.throttling.burstLimit,
      },
    ]))
      it(title, run);
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "health-check interval Route 53 does not offer",
        { ...primaryRaw, "ecommerce:edge": { healthCheck: { intervalSeconds: 20 } } },
        /^ecommerce:edge.healthCheck.intervalSeconds: 20 is not accepted; Route 53 checks every 10 or 30 seconds/,
      ],
      [
        "failover record TTL above 60",
        { ...primaryRaw, "ecommerce:edge": { recordTtlSeconds: 300 } },
        /^ecommerce:edge.recordTtlSeconds: 300 is not accepted; use an integer from 1 to 60 \(a failover record's TTL bounds how fast clients move\)/,
      ],
      [
        "domain that is not a DNS name",
        { ...primaryRaw, "ecommerce:edge": { domain: "Shop Example" } },
        /^ecommerce:edge.domain: "Shop Example" is not accepted; use a lower-case DNS name/,
      ],
      [
        "primary without a domain",
        { ...primaryRaw, "ecommerce:edge": {} },
        /^ecommerce:edge.domain: is required on the primary; use the shop's DNS name/,
      ],
      [
        "domain on the standby",
        { ...standbyRaw, "ecommerce:edge": { domain: "shop.example.com" } },
        /^ecommerce:edge.domain: is set on the primary only; the standby reads it through the StackReference/,
      ],
      [
        "hosted zone id format",
        { ...primaryRaw, "ecommerce:edge": { domain: "shop.example.com", zoneId: "zone-1" } },
        /^ecommerce:edge.zoneId: "zone-1" is not accepted; use a Route 53 hosted zone id/,
      ],
    ]))
      it(title, run);
  });
});
