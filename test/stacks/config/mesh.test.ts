import { expect } from "chai";
import { boundTests, rejectTests, parse, primaryRaw, standbyRaw } from "./fixtures";

describe("stacks/config/mesh (ecommerce:mesh)", () => {
  it("defaults: the edge's hosts, traces to otel-collector on 4317, the edge's Cognito pool", () => {
    for (const raw of [primaryRaw, standbyRaw]) {
      expect(parse(raw).mesh).to.deep.equal({
        hosts: undefined,
        tracing: { service: "otel-collector.observability.svc.cluster.local", port: 4317 },
      });
    }
  });

  it("reads hosts and a JWT issuer with its JWKS", () => {
    const cfg = parse({
      ...primaryRaw,
      "ecommerce:mesh": {
        hosts: ["api.shop.example.com"],
        jwtIssuer: "https://issuer.example.com",
        jwksUri: "https://issuer.example.com/jwks",
      },
    });
    expect(cfg.mesh.hosts).to.deep.equal(["api.shop.example.com"]);
    expect(cfg.mesh.jwt).to.deep.equal({
      issuer: "https://issuer.example.com",
      jwksUri: "https://issuer.example.com/jwks",
    });
  });

  describe("bounds, on both sides", () => {
    for (const [title, run] of boundTests([
      { key: "ecommerce:mesh.tracing.port", min: 1, max: 65535, read: (c) => c.mesh.tracing.port },
    ]))
      it(title, run);
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "JWT issuer without JWKS",
        { ...primaryRaw, "ecommerce:mesh": { jwtIssuer: "https://issuer.example.com" } },
        /^ecommerce:mesh.jwksUri: is required with the other/,
      ],
      [
        "plain-HTTP issuer",
        {
          ...primaryRaw,
          "ecommerce:mesh": {
            jwtIssuer: "http://issuer.example.com",
            jwksUri: "http://issuer.example.com/jwks",
          },
        },
        /^ecommerce:mesh.jwtIssuer: jwtIssuer and jwksUri must be https:\/\/ URLs/,
      ],
      [
        "bad gateway host",
        { ...primaryRaw, "ecommerce:mesh": { hosts: ["api..example.com"] } },
        /^ecommerce:mesh.hosts: \["api..example.com"\] is not accepted; use host names/,
      ],
    ]))
      it(title, run);
  });
});
