/**
 * The architecture picture, drawn from the synthesized plans rather than by hand, so it cannot
 * drift from what `pulumi up` would create: each stack side by side, each top-level component a
 * box of its principal resources, and the cross-region links found in the plans' own inputs.
 * Layout is Graphviz compiled to WebAssembly (`@hpcc-js/wasm-graphviz`): no system packages.
 */
import * as path from "path";
import { Worker } from "worker_threads";
import { PlannedResource, StackPlan } from "./plan";

/**
 * Resources that only configure another one (attachments, sub-settings of a bucket, rules of a
 * security group). They are counted in their component's caption, not drawn, so the picture
 * shows the architecture rather than every Pulumi resource.
 */
const SUPPORTING = new Set([
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:ec2/routeTableAssociation:RouteTableAssociation",
  "aws:ec2/route:Route",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:s3/bucketLogging:BucketLogging",
  "aws:secretsmanager/secretVersion:SecretVersion",
  "aws:sqs/queuePolicy:QueuePolicy",
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
  "aws:acm/certificateValidation:CertificateValidation",
  "aws:apigatewayv2/apiMapping:ApiMapping",
  "aws:apigatewayv2/route:Route",
  "aws:apigatewayv2/integration:Integration",
  "aws:cloudwatch/eventTarget:EventTarget",
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  "aws:eks/podIdentityAssociation:PodIdentityAssociation",
  "aws:cloudfront/originAccessControl:OriginAccessControl",
  "pulumi:providers:kubernetes",
]);

/** A drawn box: one component child, or every resource of one type in a component. */
export interface DiagramNode {
  id: string;
  label: string;
  urns: string[];
}

export interface DiagramGroup {
  /** Component name (`network`, `data`, ...) or `stack` for top-level resources. */
  name: string;
  type: string;
  nodes: DiagramNode[];
  supporting: number;
}

export interface DiagramStack {
  plan: StackPlan;
  role: string;
  groups: DiagramGroup[];
}

/** A link between two stacks, found in one plan's inputs naming the other plan's resources. */
export interface CrossRegionLink {
  label: string;
  from: { stack: string; urn: string };
  /** A resource, a component (`group`), or the whole stack when neither is given. */
  to: { stack: string; urn?: string; group?: string };
}

/** `aws:rds/clusterInstance:ClusterInstance` → `ClusterInstance`. */
function shortType(type: string): string {
  return type.split(":").pop() ?? type;
}

function roleOf(plan: StackPlan): string {
  return String(plan.config["ecommerce:role"] ?? "");
}

/** Walks each resource up to its top-level ancestor (a direct child of the stack). */
function topLevelOf(plan: StackPlan): (r: PlannedResource) => PlannedResource | undefined {
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  return (r) => {
    let current = r;
    for (;;) {
      const parent = byUrn.get(current.parent);
      if (!parent) return current;
      current = parent;
    }
  };
}

/** Groups a plan's resources into components and the boxes drawn inside each. */
export function groupPlan(plan: StackPlan, stackIndex: number): DiagramStack {
  const topOf = topLevelOf(plan);
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const groups = new Map<string, DiagramGroup>();
  const nodes = new Map<string, DiagramNode>();
  const groupFor = (name: string, type: string): DiagramGroup => {
    let group = groups.get(name);
    if (!group) {
      group = { name, type, nodes: [], supporting: 0 };
      groups.set(name, group);
    }
    return group;
  };
  for (const r of plan.resources) {
    if (r.type === "pulumi:pulumi:Stack") continue;
    const top = topOf(r) as PlannedResource;
    const isComponentRoot = top === r && !r.custom && !r.read;
    if (isComponentRoot) {
      groupFor(r.name, r.type);
      continue;
    }
    const group = top.custom || top.read ? groupFor("stack", "") : groupFor(top.name, top.type);
    // Sub-components (a microservice) are one box each; plain resources are boxed by type.
    let direct = r;
    while (byUrn.get(direct.parent) && byUrn.get(direct.parent) !== top) {
      direct = byUrn.get(direct.parent) as PlannedResource;
    }
    // Remote components (awsx, eks) are boxed by type like resources: their children only exist
    // in a real run.
    const boxedByComponent = direct !== r || (!r.custom && !r.remote);
    if (!boxedByComponent && SUPPORTING.has(r.type)) {
      group.supporting += 1;
      continue;
    }
    const key = `${group.name}/${boxedByComponent ? direct.urn : r.type}`;
    let node = nodes.get(key);
    if (!node) {
      const label = boxedByComponent ? direct.name : shortType(r.type);
      // Ids from names, not registration order, so the picture changes only with the architecture.
      const id = `s${stackIndex}_${key.split("::").pop()}`.replace(/[^A-Za-z0-9_]/g, "_");
      node = { id, label, urns: [] };
      nodes.set(key, node);
      group.nodes.push(node);
    }
    node.urns.push(r.urn);
  }
  const sorted = [...groups.values()].map((g) => ({
    ...g,
    nodes: [...g.nodes].sort((a, b) => a.label.localeCompare(b.label)),
  }));
  return { plan, role: roleOf(plan), groups: sorted };
}

