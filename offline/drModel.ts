/**
 * The RTO/RPO model: a failover timeline computed from the stacks' configuration and documented
 * AWS figures, reported against the brief's targets and the project's own. Pure: the figures are
 * data with their sources, and every number in a report can be traced to one of them.
 */

/** Documented AWS figures the model uses, each with where it comes from. */
export const AWS_FIGURES = {
  auroraGlobalRpoSeconds: {
    value: 1,
    source:
      "Aurora Global Database: replication to secondary Regions typically under 1 second (Amazon Aurora User Guide, 'Using Amazon Aurora global databases')",
  },
  auroraPromotionSeconds: {
    value: 60,
    source:
      "Aurora Global Database: detaching and promoting a secondary cluster typically completes in about a minute (Amazon Aurora User Guide, 'Recovering an Amazon Aurora global database from an unplanned outage')",
  },
  dynamoDbReplicationSeconds: {
    value: 1,
    source:
      "DynamoDB global tables: changes typically propagate to replicas within a second (Amazon DynamoDB Developer Guide, 'Global tables')",
  },
  s3RtcSeconds: {
    value: 15 * 60,
    source:
      "S3 Replication Time Control: 99.99 % of objects replicated within 15 minutes, backed by an SLA (Amazon S3 User Guide, 'Meeting compliance requirements with S3 RTC')",
  },
  route53IntervalsSeconds: {
    value: [10, 30],
    source:
      "Route 53 health checks: request interval of 10 (fast) or 30 seconds (Amazon Route 53 Developer Guide, 'Values that you specify when you create or update health checks')",
  },
  nodeLaunchSeconds: {
    value: 90,
    source:
      "EC2 instance launch and EKS node registration with Karpenter: about a minute to a minute and a half for AL2023 nodes (Karpenter documentation, 'Concepts: scheduling'; conservative figure)",
  },
  podReadySeconds: {
    value: 30,
    source:
      "Service readiness: image pull of a small image plus the startup and readiness probes configured in services/microservice.ts",
  },
} as const;

/** Targets: the brief's and this project's own. */
export const TARGETS = {
  brief: { rtoSeconds: 15 * 60, rpoSeconds: 5 * 60 },
  project: { rtoSeconds: 5 * 60, rpoSeconds: 1 },
};

export type DrScenario = "standby" | "drill" | "failover";

/** What the model reads from the synthesized configuration. */
export interface DrInputs {
  /** The standby's DR mode at the time of the primary's loss. */
  mode: DrScenario;
  healthCheckIntervalSeconds: number;
  healthCheckFailureThreshold: number;
  /** TTL of the failover record for `api.<domain>`. */
  recordTtlSeconds: number;
  /** Time for an operator to confirm the outage and run `pulumi up` with dr.mode=failover. */
  operatorSeconds: number;
  /** The standby runs reduced capacity in this mode and must scale up to serve. */
  reducedCapacity: boolean;
}

export interface TimelineStep {
  step: string;
  seconds: number;
  automatic: boolean;
  basis: string;
}

export interface DataRpo {
  store: string;
  rpoSeconds: number | undefined;
  note: string;
}

export interface DrReport {
  inputs: DrInputs;
  /** Steps until reads are served from the standby region. */
  readTimeline: TimelineStep[];
  /** Steps until writes are accepted again (after promotion). */
  writeTimeline: TimelineStep[];
  rtoReadsSeconds: number;
  rtoWritesSeconds: number;
  rpo: DataRpo[];
  verdicts: { target: string; metric: string; value: string; limit: string; met: boolean }[];
}

const sum = (steps: TimelineStep[]) => steps.reduce((t, s) => t + s.seconds, 0);

