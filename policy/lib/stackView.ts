/**
 * Index over a stack's resources for stack rules: lookups by type, by property dependency, and by
 * id/ARN, and the question the placement rules ask: does this subnet route to the internet?
 * Relationships are resolved through property dependencies first (what the engine records for an
 * input that came from another resource), then by id or ARN; never by names.
 *
 * During a first preview, ids and ARNs of resources not yet created are unknown: they are read past
 * the analyzer's proxy (`peek`) and skipped as match candidates, since an unknown id can match no
 * value. An input that is itself unknown was computed by another resource, which its property
 * dependencies name.
 */
import type { PolicyResource } from "@pulumi/policy";
import { isComputed, peek } from "./known";
import { asArray } from "./props";

export const T = {
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  routeTable: "aws:ec2/routeTable:RouteTable",
  defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
  route: "aws:ec2/route:Route",
  association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  mainAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
  internetGateway: "aws:ec2/internetGateway:InternetGateway",
};
const ROUTE_TABLES = [T.routeTable, T.defaultRouteTable];

export class StackView {
  private readonly byType = new Map<string, PolicyResource[]>();

  constructor(readonly resources: PolicyResource[]) {
    for (const r of resources) {
      this.byType.set(r.type, [...(this.byType.get(r.type) ?? []), r]);
    }
  }

  ofType(...types: string[]): PolicyResource[] {
    return types.flatMap((t) => this.byType.get(t) ?? []);
  }

  /**
   * The resources of `types` an input refers to: through its property dependencies (which may
   * also name components or stack references, so they are filtered by type), or else by matching
   * its value(s) against those resources' ids and ARNs.
   */
  referenced(resource: PolicyResource, prop: string, types: string[]): PolicyResource[] {
    const deps = (resource.propertyDependencies?.[prop] ?? []).filter((d) =>
      types.includes(d.type),
    );
    if (deps.length > 0) return deps;
    const raw = peek(resource.props, prop);
    // Computed by a resource of another type (a dependency filtered out above): none of `types`.
    if (isComputed(raw) && (resource.propertyDependencies?.[prop] ?? []).length > 0) return [];
    // Read past the proxy: a known list may hold an unknown element, which matches nothing.
    const values = asArray(raw).filter((v) => typeof v === "string" && v !== "" && !isComputed(v));
    const known = (r: PolicyResource, key: string) => {
      const v = peek(r.props, key);
      return isComputed(v) ? undefined : v;
    };
    return this.ofType(...types).filter((r) =>
      [known(r, "id"), known(r, "arn")].some((v) => v !== undefined && values.includes(v)),
    );
  }

  /** Resources of `types` whose `prop` refers to `target` (the reverse of {@link referenced}). */
  referencing(target: PolicyResource, types: string[], prop: string): PolicyResource[] {
    return this.ofType(...types).filter((r) =>
      this.referenced(r, prop, [target.type]).some((x) => x.urn === target.urn),
    );
  }

  /**
   * The route table a subnet uses: its explicit association, else the VPC's main route table
   * (an explicit main association, or a managed default route table). `undefined` means AWS's
   * own main table, which has only the local route unless something here changes it.
   */
  routeTableOf(subnet: PolicyResource): PolicyResource | undefined {
    const explicit = this.referencing(subnet, [T.association], "subnetId").flatMap((a) =>
      this.referenced(a, "routeTableId", ROUTE_TABLES),
    );
    if (explicit.length > 0) return explicit[0];
    const vpcs = new Set(this.referenced(subnet, "vpcId", [T.vpc]).map((v) => v.urn));
    const ofVpc = (r: PolicyResource, prop: string) =>
      this.referenced(r, prop, [T.vpc]).some((v) => vpcs.has(v.urn));
    const main = this.ofType(T.mainAssociation).filter((a) => ofVpc(a, "vpcId"));
    if (main.length > 0) return this.referenced(main[0], "routeTableId", ROUTE_TABLES)[0];
    const vpcTableIds = this.ofType(T.vpc)
      .filter((v) => vpcs.has(v.urn))
      .flatMap((v) => [peek(v.props, "defaultRouteTableId"), peek(v.props, "mainRouteTableId")])
      .filter((id) => id !== undefined && !isComputed(id));
    return this.ofType(T.defaultRouteTable).find(
      (d) =>
        ofVpc(d, "defaultRouteTableId") ||
        vpcTableIds.includes(peek(d.props, "defaultRouteTableId")),
    );
  }

  /** True when the subnet's route table sends any route to an internet gateway. */
  routesToInternet(subnet: PolicyResource): boolean {
    const table = this.routeTableOf(subnet);
    if (!table) return false;
    const separate = this.referencing(table, [T.route], "routeTableId").some((route) =>
      this.targetsInternetGateway(route, "gatewayId", peek(route.props, "gatewayId")),
    );
    const inline = asArray<Record<string, unknown>>(table.props?.routes).some((r) =>
      this.targetsInternetGateway(table, "routes", peek(r, "gatewayId")),
    );
    return separate || inline;
  }

  private targetsInternetGateway(resource: PolicyResource, prop: string, value: unknown): boolean {
    if (typeof value !== "string" || value === "") return false;
    return (
      value.startsWith("igw-") || this.referenced(resource, prop, [T.internetGateway]).length > 0
    );
  }
}