function stringAt(inputs: Record<string, unknown>, key: string): string | undefined {
  const v = inputs[key];
  return typeof v === "string" ? v : undefined;
}

/**
 * The links between regions, each found from the data the plans carry: the standby's Aurora
 * cluster joining the primary's global database, table replicas of the primary's global tables,
 * S3 replication configured on the primary's buckets, the Route 53 failover pair, ECR
 * replication into the other region, and the StackReference that reads the primary's outputs.
 */
export function crossRegionLinks(plans: StackPlan[]): CrossRegionLink[] {
  const links: CrossRegionLink[] = [];
  for (const a of plans) {
    for (const b of plans) {
      if (a === b) continue;
      for (const r of b.resources) {
        const match = (label: string, pred: (x: PlannedResource) => boolean) => {
          const target = a.resources.find(pred);
          if (target) {
            links.push({
              label,
              from: { stack: a.stack, urn: target.urn },
              to: { stack: b.stack, urn: r.urn },
            });
          }
        };
        if (r.type === "aws:rds/cluster:Cluster") {
          const id = stringAt(r.inputs, "globalClusterIdentifier");
          if (id) {
            match(
              "Aurora global database",
              (x) =>
                x.type === "aws:rds/globalCluster:GlobalCluster" &&
                stringAt(x.inputs, "globalClusterIdentifier") === id,
            );
          }
        } else if (r.type === "aws:dynamodb/tableReplica:TableReplica") {
          const arn = stringAt(r.inputs, "globalTableArn");
          match(
            "DynamoDB global table replica",
            (x) => x.type === "aws:dynamodb/table:Table" && x.outputs.arn === arn,
          );
        } else if (r.type === "aws:s3/bucketReplicationConfig:BucketReplicationConfig") {
          const bucket = stringAt(r.inputs, "bucket");
          match(
            "S3 replication",
            (x) =>
              x.type === "aws:s3/bucket:Bucket" &&
              (x.outputs.bucket === bucket || x.outputs.id === bucket),
          );
        } else if (r.type === "pulumi:pulumi:StackReference") {
          if (stringAt(r.inputs, "name") === a.qualifiedName) {
            links.push({
              label: "StackReference (outputs)",
              from: { stack: b.stack, urn: r.urn },
              to: { stack: a.stack },
            });
          }
        }
      }
      for (const r of a.resources) {
        if (r.type !== "aws:ecr/replicationConfiguration:ReplicationConfiguration") continue;
        const regions = JSON.stringify(r.inputs).match(/"region":"([a-z0-9-]+)"/g) ?? [];
        if (regions.some((m) => m.includes(`"${b.region}"`))) {
          links.push({
            label: "ECR image replication",
            from: { stack: a.stack, urn: r.urn },
            to: { stack: b.stack, group: "services" },
          });
        }
      }
    }
  }
  links.push(...failoverPairLinks(plans));
  return links;
}

const failoverType = (x: PlannedResource) =>
  x.type === "aws:route53/record:Record"
    ? ((x.inputs.failoverRoutingPolicies as { type?: string }[] | undefined) ?? [])[0]?.type
    : undefined;

