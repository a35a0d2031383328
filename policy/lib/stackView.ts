/**
 * Index over a stack's resources for stack rules: lookups by type, by property dependency, and by
 * id/ARN, and the question the placement rules ask: does this subnet route to the internet?
 * Relationships are resolved through property dependencies first (what the engine records for an
 * input that came from another resource), then by id or ARN; never by names.
 */
import type { PolicyResource } from "@pulumi/policy";
import { asArray } from "./props";

export const T = {
  subnet: "aws:ec2/subnet:Subnet",
  routeTable: "aws:ec2/routeTable:RouteTable",
  route: "aws:ec2/route:Route",
  association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  internetGateway: "aws:ec2/internetGateway:InternetGateway",
};

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
   * The resources an input refers to: through its property dependencies, or else by matching
   * its value(s) against resource ids and ARNs.
   */
  referenced(resource: PolicyResource, prop: string): PolicyResource[] {
    const deps = resource.propertyDependencies?.[prop] ?? [];
    if (deps.length > 0) return deps;
    const values = asArray(resource.props?.[prop]).filter((v) => typeof v === "string" && v !== "");
    return this.resources.filter(
      (r) => values.includes(r.props?.id) || values.includes(r.props?.arn),
    );
  }

  /** Resources whose `prop` refers to `target` (the reverse of {@link referenced}). */
  referencing(target: PolicyResource, types: string[], prop: string): PolicyResource[] {
    return this.ofType(...types).filter((r) =>
      this.referenced(r, prop).some((x) => x.urn === target.urn),
    );
  }

  /** True when the subnet's route table sends any route to an internet gateway. */
  routesToInternet(subnet: PolicyResource): boolean {
    const tables = this.referencing(subnet, [T.association], "subnetId").flatMap((a) =>
      this.referenced(a, "routeTableId"),
    );
    return tables.some((table) => {
      const separate = this.referencing(table, [T.route], "routeTableId").some((route) =>
        this.isInternetTarget(route, "gatewayId"),
      );
      const inline = asArray<Record<string, unknown>>(table.props?.routes).some(
        (r) => typeof r.gatewayId === "string" && r.gatewayId.startsWith("igw-"),
      );
      return separate || inline;
    });
  }

  private isInternetTarget(route: PolicyResource, prop: string): boolean {
    const value = route.props?.[prop];
    if (!value) return false;
    const targets = this.referenced(route, prop);
    return (
      targets.some((t) => t.type === T.internetGateway) ||
      (typeof value === "string" && value.startsWith("igw-"))
    );
  }
}
