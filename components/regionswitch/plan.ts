/**
 * The Region switch plan as data: its workflows, its optional alarm trigger and the least-privilege
 * policy of the role that runs it. Pure, so tests and the policy pack read exactly what ARC gets.
 *
 * Evidence (schema: `@pulumi/aws` 7.48.0 `arcregionswitch/plan.d.ts` and `types/input.d.ts`;
 * semantics: terraform-provider-aws `internal/service/arcregionswitch/plan.go` and the ARC
 * Region switch user guide / API reference):
 * - `recoveryApproach: activePassive`, exactly two `regions` (API `Plan.regions`: "Fixed number of
 *   2 items"); one `activate` workflow per Region ("failover and failback" for active/passive).
 * - Graceful or ungraceful is chosen when an execution starts (`StartPlanExecution.mode`), not per
 *   workflow: one workflow serves the drill (graceful) and the outage (ungraceful). The Aurora
 *   block's `behavior: switchoverOnly` calls SwitchoverGlobalCluster in graceful mode (RPO 0);
 *   `ungraceful.ungraceful: failover` calls FailoverGlobalCluster with AllowDataLoss in ungraceful
 *   mode (API `GlobalAuroraConfiguration`, `GlobalAuroraUngraceful`). `behavior: failover` would
 *   lose data even in a drill, so it is never used.
 * - EKS resource scaling: `scalingResources[].namespace` is the map key of one application and
 *   `resources[].resourceName` the Region its object lives in (plan.go `expandEKSScalingResources`
 *   builds `[]map[app]map[region]KubernetesScalingResource`; the provider's complex-plan test uses
 *   Region names there). `targetPercent` is relative to the deactivating Region's capacity,
 *   sampled by ARC (`sampledMaxInLast24Hours`), so it is known when that Region is gone.
 * - Route 53 health-check block: ARC creates one health check per Region for the record name and
 *   maps record sets to Regions by set identifier; executions flip them (the plan's checks are read
 *   back with `getRoute53HealthChecks`).
 * - Triggers: `associatedAlarms` is a set keyed by `mapBlockKey` (the API's map key, the alarm's
 *   name in the plan); a trigger's condition names it with `associatedAlarmName`, `red`/`green`.
 *   A trigger has no mode field: the execution it starts cannot be chosen graceful or ungraceful.
 */
import type * as pulumi from "@pulumi/pulumi";
import { PolicyStatement } from "../shared/iamDocuments";

/** ARC's EKS access policy for the scaling block (EKS access entry, not IAM). */
export const SCALING_ACCESS_POLICY =
  "arn:aws:eks::aws:cluster-access-policy/AmazonARCRegionSwitchScalingPolicy";
/** The name of the primary's health alarm inside the plan (`associatedAlarms` key). */
export const TRIGGER_ALARM = "primary-api-health";
/** Step names: what an operator approves and what the game day reads. */
export const STEPS = {
  approve: "approve",
  databaseAndCapacity: "database-and-capacity",
  aurora: "aurora-global-database",
  scale: "scale-shop-deployments",
  route: "route-api",
} as const;

type Str = pulumi.Input<string>;

/**
 * What the workflows and the trigger are built from. Values other resources compute stay inputs,
 * so the plan's structure (steps, block types, behaviours) is known in a first preview and the
 * policy pack can judge it there.
 */
export interface WorkflowSpec {
  /** ≤ 32 characters, letters, digits and hyphens (API `CreatePlan.name`). */
  planName: string;
  primaryRegion: string;
  standbyRegion: string;
  globalClusterId: Str;
  /** The Aurora cluster ARN in each Region. */
  auroraClusterArns: Record<string, Str>;
  /** The EKS cluster ARN in each Region. */
  eksClusterArns: Record<string, Str>;
  /** The shop's namespace and its Deployments (each scaled through its HPA of the same name). */
  namespace: string;
  deployments: string[];
  zoneId: Str;
  recordName: string;
  /** The role allowed to approve; no ManualApproval step when unset. */
  approverRoleArn?: Str;
  /** The primary's health alarm: with it, the alarm going red activates the standby. */
  triggerAlarmArn?: Str;
}

/** What the execution role's policy is built from (resolved values: it is one JSON document). */
export interface RoleSpec {
  planName: string;
  accountId: string;
  primaryRegion: string;
  standbyRegion: string;
  globalClusterId: string;
  auroraClusterArns: Record<string, string>;
  /** The EKS cluster name in each Region. */
  eksClusterNames: Record<string, string>;
  zoneId: string;
  triggerAlarmArn?: string;
}