/**
 * The Route 53 failover pair, from the Region each record names in its set identifier (the
 * standby's Region switch owns both records, so the stacks that hold them say nothing).
 */
function failoverPairLinks(plans: StackPlan[]): CrossRegionLink[] {
  const records = plans.flatMap((p) => p.resources.filter((r) => failoverType(r) !== undefined));
  const stackOf = (r: PlannedResource) =>
    plans.find((p) => p.region === stringAt(r.inputs, "setIdentifier"));
  return records
    .filter((r) => failoverType(r) === "SECONDARY")
    .flatMap((secondary) => {
      const primary = records.find(
        (r) => failoverType(r) === "PRIMARY" && r.inputs.name === secondary.inputs.name,
      );
      const [from, to] = [primary && stackOf(primary), stackOf(secondary)];
      // Drawn from the API domain the PRIMARY record answers, in the primary's own plan.
      const target = primary && (primary.inputs.records as string[] | undefined)?.[0];
      const domain = from?.resources.find(
        (r) =>
          r.type === "aws:apigatewayv2/domainName:DomainName" &&
          (r.outputs.domainNameConfiguration as { targetDomainName?: string } | undefined)
            ?.targetDomainName === target,
      );
      return from && to && from !== to && domain
        ? [
            {
              label: "Route 53 failover pair",
              from: { stack: from.stack, urn: domain.urn },
              to: { stack: to.stack, urn: secondary.urn },
            },
          ]
        : [];
    });
}

/** The failover record that answers for `region` (its set identifier), in whichever plan holds it. */
export function failoverRecordFor(plans: StackPlan[], region: string): PlannedResource | undefined {
  return plans
    .flatMap((p) => p.resources)
    .find((r) => failoverType(r) !== undefined && stringAt(r.inputs, "setIdentifier") === region);
}

/** Boxes per row inside a component. */
const COLUMNS = 4;

/**
 * Top to bottom as a request travels: edge, identity, mesh, services, cluster, data, network;
 * observability, which watches all of them, last.
 */
const GROUP_ORDER = [
  "edge",
  "identity",
  "mesh",
  "services",
  "cluster",
  "data",
  "network",
  "observability",
];

