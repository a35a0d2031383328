/**
 * The failover-relevant facts of a set of synthesized plans, read from resource inputs and mocked
 * outputs, never assumed: which Aurora clusters exist where and in which global cluster, what the
 * Route 53 failover records point at and what steers them, what an ARC Region switch plan does,
 * which Regions each serving-path input names, and which replication links exist in which
 * direction. Pure: plans in, facts out. The game day (`npm run gameday`) and the DR model read them.
 */
import { PlannedResource, StackPlan } from "../plan";

/** An AWS Region named in a host, ARN or identifier (`ap-south-1`, `cognito-idp.ap-south-1…`, `ap-south-1_Ab12`). */
const REGION = /(?<![a-z0-9])([a-z]{2}(?:-gov)?-[a-z]+-\d{1,2})(?![a-z0-9-])/g;

export function regionsIn(value: unknown): string[] {
  const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
  return [...new Set([...text.matchAll(REGION)].map((m) => m[1]))];
}

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A resource's Region: its own `region` input (provider 7's per-resource override) or its stack's. */
export function regionOf(r: PlannedResource, plan: StackPlan): string {
  return str(r.inputs.region) ?? plan.region;
}

export interface Located {
  resource: PlannedResource;
  plan: StackPlan;
  region: string;
}

export function located(plans: StackPlan[], type: string): Located[] {
  return plans.flatMap((plan) =>
    plan.resources
      .filter((r) => r.type === type && !r.read)
      .map((resource) => ({ resource, plan, region: regionOf(resource, plan) })),
  );
}

// ---------------------------------------------------------------- Aurora

export interface ClusterFact {
  /** `<stack>/<name>`: stable across the plans of every DR mode. */
  key: string;
  stack: string;
  region: string;
  identifier: string;
  arn?: string;
  globalClusterIdentifier?: string;
  /** The cluster that creates its global cluster (no replication source, same stack as the GlobalCluster). */
  createsGlobal: boolean;
  writeForwarding: boolean;
  endpoint?: string;
  readerEndpoint?: string;
  ignoreChanges: string[];
  inputs: Record<string, unknown>;
}

export interface GlobalClusterFact {
  identifier: string;
  stack: string;
  /** The global writer endpoint (`aws.rds.GlobalCluster.endpoint`) when the plan knows it. */
  endpoint?: string;
}

export function auroraClusters(plans: StackPlan[]): ClusterFact[] {
  const globals = globalClusters(plans);
  return located(plans, "aws:rds/cluster:Cluster").map(({ resource: r, plan, region }) => {
    const global = str(r.inputs.globalClusterIdentifier);
    return {
      key: `${plan.stack}/${r.name}`,
      stack: plan.stack,
      region,
      identifier: str(r.inputs.clusterIdentifier) ?? r.name,
      arn: str(r.outputs.arn),
      globalClusterIdentifier: global,
      createsGlobal:
        global !== undefined &&
        !r.inputs.replicationSourceIdentifier &&
        globals.some((g) => g.identifier === global && g.stack === plan.stack),
      writeForwarding: r.inputs.enableGlobalWriteForwarding === true,
      endpoint: str(r.outputs.endpoint),
      readerEndpoint: str(r.outputs.readerEndpoint),
      ignoreChanges: r.ignoreChanges ?? [],
      inputs: r.inputs,
    };
  });
}

export function globalClusters(plans: StackPlan[]): GlobalClusterFact[] {
  return located(plans, "aws:rds/globalCluster:GlobalCluster").map(({ resource: r, plan }) => ({
    identifier: str(r.inputs.globalClusterIdentifier) ?? r.name,
    stack: plan.stack,
    endpoint: str(r.outputs.endpoint),
  }));
}

/** A global writer endpoint's shape: `<name>.global-<id>.global.rds.amazonaws.com`. */
export const GLOBAL_WRITER_HOST = /\.global-[a-z0-9]+\.global\.rds\.amazonaws\.com$/;

// ---------------------------------------------------------------- Route 53

export interface HealthCheckFact {
  id: string;
  name: string;
  type: string;
  /** The Region whose endpoint an endpoint check probes (from its FQDN), if it names one. */
  probesRegion?: string;
  inverted: boolean;
  children: string[];
  childThreshold: number;
  alarmRegion?: string;
  intervalSeconds?: number;
  failureThreshold?: number;
}