const PLAN_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/** Every version of the plan: ARNs are `arn:aws:arc-region-switch::<account>:plan/<name>:<id>`. */
export function planArnPattern(accountId: string, planName: string): string {
  return `arn:aws:arc-region-switch::${accountId}:plan/${planName}:*`;
}

export function eksClusterArn(region: string, accountId: string, name: string): string {
  return `arn:aws:eks:${region}:${accountId}:cluster/${name}`;
}

function regions(s: { primaryRegion: string; standbyRegion: string }): string[] {
  return [s.primaryRegion, s.standbyRegion];
}

/** Steps of the workflow that activates `target`: approve, then database and capacity, then DNS. */
export function workflowSteps(s: WorkflowSpec) {
  if (!PLAN_NAME.test(s.planName)) {
    throw new Error(
      `Region switch plan name "${s.planName}" is not accepted: 1-32 letters, digits and hyphens`,
    );
  }
  const approve = s.approverRoleArn
    ? [
        {
          name: STEPS.approve,
          description: "A person confirms the switch (ecommerce:dr.approval)",
          executionBlockType: "ManualApproval",
          executionApprovalConfigs: [{ approvalRole: s.approverRoleArn, timeoutMinutes: 60 }],
        },
      ]
    : [];
  const aurora = {
    name: STEPS.aurora,
    description: "Graceful: switchover (RPO 0). Ungraceful: failover with data loss",
    executionBlockType: "AuroraGlobalDatabase",
    globalAuroraConfigs: [
      {
        behavior: "switchoverOnly",
        globalClusterIdentifier: s.globalClusterId,
        databaseClusterArns: regions(s).map((r) => s.auroraClusterArns[r]),
        timeoutMinutes: 30,
        ungracefuls: [{ ungraceful: "failover" }],
      },
    ],
  };
  const scale = {
    name: STEPS.scale,
    description: "The shop's Deployments to the deactivating Region's sampled peak",
    executionBlockType: "EKSResourceScaling",
    eksResourceScalingConfigs: [
      {
        capacityMonitoringApproach: "sampledMaxInLast24Hours",
        targetPercent: 100,
        timeoutMinutes: 20,
        kubernetesResourceTypes: [{ apiVersion: "apps/v1", kind: "Deployment" }],
        eksClusters: regions(s).map((r) => ({ clusterArn: s.eksClusterArns[r] })),
        scalingResources: s.deployments.map((d) => ({
          namespace: d,
          resources: regions(s).map((r) => ({
            resourceName: r,
            name: d,
            namespace: s.namespace,
            hpaName: d,
          })),
        })),
        // With a Region lost, go on once half the Deployments have scaled: the rest follow their
        // autoscalers, whose ceilings are production size in every mode.
        ungracefuls: [{ minimumSuccessPercentage: 50 }],
      },
    ],
  };
  return [
    ...approve,
    {
      name: STEPS.databaseAndCapacity,
      executionBlockType: "Parallel",
      parallelConfigs: [{ steps: [aurora, scale] }],
    },
    // Only after the database has a writer in the activated Region does DNS move there.
    {
      name: STEPS.route,
      description: "The plan's health checks steer the api failover pair",
      executionBlockType: "Route53HealthCheck",
      route53HealthCheckConfigs: [
        {
          hostedZoneId: s.zoneId,
          recordName: s.recordName,
          recordSets: regions(s).map((r) => ({ recordSetIdentifier: r, region: r })),
          timeoutMinutes: 10,
        },
      ],
    },
  ];
}

/** One `activate` workflow per Region: to the standby (drill or outage) and back to the primary. */
export function workflows(s: WorkflowSpec) {
  return regions(s).map((region) => ({
    workflowTargetAction: "activate",
    workflowTargetRegion: region,
    workflowDescription:
      region === s.standbyRegion
        ? `Activate ${region}: graceful for a drill, ungraceful when ${s.primaryRegion} is lost`
        : `Return to ${region}`,
    steps: workflowSteps(s),
  }));
}

/** The optional alarm trigger: the primary's health alarm in `red` activates the standby. */
export function trigger(s: WorkflowSpec) {
  if (s.triggerAlarmArn === undefined) return { associatedAlarms: [], triggers: [] };
  return {
    associatedAlarms: [
      { mapBlockKey: TRIGGER_ALARM, alarmType: "trigger", resourceIdentifier: s.triggerAlarmArn },
    ],
    triggers: [
      {
        action: "activate",
        targetRegion: s.standbyRegion,
        description: `${s.primaryRegion}'s API health check failing activates ${s.standbyRegion}`,
        // One automatic execution an hour at most: a flapping alarm does not switch back and forth.
        minDelayMinutesBetweenExecutions: 60,
        conditions: [{ associatedAlarmName: TRIGGER_ALARM, condition: "red" }],
      },
    ],
  };
}

