import { describeResourceRule, passes, violates, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-apigateway-route-configure-authorizer";
const ROUTE = "aws:apigatewayv2/route:Route";
const open = (key: string) => (p: Record<string, unknown>) => {
  p.routeKey = key;
  p.authorizationType = "NONE";
  delete p.authorizerId;
};

describeResourceRule(RULE, {
  passes: [
    // The default allow-list admits what the edge deploys: the health check, catalogue, sign-in.
    passes(ROUTE, "the health check route open", open("GET /healthz")),
    passes(ROUTE, "the catalogue route open", open("ANY /products/{proxy+}")),
    passes(ROUTE, "the sign-in route open", open("ANY /auth")),
    passes(ROUTE, "IAM authorization, which takes no authorizer id", (p) => {
      p.authorizationType = "AWS_IAM";
      delete p.authorizerId;
    }),
    passes(ROUTE, "a Lambda (CUSTOM) authorizer", (p) => (p.authorizationType = "CUSTOM")),
    passes(
      ROUTE,
      "a JWT authorizer whose id is computed during a preview",
      (p) => (p.authorizerId = UNKNOWN),
    ),
  ],
  violations: [
    violates(
      ROUTE,
      "private route without authorizer",
      (p) => {
        p.authorizationType = "NONE";
        delete p.authorizerId;
      },
      /route ANY \/orders has no authorizer/,
    ),
    violates(
      ROUTE,
      "authorization type left out (NONE)",
      (p) => delete p.authorizationType,
      /has no authorizer/,
    ),
    violates(
      ROUTE,
      "JWT without an authorizer id",
      (p) => delete p.authorizerId,
      /JWT authorization without an authorizerId/,
    ),
    violates(
      ROUTE,
      "CUSTOM without an authorizer id",
      (p) => {
        p.authorizationType = "CUSTOM";
        delete p.authorizerId;
      },
      /route ANY \/orders uses CUSTOM authorization without an authorizerId/,
    ),
    violates(
      ROUTE,
      "a route off a shortened allow-list",
      (p) => {
        p.routeKey = "GET /healthz";
        p.authorizationType = "NONE";
      },
      /GET \/healthz has no authorizer/,
      { config: { publicRouteAllowList: [] } },
    ),
  ],
});