export function healthChecks(plans: StackPlan[]): HealthCheckFact[] {
  return located(plans, "aws:route53/healthCheck:HealthCheck").map(({ resource: r }) => ({
    id: String(r.id ?? r.outputs.id ?? r.name),
    name: r.name,
    type: str(r.inputs.type) ?? "HTTPS",
    probesRegion: regionsIn([r.inputs.fqdn, r.inputs.ipAddress].filter(Boolean))[0],
    inverted: r.inputs.invertHealthcheck === true,
    children: arr(r.inputs.childHealthchecks).map(String),
    childThreshold: Number(r.inputs.childHealthThreshold ?? 1),
    alarmRegion: str(r.inputs.cloudwatchAlarmRegion),
    intervalSeconds:
      typeof r.inputs.requestInterval === "number" ? r.inputs.requestInterval : undefined,
    failureThreshold:
      typeof r.inputs.failureThreshold === "number" ? r.inputs.failureThreshold : undefined,
  }));
}

export interface FailoverRecordFact {
  stack: string;
  name: string;
  role: "PRIMARY" | "SECONDARY";
  setIdentifier?: string;
  /** The Region the record's value points at. */
  region?: string;
  healthCheckId?: string;
}

const bareName = (n: unknown) => String(n ?? "").replace(/\.$/, "");

export function failoverRecords(plans: StackPlan[]): FailoverRecordFact[] {
  return located(plans, "aws:route53/record:Record").flatMap(({ resource: r, plan }) => {
    const policy = obj(arr(r.inputs.failoverRoutingPolicies)[0]);
    const role = str(policy.type);
    if (role !== "PRIMARY" && role !== "SECONDARY") return [];
    const targets = [...arr(r.inputs.records), ...arr(r.inputs.aliases).map((a) => obj(a).name)];
    return [
      {
        stack: plan.stack,
        name: bareName(r.inputs.name),
        role,
        setIdentifier: str(r.inputs.setIdentifier),
        region: regionsIn(targets)[0] ?? regionsIn(r.inputs.setIdentifier)[0],
        healthCheckId: str(r.inputs.healthCheckId),
      },
    ];
  });
}

// ---------------------------------------------------------------- ARC Region switch

export interface SwitchStep {
  name: string;
  kind: string;
  /** Aurora: `switchoverOnly` | `failover`. */
  behavior?: string;
  clusterArns: string[];
  /** Route 53 health-check step: the record it steers and its record sets by identifier → Region. */
  recordName?: string;
  recordSets: { setIdentifier: string; region: string }[];
  approvalTimeoutMinutes?: number;
}

export interface SwitchWorkflow {
  action: string;
  targetRegion?: string;
  steps: SwitchStep[];
}

export interface SwitchPlanFact {
  name: string;
  stack: string;
  primaryRegion?: string;
  regions: string[];
  approach?: string;
  workflows: SwitchWorkflow[];
  /** Triggers (the alarm-driven automatic execution), by action and target Region. */
  triggers: { action: string; targetRegion: string }[];
}

/** The execution block type from the one configuration a step carries, when the type is not given. */
function blockKind(step: Record<string, unknown>): string {
  const kinds: [string, string][] = [
    ["globalAuroraConfigs", "AuroraGlobalDatabase"],
    ["route53HealthCheckConfigs", "Route53HealthCheck"],
    ["executionApprovalConfigs", "ManualApproval"],
    ["eksResourceScalingConfigs", "EKSResourceScaling"],
  ];
  return kinds.find(([k]) => arr(step[k]).length > 0)?.[1] ?? "";
}

function switchSteps(raw: unknown[]): SwitchStep[] {
  return raw.flatMap((s) => {
    const step = obj(s);
    const parallel = arr(step.parallelConfigs).flatMap((p) => arr(obj(p).steps));
    if (parallel.length > 0) return switchSteps(parallel);
    const aurora = obj(arr(step.globalAuroraConfigs)[0]);
    const r53 = obj(arr(step.route53HealthCheckConfigs)[0]);
    const approval = obj(arr(step.executionApprovalConfigs)[0]);
    return [
      {
        name: str(step.name) ?? "",
        kind: str(step.executionBlockType) ?? blockKind(step),
        behavior: str(aurora.behavior),
        clusterArns: arr(aurora.databaseClusterArns).map(String),
        recordName: r53.recordName === undefined ? undefined : bareName(r53.recordName),
        recordSets: arr(r53.recordSets).map((x) => ({
          setIdentifier: String(obj(x).recordSetIdentifier),
          region: String(obj(x).region),
        })),
        approvalTimeoutMinutes:
          typeof approval.timeoutMinutes === "number" ? approval.timeoutMinutes : undefined,
      },
    ];
  });
}

