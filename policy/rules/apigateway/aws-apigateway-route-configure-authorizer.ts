import { isSet } from "../../lib/known";
import { resourceRule } from "../../lib/rule";

/**
 * The routes the edge serves without a token (components/edge/regional.ts): the health check,
 * the catalogue (products, stock levels) and sign-in. Every other route needs the JWT authorizer.
 */
const PUBLIC_ROUTES = [
  "GET /healthz",
  "ANY /products",
  "ANY /products/{proxy+}",
  "ANY /inventory",
  "ANY /inventory/{proxy+}",
  "ANY /auth",
  "ANY /auth/{proxy+}",
];

export default resourceRule<{ publicRouteAllowList: string[] }>(
  {
    name: "aws-apigateway-route-configure-authorizer",
    description:
      "HTTP API routes use an authorizer (JWT, Lambda or IAM), except the allow-listed public routes (health check, catalogue, sign-in).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §8.3.1", "PCI-DSS 4.0 §7.2.1"],
    topic: "iam",
    types: ["aws:apigatewayv2/route:Route"],
    remediation:
      "Set authorizationType JWT with the Cognito authorizerId (or AWS_IAM), or add the route key to publicRouteAllowList if it is meant to be public.",
    configSchema: {
      properties: {
        publicRouteAllowList: {
          type: "array",
          items: { type: "string" },
          default: PUBLIC_ROUTES,
        },
      },
    },
  },
  (props, { config }) => {
    const key = props.routeKey;
    if (config.publicRouteAllowList.includes(key)) return undefined;
    // @pulumi/aws 7.48.0 RouteArgs.authorizationType: NONE (the default), JWT, AWS_IAM or CUSTOM
    // (a Lambda authorizer) for HTTP APIs; JWT and CUSTOM take an authorizerId.
    const type = props.authorizationType ?? "NONE";
    if (type === "NONE")
      return `route ${key} has no authorizer and is not on the public allow-list`;
    // JWT and CUSTOM name an authorizer (its id is computed during a preview: set is enough).
    if ((type === "JWT" || type === "CUSTOM") && !isSet(props, "authorizerId"))
      return `route ${key} uses ${type} authorization without an authorizerId`;
    return undefined;
  },
);
