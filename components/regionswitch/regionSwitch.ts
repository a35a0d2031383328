import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";
import {
  RoleSpec,
  SCALING_ACCESS_POLICY,
  STEPS,
  WorkflowSpec,
  approverStatements,
  executionRoleStatements,
  trigger,
  workflows,
} from "./plan";

export interface RegionSwitchArgs {
  /** Prefix of physical names: the plan is `<prefix>-switch`. */
  namePrefix: string;
  /** The account of every ARN the plan and its roles name. */
  accountId: pulumi.Input<string>;
  /** The Region the shop normally runs in (the plan's `primaryRegion`). */
  primaryRegion: string;
  /** The warm standby's Region: where this component's stack runs. */
  standbyRegion: string;
  /** The Aurora global cluster the plan switches over or fails over. */
  globalClusterId: pulumi.Input<string>;
  /** The member Aurora cluster's ARN in each Region. */
  auroraClusterArns: { primary: pulumi.Input<string>; standby: pulumi.Input<string> };
  /** The EKS cluster's name in each Region (the plan scales the shop there). */
  eksClusterNames: { primary: pulumi.Input<string>; standby: pulumi.Input<string> };
  /** The shop's namespace and Deployments, each with an HPA of the same name. */
  namespace: string;
  /** The shop's Deployment names (each scaled through its HPA of the same name). */
  deployments: string[];
  /** The hosted zone of `recordName`. */
  zoneId: pulumi.Input<string>;
  /** `api.<domain>`: the failover pair the plan steers. */
  recordName: string;
  /** TTL of the pair: bounds how long resolvers keep the Region traffic left. */
  recordTtlSeconds: number;
  /** Each Region's API Gateway regional domain target (what the pair's CNAMEs answer). */
  apiTargets: { primary: pulumi.Input<string>; standby: pulumi.Input<string> };
  /** The primary's endpoint health check (`/healthz` over HTTPS), inverted for a traffic drill. */
  primaryEndpointHealthCheckId: pulumi.Input<string>;
  /** A ManualApproval step opens every workflow (`ecommerce:dr.approval`, true by default there). */
  approval: boolean;
  /** The primary's health alarm: it going red activates the standby. Default: unset, no trigger. */
  triggerAlarmArn?: pulumi.Input<string>;
}

/**
 * The AWS ARC Region switch plan that moves the shop between its Regions, the roles it runs and is
 * approved with, its EKS access, and the `api.<domain>` failover pair its health checks steer.
 * See README.md for why the standby owns it and how traffic follows the plan.
 */
export class RegionSwitch extends pulumi.ComponentResource {
  public readonly planArn: pulumi.Output<string>;
  public readonly planName: string;
  public readonly executionRoleArn: pulumi.Output<string>;
  public readonly approverRoleArn?: pulumi.Output<string>;
  /** The plan's Route 53 health check per Region (healthy = that Region is the active one). */
  public readonly planHealthCheckIds: pulumi.Output<Record<string, string>>;
  /** The PRIMARY record's check: the plan's primary check AND the primary's endpoint check. */
  public readonly primaryRecordHealthCheckId: pulumi.Output<string>;
  /** Names of the workflow steps, for runbooks and the game day. */
  public readonly steps = STEPS;

