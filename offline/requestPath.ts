/**
 * The request path, drawn from the plans: how a shopper's request travels through each region
 * (DNS and the CDN, API Gateway with its JWT authorizer, the VPC link, the internal ALB, the Istio
 * gateway, the services) and where each service's data lives, with the replication and failover
 * links between the regions. Every box and arrow is found in the plans: a service's stores are the
 * resources its Deployment's environment names (an endpoint, a table, a queue URL, a bucket).
 */
import { crossRegionLinks, failoverRecordFor } from "./diagram";
import { PlannedResource, StackPlan } from "./plan";

/** Data stores a service can be bound to, and how each is labelled. */
const STORES: Record<string, (r: PlannedResource) => string> = {
  "aws:rds/cluster:Cluster": () => "Aurora PostgreSQL",
  "aws:elasticache/replicationGroup:ReplicationGroup": () => "Valkey",
  "aws:dynamodb/table:Table": (r) => `DynamoDB ${shortName(r)}`,
  "aws:dynamodb/tableReplica:TableReplica": (r) => `DynamoDB ${shortName(r)} (replica)`,
  "aws:sqs/queue:Queue": (r) => `SQS ${shortName(r)}`,
  "aws:s3/bucket:Bucket": (r) => `S3 ${shortName(r)}`,
};

/** `data-carts` → `carts`. */
function shortName(r: PlannedResource): string {
  return r.name.replace(/^[a-z]+-/, "");
}

/** The fields a service's environment can name a store by: endpoints, URLs, names, ARNs. */
const IDENTIFIERS = [
  "endpoint",
  "readerEndpoint",
  "primaryEndpointAddress",
  "readerEndpointAddress",
  "replicationGroupId",
  "url",
  "name",
  "bucket",
  "globalTableArn",
];

function identifiers(r: PlannedResource): string[] {
  return IDENTIFIERS.flatMap((k) => [r.outputs[k], r.inputs[k]]).filter(
    (v): v is string => typeof v === "string" && v !== "",
  );
}

/** Stores by each name an environment value may use: an identifier, or an ARN's last segment. */
function storeIndex(stores: PlannedResource[]): Map<string, PlannedResource[]> {
  const index = new Map<string, PlannedResource[]>();
  for (const store of stores) {
    for (const id of identifiers(store)) {
      for (const key of new Set([id, id.split("/").pop() as string])) {
        const known = index.get(key) ?? [];
        if (!known.includes(store)) index.set(key, [...known, store]);
      }
    }
  }
  return index;
}

interface Env {
  name: string;
  value?: unknown;
}

function deployments(plan: StackPlan): PlannedResource[] {
  return plan.resources.filter((r) => {
    const meta = r.inputs.metadata as { namespace?: string } | undefined;
    return r.type === "kubernetes:apps/v1:Deployment" && meta?.namespace === "shop";
  });
}

function envOf(d: PlannedResource): Env[] {
  const spec = d.inputs.spec as
    { template?: { spec?: { containers?: { env?: Env[] }[] } } } | undefined;
  return (spec?.template?.spec?.containers ?? []).flatMap((c) => c.env ?? []);
}

function first(plan: StackPlan, type: string): PlannedResource | undefined {
  return plan.resources.find((r) => r.type === type);
}

const quote = (text: string) => `"${text.replace(/"/g, '\\"')}"`;

/** The bucket an S3 replication configuration writes to (its first rule's destination ARN). */
function replicationDestination(
  config: PlannedResource | undefined,
  plans: StackPlan[],
): string | undefined {
  if (config?.type !== "aws:s3/bucketReplicationConfig:BucketReplicationConfig") return undefined;
  const rules = (config.inputs.rules as { destination?: { bucket?: string } }[] | undefined) ?? [];
  const arn = rules[0]?.destination?.bucket;
  return plans
    .flatMap((p) => p.resources)
    .find((r) => r.type === "aws:s3/bucket:Bucket" && r.outputs.arn === arn)?.urn;
}

