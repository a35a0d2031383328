import { expect } from "chai";
import { PolicyStatement } from "../../../components/shared/iamDocuments";
import {
  SCALING_ACCESS_POLICY,
  STEPS,
  RoleSpec,
  WorkflowSpec,
  approverStatements,
  eksClusterArn,
  executionRoleStatements,
  workflows,
} from "../../../components/regionswitch/plan";
import { StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T = {
  plan: "aws:arcregionswitch/plan:Plan",
  record: "aws:route53/record:Record",
  healthCheck: "aws:route53/healthCheck:HealthCheck",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  entry: "aws:eks/accessEntry:AccessEntry",
  association: "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
};

const SPEC: RoleSpec & WorkflowSpec = {
  planName: "ecommerce-dr-singapore-switch",
  accountId: "123456789012",
  primaryRegion: "ap-south-1",
  standbyRegion: "ap-southeast-1",
  globalClusterId: "ecommerce-prod-mumbai-global",
  auroraClusterArns: {
    "ap-south-1": "arn:aws:rds:ap-south-1:123456789012:cluster:ecommerce-prod-mumbai-aurora",
    "ap-southeast-1":
      "arn:aws:rds:ap-southeast-1:123456789012:cluster:ecommerce-dr-singapore-aurora",
  },
  eksClusterNames: {
    "ap-south-1": "ecommerce-prod-mumbai",
    "ap-southeast-1": "ecommerce-dr-singapore",
  },
  eksClusterArns: {
    "ap-south-1": eksClusterArn("ap-south-1", "123456789012", "ecommerce-prod-mumbai"),
    "ap-southeast-1": eksClusterArn("ap-southeast-1", "123456789012", "ecommerce-dr-singapore"),
  },
  namespace: "shop",
  deployments: ["cart", "order"],
  zoneId: "Z123",
  recordName: "api.shop.example.com",
  approverRoleArn: "arn:aws:iam::123456789012:role/approver",
};

describe("components/regionswitch (the Region switch plan)", () => {
  describe("pure plan builders", () => {
    it("activates each Region: approval, then Aurora and the shop's Deployments in parallel, then DNS", () => {
      const wf = workflows(SPEC);
      expect(wf.map((w) => [w.workflowTargetAction, w.workflowTargetRegion])).to.deep.equal([
        ["activate", "ap-south-1"],
        ["activate", "ap-southeast-1"],
      ]);
      const steps = wf[1].steps as Spec[];
      expect(steps.map((s) => [s.name, s.executionBlockType])).to.deep.equal([
        [STEPS.approve, "ManualApproval"],
        [STEPS.databaseAndCapacity, "Parallel"],
        [STEPS.route, "Route53HealthCheck"],
      ]);
      const [aurora, scale] = steps[1].parallelConfigs[0].steps;
      // Graceful: switchover (RPO 0); ungraceful: failover with data loss.
      expect(aurora.globalAuroraConfigs[0]).to.deep.include({
        behavior: "switchoverOnly",
        ungracefuls: [{ ungraceful: "failover" }],
        globalClusterIdentifier: "ecommerce-prod-mumbai-global",
      });
      expect(aurora.globalAuroraConfigs[0].databaseClusterArns).to.have.length(2);
      const eks = scale.eksResourceScalingConfigs[0];
      expect(eks).to.deep.include({
        targetPercent: 100,
        capacityMonitoringApproach: "sampledMaxInLast24Hours",
      });
      expect(eks.scalingResources[0]).to.deep.equal({
        namespace: "cart",
        resources: [
          { resourceName: "ap-south-1", name: "cart", namespace: "shop", hpaName: "cart" },
          { resourceName: "ap-southeast-1", name: "cart", namespace: "shop", hpaName: "cart" },
        ],
      });
      expect(steps[2].route53HealthCheckConfigs[0]).to.deep.include({
        hostedZoneId: "Z123",
        recordName: "api.shop.example.com",
        recordSets: [
          { recordSetIdentifier: "ap-south-1", region: "ap-south-1" },
          { recordSetIdentifier: "ap-southeast-1", region: "ap-southeast-1" },
        ],
      });
    });

    it("has no approval step without an approver, and refuses a plan name ARC would reject", () => {
      const steps = workflows({ ...SPEC, approverRoleArn: undefined })[0].steps as Spec[];
      expect(steps.map((s) => s.executionBlockType)).to.not.include("ManualApproval");
      expect(() => workflows({ ...SPEC, planName: "x".repeat(33) })).to.throw(
        /plan name "x+" is not accepted: 1-32 letters, digits and hyphens/,
      );
    });

    it("grants the execution role exactly what its blocks need, on this plan's resources", () => {
      const st = executionRoleStatements(SPEC, "exec");
      const bySid = (sid: string) => st.find((s) => s.Sid === sid) as PolicyStatement;
      expect(st.map((s) => s.Sid)).to.deep.equal([
        "PlanEvaluation",
        "ReadThisPlan",
        "DescribeAurora",
        "SwitchAurora",
        "DescribeEks",
        "ReadEksAccess",
        "ReadApiRecords",
      ]);
      expect(bySid("SwitchAurora").Resource).to.deep.equal([
        "arn:aws:rds::123456789012:global-cluster:ecommerce-prod-mumbai-global",
        ...Object.values(SPEC.auroraClusterArns),
      ]);
      expect(bySid("ReadThisPlan").Resource).to.equal(
        "arn:aws:arc-region-switch::123456789012:plan/ecommerce-dr-singapore-switch:*",
      );
      expect(bySid("ReadApiRecords").Resource).to.equal("arn:aws:route53:::hostedzone/Z123");
      // Only read-only RDS lookups on "*", as AWS's Aurora block sample policy grants them.
      const wildcard = st.filter((s) => [s.Resource].flat().includes("*"));
      expect(wildcard.map((s) => s.Action)).to.deep.equal([
        ["rds:DescribeGlobalClusters", "rds:DescribeDBClusters"],
      ]);
      // No statement grants KMS: none of the blocks calls it.
      expect(st.flatMap((s) => [s.Action].flat()).some((a) => a.startsWith("kms:"))).to.equal(
        false,
      );
      // With the alarm trigger: read that alarm and start this plan, nothing wider.
      const triggered = executionRoleStatements({ ...SPEC, triggerAlarmArn: "arn:alarm" }, "exec");
      expect(triggered.slice(-2)).to.deep.equal([
        {
          Sid: "ReadTriggerAlarm",
          Effect: "Allow",
          Action: ["cloudwatch:DescribeAlarms", "cloudwatch:DescribeAlarmHistory"],
          Resource: "arn:alarm",
        },
        {
          Sid: "StartThisPlan",
          Effect: "Allow",
          Action: "arc-region-switch:StartPlanExecution",
          Resource: "arn:aws:arc-region-switch::123456789012:plan/ecommerce-dr-singapore-switch:*",
        },
      ]);
    });

    it("lets the approver find the plan through either plane and act on this plan alone", () => {
      const statements = approverStatements("123456789012", SPEC.planName);
      expect(statements.map((st) => st.Sid)).to.deep.equal([
        "ReadAndApproveThisPlan",
        "FindThePlan",
      ]);
      const [onThePlan, find] = statements;
      expect(onThePlan.Resource).to.equal(
        "arn:aws:arc-region-switch::123456789012:plan/ecommerce-dr-singapore-switch:*",
      );
      expect(onThePlan.Action).to.have.members([
        "arc-region-switch:ApprovePlanExecutionStep",
        "arc-region-switch:GetPlan",
        "arc-region-switch:GetPlanInRegion",
        "arc-region-switch:GetPlanExecution",
        "arc-region-switch:ListPlanExecutions",
        "arc-region-switch:ListPlanExecutionEvents",
      ]);
      // Only the two listings, which name no resource type, on "*"; nothing that starts,
      // cancels or changes an execution.
      expect(find).to.deep.include({
        Action: ["arc-region-switch:ListPlans", "arc-region-switch:ListPlansInRegion"],
        Resource: "*",
      });
      const actions = [onThePlan, find].flatMap((st) => [st.Action].flat());
      expect(actions.filter((a) => /Start|Cancel|Update|Delete|Create/.test(a))).to.deep.equal([]);
    });
  });

  describe("in the synthesized plans", () => {
    let prod: StackPlan;
    let dr: StackPlan;
    before(async () => {
      prod = await plan("prod-mumbai");
      dr = await plan("dr-singapore");
    });

    it("lives in the standby only: one active/passive plan, ap-south-1 primary, approval on", () => {
      expect(ofType(prod, T.plan)).to.deep.equal([]);
      const [p] = ofType(dr, T.plan);
      expect(p.inputs).to.deep.include({
        name: "ecommerce-dr-singapore-switch",
        recoveryApproach: "activePassive",
        regions: ["ap-south-1", "ap-southeast-1"],
        primaryRegion: "ap-south-1",
      });
      const steps = (p.inputs.workflows as Spec[]).map((w) => w.steps.map((s: Spec) => s.name));
      expect(steps).to.deep.equal([
        [STEPS.approve, STEPS.databaseAndCapacity, STEPS.route],
        [STEPS.approve, STEPS.databaseAndCapacity, STEPS.route],
      ]);
      const approver = the(dr, T.role, "switch-approver");
      expect(
        (p.inputs.workflows as Spec[])[1].steps[0].executionApprovalConfigs[0].approvalRole,
      ).to.equal(approver.outputs.arn);
      expect(p.inputs.triggers).to.deep.equal([]);
      expect(dr.outputs.regionSwitch).to.deep.include({ planArn: p.outputs.arn });
    });

    it("reads its inputs from the primary through the StackReference: its cluster, EKS cluster and zone", () => {
      const [p] = ofType(dr, T.plan);
      const aurora = (p.inputs.workflows as Spec[])[1].steps[1].parallelConfigs[0].steps[0];
      expect(aurora.globalAuroraConfigs[0].databaseClusterArns).to.deep.equal([
        prod.outputs.auroraClusterArn,
        ofType(dr, "aws:rds/cluster:Cluster")[0].outputs.arn,
      ]);
      const eks = (p.inputs.workflows as Spec[])[1].steps[1].parallelConfigs[0].steps[1];
      expect(eks.eksResourceScalingConfigs[0].eksClusters[0].clusterArn).to.equal(
        `arn:aws:eks:ap-south-1:123456789012:cluster/${String(prod.outputs.eksClusterName)}`,
      );
      // Every shop Deployment, in the shop's namespace, through its HPA.
      expect(
        eks.eksResourceScalingConfigs[0].scalingResources.map((r: Spec) => r.namespace),
      ).to.have.members(
        ofType(dr, "kubernetes:apps/v1:Deployment")
          .filter((d) => (d.inputs as Spec).metadata.namespace === "shop")
          .map((d) => (d.inputs as Spec).metadata.name),
      );
    });

    it("steers the api pair: PRIMARY on the plan's check AND the primary's endpoint check, SECONDARY unconditioned", () => {
      const ids = (dr.outputs.regionSwitch as Spec).planHealthCheckIds;
      const steered = the(dr, T.healthCheck, "switch-primary-steered");
      expect(steered.inputs).to.deep.include({
        type: "CALCULATED",
        childHealthchecks: [ids["ap-south-1"], prod.outputs.healthCheckId],
        childHealthThreshold: 2,
      });
      const primary = the(dr, T.record, "switch-api-primary");
      const secondary = the(dr, T.record, "switch-api-standby");
      expect(primary.inputs).to.deep.include({
        name: "api.shop.example.com",
        type: "CNAME",
        ttl: 60,
        records: [prod.outputs.apiTarget],
        setIdentifier: "ap-south-1",
        failoverRoutingPolicies: [{ type: "PRIMARY" }],
        healthCheckId: steered.id,
        zoneId: prod.outputs.zoneId,
      });
      expect(secondary.inputs).to.deep.include({
        records: [dr.outputs.apiTarget],
        setIdentifier: "ap-southeast-1",
        failoverRoutingPolicies: [{ type: "SECONDARY" }],
      });
      expect(secondary.inputs.healthCheckId).to.equal(undefined);
      expect(prod.outputs.apiTarget).to.not.equal(dr.outputs.apiTarget);
    });

    it("gives the execution role ARC's scaling access in the shop namespace of both clusters", () => {
      const exec = the(dr, T.role, "switch-execution");
      expect(JSON.parse(String(exec.inputs.assumeRolePolicy)).Statement[0].Principal).to.deep.equal(
        {
          Service: "arc-region-switch.amazonaws.com",
        },
      );
      const associations = every(dr, T.association);
      expect(associations).to.have.length(2);
      for (const a of associations) {
        expect(a.inputs).to.deep.include({
          principalArn: exec.outputs.arn,
          policyArn: SCALING_ACCESS_POLICY,
          accessScope: { type: "namespace", namespaces: ["shop"] },
        });
      }
      expect(the(dr, T.association, "switch-primary-eks").inputs).to.deep.include({
        region: "ap-south-1",
        clusterName: prod.outputs.eksClusterName,
      });
      const [p] = ofType(dr, T.plan);
      // Plan evaluation assumes the role: permissions and access exist first.
      expect(p.dependencies).to.include.members([
        the(dr, T.rolePolicy, "switch-execution").urn,
        ...associations.map((a) => a.urn),
      ]);
    });

    it("applies ecommerce:edge.recordTtlSeconds to both records of the pair", async () => {
      const p = await plan("dr-singapore", ["dr-singapore:ecommerce:edge.recordTtlSeconds=15"]);
      expect(
        ["switch-api-primary", "switch-api-standby"].map((n) => the(p, T.record, n).inputs.ttl),
      ).to.deep.equal([15, 15]);
    });

    it("dr.approval=false drops the approval step and the approver; dr.autoFailover triggers on the primary's health alarm", async () => {
      const p = await plan("dr-singapore", [
        "dr-singapore:ecommerce:dr.approval=false",
        "dr-singapore:ecommerce:dr.autoFailover=true",
      ]);
      const [planResource] = ofType(p, T.plan);
      const wf = planResource.inputs.workflows as Spec[];
      expect(wf.flatMap((w) => w.steps.map((s: Spec) => s.executionBlockType))).to.not.include(
        "ManualApproval",
      );
      expect(ofType(p, T.role).map((r) => r.name)).to.not.include("switch-approver");
      expect(planResource.inputs.associatedAlarms).to.deep.equal([
        {
          mapBlockKey: "primary-api-health",
          alarmType: "trigger",
          resourceIdentifier: prod.outputs.apiHealthAlarmArn,
        },
      ]);
      expect(planResource.inputs.triggers).to.deep.equal([
        {
          action: "activate",
          targetRegion: "ap-southeast-1",
          description: "ap-south-1's API health check failing activates ap-southeast-1",
          minDelayMinutesBetweenExecutions: 60,
          conditions: [{ associatedAlarmName: "primary-api-health", condition: "red" }],
        },
      ]);
      expect(String(prod.outputs.apiHealthAlarmArn)).to.match(
        /^arn:aws:cloudwatch:us-east-1:.*route53-api-health/,
      );
      // Approval off is allowed, and the pack says so: advisory findings, nothing mandatory.
      expect((p.policy?.violations ?? []).map((v) => [v.policy, v.level, v.message])).to.deep.equal(
        ["ap-south-1", "ap-southeast-1"].map((region, i) => [
          "aws-arcregionswitch-plan-enforce-approval",
          "advisory",
          `switch-plan: workflow ${i} (${region}) does not open with a ManualApproval step`,
        ]),
      );
      expect(dr.policy?.violations).to.deep.equal([]);
    });
  });
});