export function drReport(i: DrInputs): DrReport {
  const f = AWS_FIGURES;
  const detection: TimelineStep = {
    step: "Route 53 marks the primary unhealthy",
    seconds: i.healthCheckIntervalSeconds * i.healthCheckFailureThreshold,
    automatic: true,
    basis: `health-check interval ${i.healthCheckIntervalSeconds} s × failure threshold ${i.healthCheckFailureThreshold}`,
  };
  const dns: TimelineStep = {
    step: "Resolvers move to the SECONDARY record",
    seconds: i.recordTtlSeconds,
    automatic: true,
    basis: `failover record TTL ${i.recordTtlSeconds} s`,
  };
  const scaleUp: TimelineStep[] = i.reducedCapacity
    ? [
        {
          step: "Karpenter launches nodes for full capacity",
          seconds: f.nodeLaunchSeconds.value,
          automatic: true,
          basis: f.nodeLaunchSeconds.source,
        },
        {
          step: "Services scale to full replicas and pass readiness",
          seconds: f.podReadySeconds.value,
          automatic: true,
          basis: f.podReadySeconds.source,
        },
      ]
    : [];
  // The standby serves reads as soon as DNS moves, at the capacity it has. Its ceilings
  // (Karpenter's limits, the autoscalers' maximum) are production size in every mode
  // (components/cluster/capacity.ts), so load alone grows it; the full floors arrive with the
  // operator's dr.mode=failover run, on the write timeline after that step.
  const readTimeline = [detection, dns];
  // Writes: a secondary in standby mode is read-only until it is promoted; a drill forwards
  // writes to the (lost) primary, so it too needs promotion; a standby already in failover
  // mode is the writer.
  const writeTimeline =
    i.mode === "failover"
      ? [detection, dns]
      : [
          detection,
          {
            step: "Operator fails the global database over (--allow-data-loss), then runs pulumi up with dr.mode=failover",
            seconds: i.operatorSeconds,
            automatic: false,
            basis: "runbook step (configured estimate)",
          },
          {
            step: "Aurora promotes the secondary to writer (managed failover)",
            seconds: f.auroraPromotionSeconds.value,
            automatic: true,
            basis: f.auroraPromotionSeconds.source,
          },
          ...scaleUp,
        ];
  // DNS switches while the database is promoted; writes are back when both are done.
  const rtoWritesSeconds = Math.max(sum(writeTimeline), sum([detection, dns]));
  const rtoReadsSeconds = sum(readTimeline);

  const rpo: DataRpo[] = [
    {
      store: "Aurora PostgreSQL (global database)",
      rpoSeconds: f.auroraGlobalRpoSeconds.value,
      note: f.auroraGlobalRpoSeconds.source,
    },
    {
      store: "DynamoDB carts, sessions (global tables)",
      rpoSeconds: f.dynamoDbReplicationSeconds.value,
      note: f.dynamoDbReplicationSeconds.source,
    },
    {
      store: "S3 assets, web (CRR with RTC)",
      rpoSeconds: f.s3RtcSeconds.value,
      note: `${f.s3RtcSeconds.source}; most objects arrive in seconds, the SLA bound is 15 minutes`,
    },
    {
      store: "SQS order-events",
      rpoSeconds: undefined,
      note: "not replicated: messages still queued in the lost region wait there until it returns (orders are recorded in Aurora first)",
    },
    {
      store: "Valkey cache",
      rpoSeconds: undefined,
      note: "not replicated: a cache, rebuilt from Aurora and DynamoDB in the standby region",
    },
  ];

  const relationalAndKv = rpo.slice(0, 2).map((r) => r.rpoSeconds ?? Infinity);
  const worstReplicated = Math.max(
    ...rpo.filter((r) => r.rpoSeconds !== undefined).map((r) => r.rpoSeconds as number),
  );
  const minutes = (s: number) => (s >= 60 ? `${(s / 60).toFixed(1)} min` : `${s} s`);
  const verdicts = [
    {
      target: "brief",
      metric: "RTO (writes)",
      value: minutes(rtoWritesSeconds),
      limit: minutes(TARGETS.brief.rtoSeconds),
      met: rtoWritesSeconds <= TARGETS.brief.rtoSeconds,
    },
    {
      target: "brief",
      metric: "RPO (all replicated data)",
      value: minutes(worstReplicated),
      limit: minutes(TARGETS.brief.rpoSeconds),
      met: worstReplicated <= TARGETS.brief.rpoSeconds,
    },
    {
      target: "project",
      metric: "RTO (writes)",
      value: minutes(rtoWritesSeconds),
      limit: minutes(TARGETS.project.rtoSeconds),
      met: rtoWritesSeconds <= TARGETS.project.rtoSeconds,
    },
    {
      target: "project",
      metric: "RPO (relational and key-value)",
      value: minutes(Math.max(...relationalAndKv)),
      limit: minutes(TARGETS.project.rpoSeconds),
      met: Math.max(...relationalAndKv) <= TARGETS.project.rpoSeconds,
    },
  ];
  return {
    inputs: i,
    readTimeline,
    writeTimeline,
    rtoReadsSeconds,
    rtoWritesSeconds,
    rpo,
    verdicts,
  };
}