/** The Graphviz source of the request path for every plan, side by side. */
export function requestPathDot(plans: StackPlan[]): string {
  const lines = [
    "digraph requestPath {",
    "  rankdir=TB; compound=true; newrank=true;",
    '  node [shape=box, style="rounded,filled", fillcolor="#f5f7fa", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
    '  shoppers [label="shoppers", shape=ellipse, fillcolor="#ffffff"];',
  ];
  const storeNode = new Map<string, string>();
  const edges: string[] = [];
  plans.forEach((plan, i) => {
    const id = (name: string) => `s${i}_${name.replace(/[^a-zA-Z0-9]/g, "_")}`;
    const node = (name: string, label: string, extra = "") =>
      lines.push(`    ${id(name)} [label=${quote(label)}${extra}];`);
    const standby = plan.config["ecommerce:role"] === "standby";
    lines.push(
      `  subgraph cluster_${i} {`,
      `    label=${quote(`${plan.stack} (${plan.region}${standby ? ", warm standby" : ", active"})`)};`,
      '    style="rounded"; color="#8a94a6";',
    );
    const failover = failoverRecordFor(plans, plan.region);
    if (failover) {
      const policy = (failover.inputs.failoverRoutingPolicies as { type?: string }[])[0]?.type;
      node("dns", `Route 53 ${String(failover.inputs.name)}\n${policy} failover record`);
      edges.push(
        `  shoppers -> ${id("dns")} [label="api", style=${standby ? "dashed" : "solid"}];`,
      );
    }
    const cdn = first(plan, "aws:cloudfront/distribution:Distribution");
    if (cdn) {
      node("cdn", "CloudFront + WAF\n(storefront, /api/*)");
      edges.push(`  shoppers -> ${id("cdn")} [label="www"];`);
      if (failover) edges.push(`  ${id("cdn")} -> ${id("dns")} [label="/api/*"];`);
      const origins = JSON.stringify(cdn.inputs.origins ?? []);
      for (const bucket of plan.resources.filter(
        (r) =>
          r.type === "aws:s3/bucket:Bucket" &&
          typeof r.outputs.bucketRegionalDomainName === "string" &&
          origins.includes(r.outputs.bucketRegionalDomainName),
      )) {
        const key = id(`store_${bucket.name}_${bucket.type}`);
        storeNode.set(bucket.urn, key);
        lines.push(
          `    ${key} [label=${quote(STORES[bucket.type](bucket))}, fillcolor="#fef3e2"];`,
        );
        edges.push(`  ${id("cdn")} -> ${key} [label="storefront"];`);
      }
    }
    const api = first(plan, "aws:apigatewayv2/api:Api");
    const authorizer = first(plan, "aws:apigatewayv2/authorizer:Authorizer");
    if (api) {
      node("api", `API Gateway HTTP API${authorizer ? "\nJWT authorizer" : ""}`);
      if (failover) edges.push(`  ${id("dns")} -> ${id("api")};`);
    }
    const link = first(plan, "aws:apigatewayv2/vpcLink:VpcLink");
    const alb = first(plan, "aws:lb/loadBalancer:LoadBalancer");
    if (link && alb) {
      node("alb", "VPC link →\ninternal ALB + WAF (HTTPS)");
      if (api) edges.push(`  ${id("api")} -> ${id("alb")};`);
    }
    const binding = first(plan, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding");
    if (binding) {
      node("gateway", "Istio ingress gateway\n(STRICT mTLS inside)");
      if (alb) edges.push(`  ${id("alb")} -> ${id("gateway")} [label="TargetGroupBinding"];`);
    }
    const services = deployments(plan).sort((a, b) => a.name.localeCompare(b.name));
    const stores = plan.resources.filter((r) => r.type in STORES);
    const index = storeIndex(stores);
    for (const d of services) {
      const name = (d.inputs.metadata as { name: string }).name;
      node(`svc_${name}`, name, ', fillcolor="#e8f0fe"');
      if (binding) edges.push(`  ${id("gateway")} -> ${id(`svc_${name}`)};`);
      const values = envOf(d)
        .map((e) => e.value)
        .filter((v): v is string => typeof v === "string");
      const named = new Set(values.flatMap((v) => index.get(v) ?? []));
      for (const store of stores.filter((s) => named.has(s))) {
        const key = id(`store_${store.name}_${store.type}`);
        if (!storeNode.has(store.urn)) {
          storeNode.set(store.urn, key);
          lines.push(
            `    ${key} [label=${quote(STORES[store.type](store))}, fillcolor="#fef3e2"];`,
          );
        }
        edges.push(`  ${id(`svc_${name}`)} -> ${key} [color="#8a94a6"];`);
      }
    }
    lines.push("  }");
  });
  // Between regions: the failover pair and the data replication, from the plans' own inputs.
  const byUrn = new Map(plans.flatMap((p) => p.resources.map((r) => [r.urn, r] as const)));
  const nodeFor = (urn: string | undefined): string | undefined => {
    const r = urn ? byUrn.get(urn) : undefined;
    if (!r) return undefined;
    if (storeNode.has(r.urn)) return storeNode.get(r.urn);
    // A global database is drawn as its writer cluster.
    const member = [...byUrn.values()].find(
      (c) =>
        c.type === "aws:rds/cluster:Cluster" &&
        c.inputs.globalClusterIdentifier === r.inputs.globalClusterIdentifier &&
        storeNode.has(c.urn),
    );
    return member && r.type === "aws:rds/globalCluster:GlobalCluster"
      ? storeNode.get(member.urn)
      : undefined;
  };
  for (const l of crossRegionLinks(plans)) {
    if (l.label === "Route 53 failover pair") {
      const a = plans.findIndex((p) => p.stack === l.from.stack);
      const b = plans.findIndex((p) => p.stack === l.to.stack);
      edges.push(`  s${a}_dns -> s${b}_dns [label="failover", style=dashed, color="#c0392b"];`);
      continue;
    }
    const from = nodeFor(l.from.urn);
    const to =
      nodeFor(l.to.urn) ?? nodeFor(replicationDestination(byUrn.get(l.to.urn ?? ""), plans));
    if (from && to) {
      edges.push(
        `  ${from} -> ${to} [label=${quote(l.label)}, color="#c0392b", constraint=false];`,
      );
    }
  }
  // Both regions side by side: each step of the path on one row.
  const ranks = ["dns", "api", "alb", "gateway"].map(
    (step) => `  { rank=same; ${plans.map((_, i) => `s${i}_${step};`).join(" ")} }`,
  );
  return `${[...lines, ...ranks, ...new Set(edges), "}"].join("\n")}\n`;
}
