import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T = {
  pool: "aws:cognito/userPool:UserPool",
  client: "aws:cognito/userPoolClient:UserPoolClient",
  authorizer: "aws:apigatewayv2/authorizer:Authorizer",
  requestAuthn: "kubernetes:security.istio.io/v1:RequestAuthentication",
};
/**
 * The primary with a Cognito pool instead of the stack file's external provider, the standby in
 * failover: the same run as the serving-path scan and the pack's coverage test (one synthesis).
 */
const COGNITO = [
  "prod-mumbai:ecommerce:identity={provider: cognito}",
  "dr-singapore:ecommerce:dr.mode=failover",
];

const jwtRule = (p: StackPlan): Spec =>
  (every(p, T.requestAuthn)[0].inputs.spec as Spec).jwtRules[0];

describe("components/edge identity: who signs tokens and how both regions check them", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  describe("an external multi-region OIDC provider (the stack files)", () => {
    it("creates no pool and validates the provider's tokens in both regions", () => {
      expect(ofType(prod, T.pool)).to.deep.equal([]);
      expect(ofType(dr, T.pool)).to.deep.equal([]);
      expect(prod.outputs).to.include({
        jwtIssuer: "https://login.shop.example.com/",
        jwtAudience: "shop-spa",
        jwksUri: "",
      });
      for (const p of [prod, dr]) {
        expect(the(p, T.authorizer, "edge-jwt").inputs.jwtConfiguration, p.stack).to.deep.equal({
          issuer: "https://login.shop.example.com/",
          audiences: ["shop-spa"],
        });
      }
    });

    it("hands Istio the key set inline in both regions, read by the standby through the StackReference", () => {
      const keys = JSON.parse(String(prod.outputs.jwks)) as { keys: Spec[] };
      expect(keys.keys[0]).to.include({ kty: "RSA", e: "AQAB" });
      for (const p of [prod, dr]) {
        const rule = jwtRule(p);
        expect(rule, p.stack).to.deep.equal({
          issuer: "https://login.shop.example.com/",
          jwks: prod.outputs.jwks,
          forwardOriginalToken: true,
        });
        // Only one of jwks and jwksUri per rule: nothing is fetched.
        expect(rule, p.stack).to.not.have.property("jwksUri");
      }
    });
  });

  describe("the primary's Cognito pool (ecommerce:identity.provider=cognito)", () => {
    let cognito: StackPlan;
    let cognitoDr: StackPlan;
    before(async () => {
      cognito = await plan("prod-mumbai", COGNITO);
      cognitoDr = await plan("dr-singapore", COGNITO);
    });

    it("creates the shoppers' pool (protected, MFA, advanced security) and a public code-flow client in the primary only", () => {
      const [pool] = ofType(cognito, T.pool);
      expect(pool.inputs).to.deep.include({
        deletionProtection: "ACTIVE",
        mfaConfiguration: "OPTIONAL",
        // ENFORCED threat protection exists only on the Plus tier.
        userPoolTier: "PLUS",
        userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
      });
      expect(pool.protect).to.equal(true);
      const [client] = ofType(cognito, T.client);
      expect(client.inputs).to.deep.include({
        generateSecret: false,
        allowedOauthFlows: ["code"],
        callbackUrls: ["https://www.shop.example.com/callback"],
      });
      expect(cognito.outputs.jwtIssuer).to.equal(
        `https://cognito-idp.ap-south-1.amazonaws.com/${pool.id}`,
      );
      expect(cognito.outputs.jwtAudience).to.equal(client.id);
      expect(ofType(cognitoDr, T.pool)).to.deep.equal([]);
    });

    it("fetches the pool's keys in both regions unless its key set is configured inline", async () => {
      for (const p of [cognito, cognitoDr]) {
        expect(jwtRule(p), p.stack).to.deep.include({ jwksUri: cognito.outputs.jwksUri });
        expect(jwtRule(p), p.stack).to.not.have.property("jwks");
      }
      const jwks = JSON.stringify(JSON.parse(String(prod.outputs.jwks)));
      const inline = await plan("dr-singapore", [
        `prod-mumbai:ecommerce:identity={provider: cognito, jwks: '${jwks}'}`,
      ]);
      expect(jwtRule(inline)).to.deep.include({ jwks });
      expect(jwtRule(inline)).to.not.have.property("jwksUri");
    });
  });
});
