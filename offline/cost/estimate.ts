/**
 * A monthly cost estimate computed from a synthesized plan: each priced resource becomes a line
 * item (USD a month, with the arithmetic behind it), grouped by component and by type. Pure: plan
 * in, numbers out; prices and usage come from prices.ts.
 */
import { PlannedResource, StackPlan } from "../plan";
import {
  EKS_STANDARD_SUPPORT_ENDS,
  HOURS_PER_MONTH,
  LOG_ACTIVITY_AT_REST,
  PRICED_REGIONS,
  PRICES,
  PRICES_RECORDED,
  PricedRegion,
  RegionPrices,
  USAGE,
} from "./prices";

export interface LineItem {
  /** The top-level component the resource belongs to (`network`, `data`, …) or `stack`. */
  component: string;
  type: string;
  name: string;
  usd: number;
  /** How the figure was computed, e.g. "2 × 730 h × $0.31". */
  basis: string;
}

/** How much of the shop's traffic (and logging) a stack carries. */
export interface Activity {
  posture: string;
  traffic: number;
  logs: number;
}

export interface StackEstimate {
  stack: string;
  region: string;
  activity: Activity;
  items: LineItem[];
  total: number;
}

type Inputs = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
interface Context {
  p: RegionPrices;
  activity: Activity;
  plan: StackPlan;
  byUrn: Map<string, PlannedResource>;
}
type Pricer = (r: PlannedResource, c: Context) => [number, string][];

export const monthlyHours = (hourly: number, count = 1) => hourly * HOURS_PER_MONTH * count;
const usd = (n: number) => `$${n < 1 ? n.toFixed(4).replace(/0+$/, "") : n.toFixed(2)}`;

/** The posture from the plan's config: the primary and a standby in drill/failover serve. */
export function activityOf(config: Record<string, unknown>): Activity {
  const role = config["ecommerce:role"];
  const mode = (config["ecommerce:dr"] as Record<string, unknown> | undefined)?.mode ?? "standby";
  if (role === "primary") return { posture: "active", traffic: 1, logs: 1 };
  const serving = mode === "drill" || mode === "failover";
  return {
    posture: String(mode),
    traffic: serving ? 1 : 0,
    logs: serving ? 1 : LOG_ACTIVITY_AT_REST,
  };
}

export function pricesFor(region: string): RegionPrices {
  if (!(PRICED_REGIONS as readonly string[]).includes(region)) {
    throw new Error(
      `no prices for ${region} in offline/cost/prices.ts; add it (priced: ${PRICED_REGIONS.join(", ")})`,
    );
  }
  return PRICES[region as PricedRegion];
}

/** Whether EKS bills a cluster on `version` at the extended-support rate, as prices stood. */
export function pastStandardSupport(version: string): boolean {
  const ends = EKS_STANDARD_SUPPORT_ENDS[version];
  if (ends === undefined) {
    throw new Error(
      `no EKS support dates for Kubernetes ${version} in offline/cost/prices.ts (EKS_STANDARD_SUPPORT_ENDS)`,
    );
  }
  return ends < PRICES_RECORDED;
}

function hourlyOf(table: Record<string, number>, key: string, what: string): number {
  const price = table[key];
  if (price === undefined) {
    throw new Error(`no price for ${what} ${key} in offline/cost/prices.ts`);
  }
  return price;
}