/** `aws:arcregionswitch/plan:Plan` resources (@pulumi/aws 7.48.0 input shapes). */
export function switchPlans(plans: StackPlan[]): SwitchPlanFact[] {
  return located(plans, "aws:arcregionswitch/plan:Plan").map(({ resource: r, plan }) => ({
    name: r.name,
    stack: plan.stack,
    primaryRegion: str(r.inputs.primaryRegion),
    regions: arr(r.inputs.regions).map(String),
    approach: str(r.inputs.recoveryApproach),
    workflows: arr(r.inputs.workflows).map((w) => ({
      action: str(obj(w).workflowTargetAction) ?? "activate",
      targetRegion: str(obj(w).workflowTargetRegion),
      steps: switchSteps(arr(obj(w).steps)),
    })),
    triggers: arr(r.inputs.triggers).map((t) => ({
      action: str(obj(t).action) ?? "activate",
      targetRegion: String(obj(t).targetRegion),
    })),
  }));
}

/** The Region switch plan's workflow that activates `region` (an unspecified target matches any). */
export function workflowFor(plan: SwitchPlanFact, region: string): SwitchWorkflow | undefined {
  return (
    plan.workflows.find((w) => w.action === "activate" && w.targetRegion === region) ??
    plan.workflows.find((w) => w.action === "activate" && w.targetRegion === undefined)
  );
}

/** The switch plan step that steers a failover record (its record name and set identifier). */
export function stepSteering(
  plans: SwitchPlanFact[],
  record: FailoverRecordFact,
): { plan: SwitchPlanFact; region: string } | undefined {
  for (const plan of plans) {
    for (const w of plan.workflows) {
      for (const s of w.steps) {
        if (s.recordName !== record.name) continue;
        const set = s.recordSets.find((x) => x.setIdentifier === record.setIdentifier);
        if (set) return { plan, region: set.region };
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- replication

export interface ReplicationLink {
  /** `s3:<source bucket>` or `dynamodb:<table>`. */
  store: string;
  from: string;
  to: string;
  source: string;
  destination: string;
  what: string;
}

function bucketRegions(plans: StackPlan[]): Map<string, string> {
  return new Map(
    located(plans, "aws:s3/bucket:Bucket").map(({ resource: r, region }) => [
      String(r.inputs.bucket ?? r.name),
      region,
    ]),
  );
}

/** S3 replication rules and DynamoDB global-table replicas as directed Region links. */
export function replicationLinks(plans: StackPlan[]): ReplicationLink[] {
  const buckets = bucketRegions(plans);
  const links: ReplicationLink[] = [];
  for (const { resource: r, region } of located(
    plans,
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  )) {
    const source = String(r.inputs.bucket);
    const from = buckets.get(source) ?? region;
    for (const rule of arr(r.inputs.rules).map(obj)) {
      if (rule.status === "Disabled") continue;
      const dest = String(obj(rule.destination).bucket).replace(/^arn:aws[a-z-]*:s3:::/, "");
      const to = buckets.get(dest) ?? regionsIn(dest)[0];
      if (to)
        links.push({
          store: `s3:${source}`,
          from,
          to,
          source,
          destination: dest,
          what: `${source} → ${dest}`,
        });
    }
  }
  // A global-table replica replicates both ways (multi-active).
  for (const { resource: r, region } of located(plans, "aws:dynamodb/tableReplica:TableReplica")) {
    const arn = String(r.inputs.globalTableArn ?? "");
    const home = regionsIn(arn)[0];
    if (!home) continue;
    const table = arn.split("/").pop() ?? arn;
    const link = { store: `dynamodb:${table}`, source: table, destination: table };
    const what = `${table} (global table)`;
    links.push(
      { ...link, from: home, to: region, what },
      { ...link, from: region, to: home, what },
    );
  }
  return links;
}

// ---------------------------------------------------------------- capacity

/** The services' autoscaler floors and ceilings in a stack (the `shop` namespace's HPAs). */
export function serviceCapacity(plan: StackPlan): {
  pods: number;
  ceiling: number;
  services: number;
} {
  const hpas = plan.resources.filter(
    (r) =>
      r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" &&
      str(obj(r.inputs.metadata).namespace) === "shop",
  );
  return {
    services: hpas.length,
    pods: hpas.reduce((n, r) => n + Number(obj(r.inputs.spec).minReplicas ?? 0), 0),
    ceiling: hpas.reduce((n, r) => n + Number(obj(r.inputs.spec).maxReplicas ?? 0), 0),
  };
}
