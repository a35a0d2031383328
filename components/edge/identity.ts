import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface IdentityArgs {
  /** The primary's region (the user pool's issuer URL). */
  region: string;
  /** Prefix of the user pool's and client's names. */
  namePrefix: string;
  /** The shop's domain: the app client's callback and logout URLs live under www.<domain>. */
  domain: string;
  /** Pulumi `protect` on the user pool. Default true. */
  protect?: boolean;
}

/**
 * The shoppers' Cognito user pool and the SPA's app client (primary only). Its issuer and JWKS
 * validate tokens twice: at API Gateway (JWT authorizer) and in the mesh (RequestAuthentication).
 */
export class Identity extends pulumi.ComponentResource {
  public readonly userPoolId: pulumi.Output<string>;
  public readonly clientId: pulumi.Output<string>;
  public readonly issuer: pulumi.Output<string>;
  public readonly jwksUri: pulumi.Output<string>;

  constructor(name: string, args: IdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:edge:Identity", name, {}, opts);
    const pool = new aws.cognito.UserPool(
      `${name}-shoppers`,
      {
        name: `${args.namePrefix}-shoppers`,
        usernameAttributes: ["email"],
        autoVerifiedAttributes: ["email"],
        mfaConfiguration: "OPTIONAL",
        softwareTokenMfaConfiguration: { enabled: true },
        passwordPolicy: {
          minimumLength: 12,
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
          requireSymbols: true,
          temporaryPasswordValidityDays: 3,
        },
        accountRecoverySetting: { recoveryMechanisms: [{ name: "verified_email", priority: 1 }] },
        // Threat protection (compromised credentials, adaptive authentication) is a Plus-tier
        // feature: on the default Essentials tier AWS rejects ENFORCED.
        userPoolTier: "PLUS",
        userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
        deletionProtection: "ACTIVE",
        tags: { Name: `${args.namePrefix}-shoppers` },
      },
      // The pool holds every shopper's account.
      { parent: this, protect: args.protect ?? true },
    );
    const client = new aws.cognito.UserPoolClient(
      `${name}-spa`,
      {
        name: `${args.namePrefix}-spa`,
        userPoolId: pool.id,
        generateSecret: false,
        allowedOauthFlowsUserPoolClient: true,
        allowedOauthFlows: ["code"],
        allowedOauthScopes: ["openid", "email", "profile"],
        supportedIdentityProviders: ["COGNITO"],
        callbackUrls: [`https://www.${args.domain}/callback`],
        logoutUrls: [`https://www.${args.domain}/`],
        explicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"],
        preventUserExistenceErrors: "ENABLED",
        enableTokenRevocation: true,
        accessTokenValidity: 60,
        idTokenValidity: 60,
        refreshTokenValidity: 30,
        tokenValidityUnits: { accessToken: "minutes", idToken: "minutes", refreshToken: "days" },
      },
      { parent: this },
    );
    this.userPoolId = pool.id;
    this.clientId = client.id;
    this.issuer = pulumi.interpolate`https://cognito-idp.${args.region}.amazonaws.com/${pool.id}`;
    this.jwksUri = pulumi.interpolate`${this.issuer}/.well-known/jwks.json`;
    this.registerOutputs({
      userPoolId: this.userPoolId,
      clientId: this.clientId,
      issuer: this.issuer,
      jwksUri: this.jwksUri,
    });
  }
}