export function formatDrReport(r: DrReport): string {
  const steps = (title: string, list: TimelineStep[]) => {
    let t = 0;
    return [
      title,
      ...list.map((s) => {
        t += s.seconds;
        return `  +${String(s.seconds).padStart(4)} s  (t=${String(t).padStart(4)} s)  ${s.automatic ? "auto  " : "manual"}  ${s.step}`;
      }),
    ];
  };
  const lines = [
    `DR timeline if prod-mumbai is lost while dr-singapore is in "${r.inputs.mode}" mode:`,
    ...steps("  reads served from dr-singapore:", r.readTimeline),
    ...steps("  writes accepted again:", r.writeTimeline),
    `  RTO reads ${r.rtoReadsSeconds} s, RTO writes ${r.rtoWritesSeconds} s`,
    "  RPO by store:",
    ...r.rpo.map(
      (d) =>
        `    ${d.store.padEnd(42)} ${d.rpoSeconds === undefined ? "not replicated" : `≤ ${d.rpoSeconds} s`}`,
    ),
    "  against the targets:",
    ...r.verdicts.map(
      (v) =>
        `    ${v.met ? "meets " : "MISSES"}  ${v.target.padEnd(8)} ${v.metric.padEnd(32)} ${v.value.padStart(9)}  (target ≤ ${v.limit})`,
    ),
  ];
  return lines.join("\n");
}

/** The model's inputs from the parsed configuration of the primary and the standby. */
export function drInputs(
  primary: {
    edge: {
      healthCheck: { intervalSeconds: number; failureThreshold: number };
      recordTtlSeconds: number;
    };
  },
  standby: { dr: { operatorMinutes: number } },
  mode: DrScenario,
): DrInputs {
  return {
    mode,
    healthCheckIntervalSeconds: primary.edge.healthCheck.intervalSeconds,
    healthCheckFailureThreshold: primary.edge.healthCheck.failureThreshold,
    recordTtlSeconds: primary.edge.recordTtlSeconds,
    operatorSeconds: standby.dr.operatorMinutes * 60,
    // Only a resting standby runs reduced capacity (components/cluster/capacity.ts).
    reducedCapacity: mode === "standby",
  };
}

/** One line per mode: the comparison `npm start` prints under the full timeline. */
export function formatModeSummary(reports: DrReport[]): string {
  return [
    "RTO/RPO by standby mode (writes; relational and key-value RPO):",
    ...reports.map((r) => {
      const missed = r.verdicts.filter((v) => !v.met).map((v) => `${v.target} ${v.metric}`);
      return `  ${r.inputs.mode.padEnd(9)} RTO ${String(r.rtoWritesSeconds).padStart(4)} s   ${missed.length === 0 ? "meets all targets" : `misses: ${missed.join(", ")}`}`;
    }),
  ].join("\n");
}
