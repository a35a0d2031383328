/**
 * `ecommerce:identity` (primary only): who signs the shoppers' tokens, and the public keys both
 * regions validate them with. Every problem names its key.
 *
 * - `provider: cognito` (the default): the primary creates a Cognito user pool. Its issuer and
 *   keys live in the primary's region: with that region lost, sign-in, refresh and sign-up stop,
 *   and the standby's API Gateway authorizer, which fetches keys through the issuer's discovery
 *   document, stops accepting tokens once its key cache lapses (docs/runbook.md).
 * - `provider: oidc`: an external OpenID Connect provider that runs in several regions (`issuer`,
 *   `audience`, `jwks`): no pool is created, sign-in never depends on either region, and both
 *   regions validate the same tokens.
 *
 * `jwks` is the provider's JSON Web Key Set (public keys only), inline: Istio validates with it
 * and never fetches keys, so an istiod that starts during a failover needs no other region.
 * Required with `oidc`; optional with `cognito` (copy the pool's
 * `<issuer>/.well-known/jwks.json` after the first deploy).
 */
import { ParseContext, readObject } from "./readers";
import { KeySpec } from "./spec";

export type IdentityConfig =
  | { provider: "cognito"; jwks?: string }
  | { provider: "oidc"; issuer: string; audience: string; jwks: string };

const KEY = "ecommerce:identity";

export const IDENTITY_DEFAULTS = { provider: "cognito" as const };

export const IDENTITY_SPEC: KeySpec = {
  type: "object",
  defaultText: "a Cognito pool (the stack files: `oidc`)",
  doc: "primary only (the standby reads the identity through its StackReference): who signs the shoppers' tokens, and the public keys both regions validate them with",
  keys: {
    provider: {
      type: "string",
      default: IDENTITY_DEFAULTS.provider,
      doc: "`cognito` creates a user pool in the primary's region \\| `oidc` uses an external multi-region OpenID Connect provider, so sign-in and token checks survive either region (docs/runbook.md)",
    },
    issuer: {
      type: "string",
      defaultText: "— (required with `oidc`)",
      doc: "with `oidc`: the provider's `https://` issuer, exactly as tokens carry it in `iss`",
    },
    audience: {
      type: "string",
      defaultText: "— (required with `oidc`)",
      doc: "with `oidc`: the SPA's client id, as tokens carry it in `aud`",
    },
    jwks: {
      type: "string",
      defaultText: "— (required with `oidc`, optional with `cognito`)",
      doc: "the issuer's public key set inline (JSON): RSA keys with `kid`, `n`, `e`, no private members; Istio validates with it in both regions and fetches nothing",
    },
  },
};
/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2): never in a public key set. */
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/**
 * Why `text` is not a usable public JWKS, or undefined. API Gateway's JWT authorizer accepts only
 * RSA signatures ("Control access to HTTP APIs with JWT authorizers"), so every key is RSA with
 * `kid` (tokens name their key), `n` and `e`.
 */
export function jwksProblem(text: unknown): string | undefined {
  if (typeof text !== "string") return "must be the key set as a JSON string";
  let set: unknown;
  try {
    set = JSON.parse(text);
  } catch {
    return 'is not JSON; paste the provider\'s key set, e.g. {"keys":[{"kty":"RSA","kid":"…","n":"…","e":"AQAB"}]}';
  }
  const keys = (set as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0)
    return "must be an object with a non-empty keys list";
  for (const [i, key] of keys.entries()) {
    const k = key as Record<string, unknown>;
    if (typeof k !== "object" || k === null) return `keys[${i}] is not an object`;
    const leaked = PRIVATE_MEMBERS.filter((m) => m in k);
    if (leaked.length > 0)
      return `keys[${i}] holds private key material (${leaked.join(", ")}): publish public keys only`;
    if (k.kty !== "RSA")
      return `keys[${i}].kty is ${JSON.stringify(k.kty)}; API Gateway accepts RSA keys only`;
    for (const m of ["kid", "n", "e"])
      if (typeof k[m] !== "string" || k[m] === "") return `keys[${i}].${m} is missing`;
  }
  return undefined;
}

export function parseIdentity(
  ctx: ParseContext & { role: "primary" | "standby" | undefined },
): IdentityConfig {
  const { role, problems } = ctx;
  const section = readObject(ctx, KEY, IDENTITY_SPEC);
  const raw = Object.fromEntries(
    ["provider", "issuer", "audience", "jwks"].map((f) => [f, section.get(f)]),
  );
  if (Object.keys(section.values).length > 0 && role === "standby") {
    problems.add(
      KEY,
      "is set on the primary stack only; the standby reads the issuer and keys through its StackReference",
    );
    return { provider: "cognito" };
  }
  const provider = raw.provider ?? IDENTITY_DEFAULTS.provider;
  if (provider !== "cognito" && provider !== "oidc") {
    problems.add(
      `${KEY}.provider`,
      `${JSON.stringify(provider)} is not accepted; use cognito | oidc`,
    );
    return { provider: "cognito" };
  }
  const jwks = raw.jwks;
  const badJwks = jwks === undefined ? undefined : jwksProblem(jwks);
  if (badJwks) problems.add(`${KEY}.jwks`, badJwks);
  if (provider === "cognito") {
    for (const field of ["issuer", "audience"])
      if (raw[field] !== undefined)
        problems.add(
          `${KEY}.${field}`,
          "is for provider: oidc; a Cognito pool's issuer and audience are its own",
        );
    return { provider, ...(typeof jwks === "string" && !badJwks ? { jwks } : {}) };
  }
  const issuer = raw.issuer;
  if (typeof issuer !== "string" || !/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(issuer))
    problems.add(
      `${KEY}.issuer`,
      `${JSON.stringify(issuer)} is not accepted; use the provider's https:// issuer, exactly as tokens carry it in iss`,
    );
  const audience = raw.audience;
  if (typeof audience !== "string" || audience === "")
    problems.add(
      `${KEY}.audience`,
      "is required with provider: oidc (the SPA's client id, as tokens carry it in aud)",
    );
  if (jwks === undefined)
    problems.add(
      `${KEY}.jwks`,
      "is required with provider: oidc (the provider's public key set, inline)",
    );
  return {
    provider,
    issuer: String(issuer),
    audience: String(audience),
    jwks: String(jwks),
  };
}