/**
 * What the execution role may do, block by block (the ARC user guide's "Execution block
 * permissions" sample policies, narrowed to this plan's resources). No KMS statement: none of
 * the blocks calls KMS (Aurora switches over with its own service access to its keys).
 */
export function executionRoleStatements(s: RoleSpec, executionRoleName: string) {
  const planArns = planArnPattern(s.accountId, s.planName);
  const eks = regions(s).map((r) => ({ region: r, name: s.eksClusterNames[r] }));
  const statements: PolicyStatement[] = [
    // Plan evaluation simulates this role's policy ("Complete plan execution role permissions").
    {
      Sid: "PlanEvaluation",
      Effect: "Allow",
      Action: "iam:SimulatePrincipalPolicy",
      Resource: `arn:aws:iam::${s.accountId}:role/${executionRoleName}`,
    },
    {
      Sid: "ReadThisPlan",
      Effect: "Allow",
      Action: [
        "arc-region-switch:GetPlan",
        "arc-region-switch:GetPlanExecution",
        "arc-region-switch:ListPlanExecutions",
      ],
      Resource: planArns,
    },
    // Read-only lookups; AWS's Aurora block sample grants them on "*" (ARC lists before it acts).
    {
      Sid: "DescribeAurora",
      Effect: "Allow",
      Action: ["rds:DescribeGlobalClusters", "rds:DescribeDBClusters"],
      Resource: "*",
    },
    {
      Sid: "SwitchAurora",
      Effect: "Allow",
      Action: ["rds:FailoverGlobalCluster", "rds:SwitchoverGlobalCluster"],
      Resource: [
        `arn:aws:rds::${s.accountId}:global-cluster:${s.globalClusterId}`,
        ...regions(s).map((r) => s.auroraClusterArns[r]),
      ],
    },
    {
      Sid: "DescribeEks",
      Effect: "Allow",
      Action: "eks:DescribeCluster",
      Resource: eks.map((c) => eksClusterArn(c.region, s.accountId, c.name)),
    },
    {
      Sid: "ReadEksAccess",
      Effect: "Allow",
      Action: "eks:ListAssociatedAccessPolicies",
      Resource: eks.map((c) => `arn:aws:eks:${c.region}:${s.accountId}:access-entry/${c.name}/*`),
    },
    {
      Sid: "ReadApiRecords",
      Effect: "Allow",
      Action: "route53:ListResourceRecordSets",
      Resource: `arn:aws:route53:::hostedzone/${s.zoneId}`,
    },
  ];
  if (s.triggerAlarmArn) {
    statements.push(
      {
        Sid: "ReadTriggerAlarm",
        Effect: "Allow",
        Action: ["cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"],
        Resource: s.triggerAlarmArn,
      },
      // A trigger starts the execution as this role ("Plan execution trigger permissions").
      {
        Sid: "StartThisPlan",
        Effect: "Allow",
        Action: "arc-region-switch:StartPlanExecution",
        Resource: planArns,
      },
    );
  }
  return statements;
}

/**
 * What the approver may do: find the plan, see its executions and approve or decline their steps.
 * Finding it takes a listing and a read: the console lists plans before it opens one. Each comes
 * as the control-plane call (`ListPlans`, `GetPlan`) and the Regional data-plane one
 * (`ListPlansInRegion`, `GetPlanInRegion`), which still answer while the control plane's Region
 * is impaired (ARC guide, "Region switch API operations"). The listings name no resource type in
 * the Service Authorization Reference, so they take "*"; the rest take this plan's ARNs.
 */
export function approverStatements(accountId: string, planName: string): PolicyStatement[] {
  return [
    {
      Sid: "ReadAndApproveThisPlan",
      Effect: "Allow",
      Action: [
        "arc-region-switch:ApprovePlanExecutionStep",
        "arc-region-switch:GetPlan",
        "arc-region-switch:GetPlanInRegion",
        "arc-region-switch:GetPlanExecution",
        "arc-region-switch:ListPlanExecutions",
        "arc-region-switch:ListPlanExecutionEvents",
      ],
      Resource: planArnPattern(accountId, planName),
    },
    {
      Sid: "FindThePlan",
      Effect: "Allow",
      Action: ["arc-region-switch:ListPlans", "arc-region-switch:ListPlansInRegion"],
      Resource: "*",
    },
  ];
}