/** vCPUs of the shop's workloads at their minimum replicas (HPA), sidecars included. */
function workloadVcpu(plan: StackPlan): number {
  const k = USAGE.karpenter.value;
  const deployments = new Map(
    plan.resources
      .filter((r) => r.type === "kubernetes:apps/v1:Deployment")
      .map((r) => [String((r.inputs as Inputs).metadata?.name ?? r.name), r.inputs as Inputs]),
  );
  let vcpu = 0;
  for (const hpa of plan.resources.filter(
    (r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  )) {
    const spec = (hpa.inputs as Inputs).spec ?? {};
    const target = deployments.get(String(spec.scaleTargetRef?.name));
    if (!target) continue;
    const containers: Inputs[] = target.spec?.template?.spec?.containers ?? [];
    const cpu = containers.reduce((sum, c) => sum + cpuOf(c.resources?.requests?.cpu), 0);
    vcpu += Number(spec.minReplicas ?? 1) * (cpu + k.sidecarCpu);
  }
  return vcpu;
}

/** Kubernetes CPU quantities: "250m" or "2". */
export function cpuOf(quantity: unknown): number {
  if (typeof quantity === "number") return quantity;
  if (typeof quantity !== "string") return 0;
  return quantity.endsWith("m") ? Number(quantity.slice(0, -1)) / 1000 : Number(quantity);
}

/** The log volume a group's name suggests (USAGE.logsGb). */
export function logKind(name: string): keyof typeof USAGE.logsGb.value {
  if (name.includes("flow-logs")) return "flow";
  if (name.endsWith("/containers/shop")) return "shop";
  if (name.includes("/containers/")) return "containers";
  if (name.startsWith("/aws/cloudtrail/")) return "trail";
  if (name.startsWith("aws-waf-logs-")) return "waf";
  if (name.includes("api")) return "api";
  return "other";
}

const PRICERS: Record<string, Pricer> = {
  "eks:index:Cluster": (r, { p }) => {
    const version = String((r.inputs as Inputs).version);
    const extended = pastStandardSupport(version);
    const hour = extended ? p.eksExtendedClusterHour : p.eksClusterHour;
    return [
      [
        monthlyHours(hour),
        `730 h × ${usd(hour)}${extended ? ` (Kubernetes ${version}: extended support)` : ""}`,
      ],
    ];
  },
  "eks:index:ManagedNodeGroup": (r, { p }) => {
    const i = r.inputs as Inputs;
    const type = String(i.instanceTypes?.[0]);
    const n = Number(i.scalingConfig?.desiredSize ?? 0);
    const price = hourlyOf(p.ec2Hour, type, "EC2 instance");
    return [[monthlyHours(price, n), `${n} × ${type} × 730 h × ${usd(price)}`]];
  },
  // Karpenter's nodes are not in the plan: sized from the workloads it will have to place.
  "kubernetes:karpenter.sh/v1:NodePool": (_r, { p, plan }) => {
    const k = USAGE.karpenter.value;
    const nodes = workloadVcpu(plan) / (k.vcpu * k.packing);
    const price = hourlyOf(p.ec2Hour, k.instanceType, "EC2 instance");
    return [
      [
        monthlyHours(price, nodes),
        `${nodes.toFixed(2)} × ${k.instanceType} (shop's minimum replicas) × 730 h × ${usd(price)}`,
      ],
    ];
  },
  "aws:ec2/natGateway:NatGateway": (_r, { p, activity }) => {
    const gb =
      activity.traffic > 0 ? USAGE.natGbPerGateway.value : USAGE.natGbPerGateway.value / 10;
    return [
      [monthlyHours(p.natHour), `730 h × ${usd(p.natHour)}`],
      [gb * p.natGb, `${gb} GB × ${usd(p.natGb)}`],
    ];
  },
  "aws:ec2/eip:Eip": (_r, { p }) => [
    [monthlyHours(p.publicIpv4Hour), `public IPv4: 730 h × ${usd(p.publicIpv4Hour)}`],
  ],
  "aws:ec2/vpcEndpoint:VpcEndpoint": (r, { p }) => {
    const i = r.inputs as Inputs;
    if (i.vpcEndpointType !== "Interface") return [];
    const azs = (i.subnetIds ?? []).length || 1;
    return [
      [
        monthlyHours(p.interfaceEndpointAzHour, azs),
        `${azs} AZ × 730 h × ${usd(p.interfaceEndpointAzHour)}`,
      ],
    ];
  },
  "aws:rds/clusterInstance:ClusterInstance": (r, { p }) => {
    const cls = String((r.inputs as Inputs).instanceClass);
    const price = hourlyOf(p.auroraHour, cls, "Aurora instance class");
    return [[monthlyHours(price), `${cls} × 730 h × ${usd(price)}`]];
  },
  "aws:rds/cluster:Cluster": (_r, { p }) => {
    const gb = USAGE.auroraStorageGb.value;
    const io = USAGE.auroraIoMillion.value;
    return [
      [gb * p.auroraStorageGbMonth, `${gb} GB × ${usd(p.auroraStorageGbMonth)}`],
      [io * p.auroraIoMillion, `${io} M I/O × ${usd(p.auroraIoMillion)}`],
    ];
  },
  "aws:elasticache/replicationGroup:ReplicationGroup": (r, { p }) => {
    const i = r.inputs as Inputs;
    const n = Number(i.numCacheClusters ?? 1);
    const price = hourlyOf(p.cacheHour, String(i.nodeType), "cache node type");
    return [[monthlyHours(price, n), `${n} × ${i.nodeType} × 730 h × ${usd(price)}`]];
  },
  "aws:lb/loadBalancer:LoadBalancer": (_r, { p, activity }) => {
    const lcu = activity.traffic > 0 ? USAGE.albLcu.value : 1;
    return [
      [monthlyHours(p.albHour), `730 h × ${usd(p.albHour)}`],
      [monthlyHours(p.albLcuHour, lcu), `${lcu} LCU × 730 h × ${usd(p.albLcuHour)}`],
    ];
  },
  "aws:apigatewayv2/api:Api": (_r, { p, activity }) => {
    const m = USAGE.apiRequestsMillion.value * activity.traffic;
    return [[m * p.httpApiMillion, `${m} M requests × ${usd(p.httpApiMillion)}`]];
  },
  "aws:cloudfront/distribution:Distribution": (_r, { p }) => {
    const gb = USAGE.cdnGb.value;
    const tenK = (USAGE.cdnRequestsMillion.value * 1e6) / 1e4;
    return [
      [gb * p.cloudfrontGb, `${gb} GB × ${usd(p.cloudfrontGb)}`],
      [tenK * p.cloudfront10kHttps, `${tenK} × 10k HTTPS requests × ${usd(p.cloudfront10kHttps)}`],
    ];
  },
  "aws:wafv2/webAcl:WebAcl": (r, { p, activity }) => {
    const rules = ((r.inputs as Inputs).rules ?? []).length;
    // The web ACLs share the request assumption; the CDN's counts whatever the standby does.
    const m =
      (USAGE.wafRequestsMillion.value / 2) *
      ((r.inputs as Inputs).scope === "CLOUDFRONT" ? 1 : activity.traffic);
    return [
      [
        p.wafWebAclMonth + rules * p.wafRuleMonth,
        `${usd(p.wafWebAclMonth)} + ${rules} rules × ${usd(p.wafRuleMonth)}`,
      ],
      [m * p.wafMillion, `${m} M requests × ${usd(p.wafMillion)}`],
    ];
  },
  "aws:kms/key:Key": (_r, { p }) => [[p.kmsKeyMonth, `1 key × ${usd(p.kmsKeyMonth)}`]],
  "aws:kms/replicaKey:ReplicaKey": (_r, { p }) => [
    [p.kmsKeyMonth, `1 key × ${usd(p.kmsKeyMonth)}`],
  ],
  "aws:route53/zone:Zone": (_r, { p }) => {
    const q = USAGE.dnsQueriesMillion.value;
    return [
      [p.route53ZoneMonth, `zone ${usd(p.route53ZoneMonth)}`],
      [q * p.route53QueriesMillion, `${q} M queries × ${usd(p.route53QueriesMillion)}`],
    ];
  },
  "aws:route53/healthCheck:HealthCheck": (r, { p }) => {
    const i = r.inputs as Inputs;
    const features =
      (String(i.type).includes("HTTPS") ? 1 : 0) + (Number(i.requestInterval) === 10 ? 1 : 0);
    return [
      [
        p.route53HealthCheckMonth + features * p.route53HealthCheckFeatureMonth,
        `${usd(p.route53HealthCheckMonth)} + ${features} optional features × ${usd(p.route53HealthCheckFeatureMonth)}`,
      ],
    ];
  },
  "aws:globalaccelerator/accelerator:Accelerator": (_r, { p }) => [
    [
      monthlyHours(p.acceleratorHour),
      `730 h × ${usd(p.acceleratorHour)} (data transfer premium not included)`,
    ],
  ],
  "aws:cloudwatch/logGroup:LogGroup": (r, { p, activity }) => {
    const kind = logKind(String((r.inputs as Inputs).name ?? r.name));
    const gb = USAGE.logsGb.value[kind] * activity.logs;
    // A month's ingestion, stored: a year's retention holds about twelve such months at steady state.
    return [
      [
        gb * p.logsIngestGb + gb * 12 * p.logsStoreGbMonth,
        `${gb} GB (${kind}) × ${usd(p.logsIngestGb)} + ${gb * 12} GB stored × ${usd(p.logsStoreGbMonth)}`,
      ],
    ];
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": (_r, { p }) => [
    [p.alarmMonth, `1 alarm × ${usd(p.alarmMonth)}`],
  ],
  "aws:s3/bucket:Bucket": (r, { p }) => {
    const purpose = String((r.inputs as Inputs).tags?.purpose ?? "");
    if (!["assets", "web"].includes(purpose)) return [];
    const gb = USAGE.s3GbPerBucket.value;
    return [[gb * p.s3GbMonth, `${gb} GB × ${usd(p.s3GbMonth)}`]];
  },
  "aws:secretsmanager/secret:Secret": (r, { p }) => {
    const copies = 1 + ((r.inputs as Inputs).replicas ?? []).length;
    return [[copies * p.secretMonth, `${copies} (with replicas) × ${usd(p.secretMonth)}`]];
  },
  "kubernetes:core/v1:PersistentVolumeClaim": (r, { p }) => {
    const gi = parseInt(String((r.inputs as Inputs).spec?.resources?.requests?.storage ?? "0"), 10);
    return [[gi * p.gp3GbMonth, `${gi} GiB gp3 × ${usd(p.gp3GbMonth)}`]];
  },
  "aws:dynamodb/table:Table": (_r, c) => dynamo(c),
  "aws:dynamodb/tableReplica:TableReplica": (_r, c) => dynamo(c),
  "aws:guardduty/detector:Detector": (_r, { p, plan }) => {
    const g = USAGE.guardDuty.value;
    const nodeVcpu = nodeVcpus(plan);
    return [
      [
        g.eventsMillion * p.guardDutyEventsMillion,
        `${g.eventsMillion} M CloudTrail events × ${usd(p.guardDutyEventsMillion)}`,
      ],
      [
        g.flowDnsGb * p.guardDutyFlowDnsGb,
        `${g.flowDnsGb} GB flow/DNS logs × ${usd(p.guardDutyFlowDnsGb)}`,
      ],
      [
        g.eksAuditMillion * p.guardDutyEksAuditMillion,
        `${g.eksAuditMillion} M EKS audit events × ${usd(p.guardDutyEksAuditMillion)}`,
      ],
      [
        nodeVcpu * p.guardDutyRuntimeVcpuMonth,
        `${nodeVcpu.toFixed(1)} node vCPU × ${usd(p.guardDutyRuntimeVcpuMonth)} (runtime monitoring)`,
      ],
      [
        g.s3EventsMillion * p.guardDutyS3EventsMillion,
        `${g.s3EventsMillion} M S3 events × ${usd(p.guardDutyS3EventsMillion)}`,
      ],
    ];
  },
  "aws:cfg/recorder:Recorder": (_r, { p, plan }) => {
    const items =
      plan.resources.filter((r) => r.custom && r.type.startsWith("aws:")).length *
      USAGE.configItemsPerResource.value;
    return [[items * p.configItem, `${items} configuration items × ${usd(p.configItem)}`]];
  },
  "aws:cfg/rule:Rule": (_r, { p }) => {
    const n = USAGE.configEvaluationsPerRule.value;
    return [[n * p.configRuleEvaluation, `${n} evaluations × ${usd(p.configRuleEvaluation)}`]];
  },
  "aws:cloudtrail/trail:Trail": (_r, { p }) => {
    const n = USAGE.cloudTrailDataEvents100k.value;
    return [
      [
        n * p.cloudTrailDataEvents100k,
        `management events: first copy free; ${n} × 100k data events × ${usd(p.cloudTrailDataEvents100k)}`,
      ],
    ];
  },
  "aws:securityhub/account:Account": (_r, { p }) => {
    const n = USAGE.securityHubChecks.value;
    return [[n * p.securityHubCheck, `${n} checks × ${usd(p.securityHubCheck)}`]];
  },
  "aws:macie2/classificationJob:ClassificationJob": (r, { p }) => {
    const buckets = ((r.inputs as Inputs).s3JobDefinition?.bucketDefinitions ?? []).flatMap(
      (d: Inputs) => d.buckets ?? [],
    ).length;
    const gb = USAGE.macieGb.value;
    return [
      [buckets * p.macieBucketMonth, `${buckets} buckets × ${usd(p.macieBucketMonth)}`],
      [gb * p.macieGb, `${gb} GB inspected × ${usd(p.macieGb)}`],
    ];
  },
};

function dynamo({ p, activity }: Context): [number, string][] {
  const w = USAGE.dynamodbWritesMillion.value;
  const r = USAGE.dynamodbReadsMillion.value * activity.traffic;
  return [
    [w * p.dynamodbWriteMillion, `${w} M writes × ${usd(p.dynamodbWriteMillion)}`],
    [r * p.dynamodbReadMillion, `${r} M reads × ${usd(p.dynamodbReadMillion)}`],
  ];
}

/** vCPUs GuardDuty's runtime agent watches: the system nodes and the workload nodes. */
function nodeVcpus(plan: StackPlan): number {
  const VCPU: Record<string, number> = { large: 2, xlarge: 4, "2xlarge": 8 };
  const system = plan.resources
    .filter((r) => r.type === "eks:index:ManagedNodeGroup")
    .reduce((sum, r) => {
      const i = r.inputs as Inputs;
      const size = String(i.instanceTypes?.[0] ?? "").split(".")[1] ?? "";
      return sum + Number(i.scalingConfig?.desiredSize ?? 0) * (VCPU[size] ?? 2);
    }, 0);
  const k = USAGE.karpenter.value;
  return system + (workloadVcpu(plan) / (k.vcpu * k.packing)) * k.vcpu;
}

/** The outermost `ecommerce:` component above a resource, by its module name. */
export function componentOf(r: PlannedResource, byUrn: Map<string, PlannedResource>): string {
  let found = "stack";
  for (let parent = byUrn.get(r.parent); parent; parent = byUrn.get(parent.parent)) {
    if (parent.type.startsWith("ecommerce:")) found = parent.type.split(":")[1];
  }
  return found;
}

export function estimateStack(plan: StackPlan): StackEstimate {
  const activity = activityOf(plan.config);
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const items: LineItem[] = [];
  for (const r of plan.resources) {
    const pricer = PRICERS[r.type];
    if (!pricer || r.read) continue;
    const region =
      typeof (r.inputs as Inputs).region === "string" ? (r.inputs as Inputs).region : plan.region;
    const c: Context = { p: pricesFor(region), activity, plan, byUrn };
    for (const [amount, basis] of pricer(r, c)) {
      if (amount > 0) {
        items.push({
          component: componentOf(r, byUrn),
          type: r.type,
          name: r.name,
          usd: amount,
          basis,
        });
      }
    }
  }
  return { stack: plan.stack, region: plan.region, activity, items, total: sum(items) };
}

export const sum = (items: { usd: number }[]) => items.reduce((t, i) => t + i.usd, 0);

/** Totals by a key, largest first. */
export function totalsBy(items: LineItem[], key: "component" | "type"): [string, number][] {
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i[key], (totals.get(i[key]) ?? 0) + i.usd);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The standby's cost in each mode against the primary's: the price of being able to fail over. */
export function drPremium(
  primaryTotal: number,
  standbyByMode: Record<string, number>,
): { mode: string; usd: number; percentOfPrimary: number }[] {
  return Object.entries(standbyByMode).map(([mode, total]) => ({
    mode,
    usd: total,
    percentOfPrimary: primaryTotal > 0 ? (total / primaryTotal) * 100 : 0,
  }));
}

export const PRICED_TYPES = Object.keys(PRICERS);
