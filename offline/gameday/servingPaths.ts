/**
 * The serving paths of a Region, as the inputs that name Regions: the services' environment, the
 * API Gateway and mesh token validation, the issuer shoppers sign in with, and the storefront's
 * CloudFront origins. An input lists alternatives (an origin group's members, a mesh's JWT rules):
 * it depends on a Region only when every alternative does.
 */
import { PlannedResource, StackPlan } from "../plan";
import { arr, located, obj, regionsIn, str } from "./facts";

/** One input on a serving path and the Regions it needs; alternatives: any one surviving is enough. */
export interface ServingInput {
  path:
    | "services"
    | "token validation (API Gateway)"
    | "token validation (mesh)"
    | "sign-in"
    | "storefront";
  what: string;
  /** Each alternative's Regions (e.g. an origin group's members); empty = needs no particular Region. */
  alternatives: string[][];
}

function deploymentEnv(r: PlannedResource): { name: string; value: string }[] {
  const containers = arr(obj(obj(obj(obj(r.inputs.spec).template).spec)).containers);
  return containers.flatMap((c) =>
    arr(obj(c).env)
      .map((e) => ({ name: String(obj(e).name), value: obj(e).value }))
      .filter((e): e is { name: string; value: string } => typeof e.value === "string"),
  );
}

/** Serving-path inputs of the stack that serves `region`, plus the global storefront. */
export function servingInputs(plans: StackPlan[], region: string): ServingInput[] {
  const here = plans.filter((p) => p.region === region);
  const inputs: ServingInput[] = [];
  for (const p of here) {
    for (const r of p.resources.filter((x) => x.type === "kubernetes:apps/v1:Deployment")) {
      const ns = str(obj(obj(r.inputs).metadata).namespace);
      if (ns !== undefined && ns !== "shop") continue;
      for (const e of deploymentEnv(r)) {
        const regions = regionsIn(e.value);
        if (regions.length > 0)
          inputs.push({
            path: "services",
            what: `${r.name} ${e.name}=${e.value}`,
            alternatives: [regions],
          });
      }
    }
    for (const r of p.resources.filter(
      (x) => x.type === "aws:apigatewayv2/authorizer:Authorizer",
    )) {
      const jwt = obj(r.inputs.jwtConfiguration);
      const source = str(jwt.issuer) ?? str(r.inputs.authorizerUri) ?? "";
      inputs.push({
        path: "token validation (API Gateway)",
        what: `${p.stack} authorizer ${r.name} fetches keys from ${source}`,
        alternatives: [regionsIn(source)],
      });
      if (jwt.issuer !== undefined)
        inputs.push({
          path: "sign-in",
          what: `${p.stack} accepts tokens issued by ${String(jwt.issuer)}`,
          alternatives: [regionsIn(jwt.issuer)],
        });
    }
    for (const r of p.resources.filter(
      (x) => x.type === "kubernetes:security.istio.io/v1:RequestAuthentication",
    )) {
      const rules = arr(obj(r.inputs.spec).jwtRules).map(obj);
      // Inline `jwks` needs no fetch; a `jwksUri` is fetched by istiod.
      inputs.push({
        path: "token validation (mesh)",
        what: `${p.stack} RequestAuthentication ${r.name}: ${rules.map((x) => str(x.jwksUri) ?? "inline jwks").join(", ")}`,
        alternatives: rules.map((x) => (x.jwks !== undefined ? [] : regionsIn(x.jwksUri))),
      });
    }
  }
  for (const { resource: r, plan } of located(plans, "aws:cloudfront/distribution:Distribution")) {
    const origins = new Map(
      arr(r.inputs.origins).map((o) => [String(obj(o).originId), regionsIn(obj(o).domainName)]),
    );
    const groups = new Map(
      arr(r.inputs.originGroups).map((g) => [
        String(obj(g).originId),
        arr(obj(g).members).map((m) => String(obj(m).originId)),
      ]),
    );
    const target = String(obj(r.inputs.defaultCacheBehavior).targetOriginId);
    const members = groups.get(target) ?? [target];
    inputs.push({
      path: "storefront",
      what: `${plan.stack} CloudFront ${r.name} default behaviour → ${groups.has(target) ? `origin group ${target} (${members.join(", ")})` : `origin ${target}`}`,
      alternatives: members.map((m) => origins.get(m) ?? []),
    });
  }
  return inputs;
}