  constructor(name: string, args: RegionSwitchArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:regionswitch:RegionSwitch", name, {}, opts);
    const parent = { parent: this };
    const planName = `${args.namePrefix}-switch`;
    const executionRoleName = `${args.namePrefix}-switch-exec`;
    const [primary, standby] = [args.primaryRegion, args.standbyRegion];

    // AWS's trust policy for the execution role names only the service principal ("Plan execution
    // role trust policy"); the user guide documents no source condition ARC sets.
    const executionRole = new aws.iam.Role(
      `${name}-execution`,
      {
        name: executionRoleName,
        description: "Runs the Region switch plan's steps",
        assumeRolePolicy: JSON.stringify(serviceTrustPolicy("arc-region-switch.amazonaws.com")),
      },
      parent,
    );
    let approverRole: aws.iam.Role | undefined;
    if (args.approval) {
      approverRole = new aws.iam.Role(
        `${name}-approver`,
        {
          name: `${args.namePrefix}-switch-approver`,
          description: "Approves or declines the Region switch plan's steps (a person, with MFA)",
          assumeRolePolicy: pulumi.output(args.accountId).apply((account) =>
            JSON.stringify(
              policyDocument([
                {
                  Effect: "Allow",
                  Principal: { AWS: `arn:aws:iam::${account}:root` },
                  Action: "sts:AssumeRole",
                  Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
                },
              ]),
            ),
          ),
        },
        parent,
      );
      new aws.iam.RolePolicy(
        `${name}-approver`,
        {
          role: approverRole.id,
          policy: pulumi
            .output(args.accountId)
            .apply((account) =>
              JSON.stringify(policyDocument(approverStatements(account, planName))),
            ),
        },
        parent,
      );
    }

    const roleSpec: pulumi.Output<RoleSpec> = pulumi
      .all([
        args.accountId,
        args.globalClusterId,
        args.auroraClusterArns.primary,
        args.auroraClusterArns.standby,
        args.eksClusterNames.primary,
        args.eksClusterNames.standby,
        args.zoneId,
        args.triggerAlarmArn ?? "",
      ])
      .apply(([account, global, auroraP, auroraS, eksP, eksS, zone, alarm]) => ({
        planName,
        accountId: account,
        primaryRegion: primary,
        standbyRegion: standby,
        globalClusterId: global,
        auroraClusterArns: { [primary]: auroraP, [standby]: auroraS },
        eksClusterNames: { [primary]: eksP, [standby]: eksS },
        zoneId: zone,
        triggerAlarmArn: alarm || undefined,
      }));
    const eksArn = (region: string, clusterName: pulumi.Input<string>) =>
      pulumi.interpolate`arn:aws:eks:${region}:${args.accountId}:cluster/${clusterName}`;
    const workflowSpec: WorkflowSpec = {
      planName,
      primaryRegion: primary,
      standbyRegion: standby,
      globalClusterId: args.globalClusterId,
      auroraClusterArns: {
        [primary]: args.auroraClusterArns.primary,
        [standby]: args.auroraClusterArns.standby,
      },
      eksClusterArns: {
        [primary]: eksArn(primary, args.eksClusterNames.primary),
        [standby]: eksArn(standby, args.eksClusterNames.standby),
      },
      namespace: args.namespace,
      deployments: args.deployments,
      zoneId: args.zoneId,
      recordName: args.recordName,
      approverRoleArn: approverRole?.arn,
      triggerAlarmArn: args.triggerAlarmArn,
    };
    const executionPolicy = new aws.iam.RolePolicy(
      `${name}-execution`,
      {
        role: executionRole.id,
        policy: roleSpec.apply((s) =>
          JSON.stringify(policyDocument(executionRoleStatements(s, executionRoleName))),
        ),
      },
      parent,
    );

    // The scaling block acts inside both clusters as the execution role, through an EKS access
    // entry with ARC's access policy, limited to the shop's namespace ("Configure EKS access
    // entry permissions"). The primary's is created from here with `region`, so the primary stack
    // keeps knowing nothing about the standby; it is never changed on the failover path.
    const access = (
      [
        ["primary", primary],
        ["standby", standby],
      ] as const
    ).map(([side, region]) => {
      const clusterName = args.eksClusterNames[side];
      const regionOpt = side === "primary" ? { region } : {};
      const entry = new aws.eks.AccessEntry(
        `${name}-${side}-eks`,
        { ...regionOpt, clusterName, principalArn: executionRole.arn, type: "STANDARD" },
        parent,
      );
      return new aws.eks.AccessPolicyAssociation(
        `${name}-${side}-eks`,
        {
          ...regionOpt,
          clusterName,
          principalArn: executionRole.arn,
          policyArn: SCALING_ACCESS_POLICY,
          accessScope: { type: "namespace", namespaces: [args.namespace] },
        },
        { parent: this, dependsOn: [entry] },
      );
    });

    // The plan is a global resource (ARN without a Region) managed through ARC's control plane;
    // its executions run on the data plane of the Region they activate (README.md).
    const plan = new aws.arcregionswitch.Plan(
      `${name}-plan`,
      {
        name: planName,
        description: `Moves the shop between ${primary} and ${standby}`,
        executionRole: executionRole.arn,
        recoveryApproach: "activePassive",
        regions: [primary, standby],
        primaryRegion: primary,
        recoveryTimeObjectiveMinutes: 15,
        workflows: workflows(workflowSpec),
        ...trigger(workflowSpec),
        tags: { Name: planName },
      },
      // Evaluation assumes the role: its permissions and EKS access exist first.
      { parent: this, dependsOn: [executionPolicy, ...access] },
    );

    // The health checks the plan's Route 53 step created, one per Region. ARC allocates them after
    // the plan is created (the provider's delete waits out "health check allocation is in
    // progress"), so a first `pulumi up` may find none yet: it stops with this message.
    const checks = aws.arcregionswitch.getRoute53HealthChecksOutput({ planArn: plan.arn }, parent);
    this.planHealthCheckIds = checks.apply((c) => {
      const byRegion: Record<string, string> = {};
      for (const region of [primary, standby]) {
        const id = c.healthChecks.find((h) => h.region === region)?.healthCheckId;
        if (!id) {
          throw new Error(
            `the Region switch plan ${planName} has no Route 53 health check for ${region} yet (ARC allocates them after creating the plan); run pulumi up again in a minute`,
          );
        }
        byRegion[region] = id;
      }
      return byRegion;
    });

    // The PRIMARY record is healthy only while the plan says the primary is active AND the primary
    // answers /healthz: an unhealthy primary still sends reads to the standby by itself, but once
    // the plan has activated the standby, a primary that answers again gets no traffic back until
    // the plan returns to it (no split brain). The SECONDARY has no health check: Route 53 answers
    // with the PRIMARY when both records of a failover pair are unhealthy, and the standby must
    // stay the answer whenever the PRIMARY is not.
    const steered = new aws.route53.HealthCheck(
      `${name}-primary-steered`,
      {
        type: "CALCULATED",
        childHealthchecks: [
          this.planHealthCheckIds.apply((ids) => ids[primary]),
          args.primaryEndpointHealthCheckId,
        ],
        childHealthThreshold: 2,
        tags: { Name: `${args.namePrefix}-api-${primary}-steered` },
      },
      parent,
    );
    const record = (side: "primary" | "standby", region: string) =>
      new aws.route53.Record(
        `${name}-api-${side}`,
        {
          zoneId: args.zoneId,
          name: args.recordName,
          // CNAMEs, not aliases: an alias answers with its target's TTL, not this one.
          type: "CNAME",
          ttl: args.recordTtlSeconds,
          records: [args.apiTargets[side]],
          setIdentifier: region,
          failoverRoutingPolicies: [{ type: side === "primary" ? "PRIMARY" : "SECONDARY" }],
          healthCheckId: side === "primary" ? steered.id : undefined,
          // Taking over the pair the primary's edge used to own (docs/runbook.md, "Migrating").
          allowOverwrite: true,
        },
        parent,
      );
    record("primary", primary);
    record("standby", standby);

    this.planArn = plan.arn;
    this.planName = planName;
    this.executionRoleArn = executionRole.arn;
    this.approverRoleArn = approverRole?.arn;
    this.primaryRecordHealthCheckId = steered.id;
    this.registerOutputs({
      planArn: this.planArn,
      executionRoleArn: this.executionRoleArn,
      approverRoleArn: this.approverRoleArn,
      planHealthCheckIds: this.planHealthCheckIds,
      primaryRecordHealthCheckId: this.primaryRecordHealthCheckId,
    });
  }
}
