import { expect } from "chai";
import { jwksProblem } from "../../../stacks/config";
import { Raw, parse, primaryRaw, problemsOf, standbyRaw } from "./fixtures";

const withIdentity = (base: Raw, identity: unknown): Raw => ({
  ...base,
  "ecommerce:identity": identity,
});
const key = { kty: "RSA", kid: "k1", n: "sXch", e: "AQAB" };
const JWKS = JSON.stringify({ keys: [key] });
const OIDC = {
  provider: "oidc",
  issuer: "https://login.shop.example.com/",
  audience: "shop-spa",
  jwks: JWKS,
};

describe("stacks/config/identity (ecommerce:identity)", () => {
  it("defaults to the primary's Cognito pool, with no inline keys", () => {
    const cfg = parse(primaryRaw);
    if (cfg.role !== "primary") throw new Error("role");
    expect(cfg.identity).to.deep.equal({ provider: "cognito" });
  });

  it("reads an external OIDC provider, and a Cognito pool's inline key set", () => {
    const oidc = parse(withIdentity(primaryRaw, OIDC));
    if (oidc.role !== "primary") throw new Error("role");
    expect(oidc.identity).to.deep.equal(OIDC);
    const cognito = parse(withIdentity(primaryRaw, { jwks: JWKS }));
    if (cognito.role !== "primary") throw new Error("role");
    expect(cognito.identity).to.deep.equal({ provider: "cognito", jwks: JWKS });
  });

  it("names the key and what is accepted for every bad value", () => {
    const cases: [unknown, RegExp][] = [
      [
        { provider: "auth0" },
        /ecommerce:identity.provider: "auth0" is not accepted; use cognito \| oidc/,
      ],
      [
        { ...OIDC, issuer: "http://login.example.com/" },
        /ecommerce:identity.issuer: .* use the provider's https:\/\/ issuer/,
      ],
      [{ ...OIDC, audience: "" }, /ecommerce:identity.audience: is required with provider: oidc/],
      [
        { provider: "oidc", issuer: OIDC.issuer, audience: "a" },
        /ecommerce:identity.jwks: is required with provider: oidc/,
      ],
      [{ ...OIDC, jwks: "{not json" }, /ecommerce:identity.jwks: is not JSON/],
      [{ issuer: OIDC.issuer }, /ecommerce:identity.issuer: is for provider: oidc/],
      [{ ...OIDC, scopes: ["openid"] }, /ecommerce:identity.scopes: unknown key/],
      ["oidc", /ecommerce:identity: must be an object/],
    ];
    for (const [identity, message] of cases)
      expect(
        problemsOf(withIdentity(primaryRaw, identity)).join("\n"),
        JSON.stringify(identity),
      ).to.match(message);
  });

  it("refuses it on the standby even when every key in it is misspelled, naming both problems", () => {
    expect(
      problemsOf(withIdentity(standbyRaw, { issuers: "https://x.example.com/" })),
    ).to.include.members([
      "ecommerce:identity.issuers: unknown key; accepted keys: provider, issuer, audience, jwks",
      "ecommerce:identity: is set on the primary stack only; the standby reads the issuer and keys through its StackReference",
    ]);
  });

  it("is set on the primary only: the standby reads the identity through its StackReference", () => {
    expect(problemsOf(withIdentity(standbyRaw, OIDC)).join("\n")).to.match(
      /ecommerce:identity: is set on the primary stack only/,
    );
  });

  it("accepts only public RSA key sets with kid, n and e", () => {
    const table: [unknown, string | undefined][] = [
      [JWKS, undefined],
      [42, "must be the key set as a JSON string"],
      [JSON.stringify({ keys: [] }), "must be an object with a non-empty keys list"],
      [JSON.stringify([key]), "must be an object with a non-empty keys list"],
      [
        JSON.stringify({ keys: [{ ...key, d: "secret" }] }),
        "keys[0] holds private key material (d): publish public keys only",
      ],
      [
        JSON.stringify({ keys: [{ ...key, kty: "EC" }] }),
        'keys[0].kty is "EC"; API Gateway accepts RSA keys only',
      ],
      [JSON.stringify({ keys: [{ ...key, kid: "" }] }), "keys[0].kid is missing"],
      [JSON.stringify({ keys: [key, { kty: "RSA", kid: "k2", n: "x" }] }), "keys[1].e is missing"],
    ];
    for (const [text, problem] of table) expect(jwksProblem(text), String(text)).to.equal(problem);
  });
});