function orderGroups(groups: DiagramGroup[]): DiagramGroup[] {
  const rank = (g: DiagramGroup) => {
    const i = GROUP_ORDER.indexOf(g.name);
    return i < 0 ? GROUP_ORDER.length : i;
  };
  return [...groups].sort((a, b) => rank(a) - rank(b));
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The Graphviz source for the plans; exported so tests can read it without rendering. */
export function architectureDot(plans: StackPlan[]): string {
  const stacks = plans.map(groupPlan);
  const nodeOf = new Map<string, DiagramNode>();
  const lines = [
    "digraph architecture {",
    '  graph [rankdir=TB, compound=true, fontname="Helvetica", fontsize=12, nodesep=0.2, ranksep=0.6, newrank=true];',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9, color="#c0392b", fontcolor="#c0392b", penwidth=1.4];',
  ];
  /** `stack` or `stack/group` → a box inside it and the cluster an edge to it should end at. */
  const anchor = new Map<string, { node: string; cluster: string }>();
  // Invisible edges give each component a grid of COLUMNS boxes per row and stack components
  // top to bottom; the stacks then sit side by side because each starts at the top rank.
  const layout: string[] = [];
  stacks.forEach((s, i) => {
    const role = s.role ? ` (${s.role})` : "";
    lines.push(`  subgraph cluster_stack${i} {`);
    lines.push(
      `    label=${quote(`${s.plan.stack} · ${s.plan.region}${role}`)}; style="rounded,filled"; fillcolor="${s.role === "standby" ? "#eef3fb" : "#eefbf0"}"; fontsize=16;`,
    );
    let previousRow: DiagramNode[] = [];
    orderGroups(s.groups).forEach((g, j) => {
      const extra = g.supporting ? ` (+${g.supporting} supporting)` : "";
      lines.push(`    subgraph cluster_stack${i}_${j} {`);
      lines.push(
        `      label=${quote(`${g.name}${g.type ? ` · ${g.type}` : ""}${extra}`)}; style="rounded,filled"; fillcolor="#fdfdf6"; fontsize=11;`,
      );
      for (const n of g.nodes) {
        const count = n.urns.length > 1 ? ` ×${n.urns.length}` : "";
        lines.push(`      ${n.id} [label=${quote(`${n.label}${count}`)}];`);
        n.urns.forEach((u) => nodeOf.set(u, n));
        if (!anchor.has(s.plan.stack)) {
          anchor.set(s.plan.stack, { node: n.id, cluster: `cluster_stack${i}` });
        }
        if (!anchor.has(`${s.plan.stack}/${g.name}`)) {
          anchor.set(`${s.plan.stack}/${g.name}`, {
            node: n.id,
            cluster: `cluster_stack${i}_${j}`,
          });
        }
      }
      g.nodes.forEach((n, k) => {
        const above = k < COLUMNS ? previousRow[0] : g.nodes[k - COLUMNS];
        if (above) layout.push(`  ${above.id} -> ${n.id} [style=invis];`);
      });
      if (g.nodes.length) previousRow = g.nodes.slice(-(((g.nodes.length - 1) % COLUMNS) + 1));
      lines.push("    }");
    });
    lines.push("  }");
  });
  lines.push(...layout);
  const seen = new Set<string>();
  for (const link of crossRegionLinks(plans)) {
    const from = nodeOf.get(link.from.urn)?.id;
    const toNode = link.to.urn ? nodeOf.get(link.to.urn)?.id : undefined;
    const target = toNode
      ? undefined
      : anchor.get(link.to.group ? `${link.to.stack}/${link.to.group}` : link.to.stack);
    const to = toNode ?? target?.node;
    if (!from || !to) continue;
    const key = `${from}->${to}:${link.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lhead = target ? `, lhead=${target.cluster}` : "";
    lines.push(`  ${from} -> ${to} [label=${quote(link.label)}, constraint=false${lhead}];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

interface Pending {
  resolve: (svg: string) => void;
  reject: (err: Error) => void;
}
let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/**
 * Fails every waiting layout of `thread` (it died) and lets the next one start a new thread. A
 * crash reports twice (error, then exit): the second report finds the thread already replaced and
 * leaves the new one's layouts alone.
 */
function failAll(thread: Worker, err: Error): void {
  if (worker !== thread) return;
  worker = undefined;
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function graphvizThread(): Worker {
  if (!worker) {
    // The thread runs plain JavaScript: it is not handed this process's flags (`npm start`'s
    // `-r @swc-node/register` would load the TypeScript compiler there too, a third of a CPU-second).
    const thread = new Worker(path.join(__dirname, "graphvizWorker.cjs"), { execArgv: [] });
    // Idle, the thread never keeps the process alive; it is referenced only while a layout waits.
    thread.unref();
    thread.on("message", ({ id, svg, error }: { id: number; svg?: string; error?: string }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) thread.unref();
      if (error !== undefined || svg === undefined) {
        waiting?.reject(new Error(`Graphviz: ${error ?? "no output"}`));
      } else {
        waiting?.resolve(svg);
      }
    });
    thread.on("error", (err) => failAll(thread, err));
    thread.on("exit", (code) => failAll(thread, new Error(`the Graphviz thread exited (${code})`)));
    worker = thread;
  }
  return worker;
}

/**
 * Starts Graphviz on its own thread (./graphvizWorker.cjs): it loads and warms up its
 * WebAssembly there, on the second core, while the caller synthesizes the stacks.
 */
export function preloadGraphviz(): void {
  graphvizThread();
}

/** Renders the plans to SVG with Graphviz compiled to WebAssembly. */
export async function architectureSvg(plans: StackPlan[]): Promise<string> {
  return renderSvg(architectureDot(plans));
}

/** Lays out any Graphviz source (`dot`, to SVG) on the Graphviz thread. */
export function renderSvg(dot: string): Promise<string> {
  const thread = graphvizThread();
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, dot });
  });
}
