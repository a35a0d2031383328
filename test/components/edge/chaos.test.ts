import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const TEMPLATE = "aws:fis/experimentTemplate:ExperimentTemplate";

describe("components/drills (AWS FIS chaos drills)", () => {
  let prod: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai", ["prod-mumbai:ecommerce:dr.fis=true"]);
  });

  it("is off unless ecommerce:dr.fis is on", async () => {
    expect(ofType(await plan("prod-mumbai"), TEMPLATE)).to.deep.equal([]);
  });

  it("creates the AZ power interruption, pod termination and Aurora failover templates, each stopped by the API's 5xx alarm", () => {
    const templates = Object.fromEntries(
      ofType(prod, TEMPLATE).map((t) => [t.name, t.inputs as Spec]),
    );
    expect(Object.keys(templates)).to.have.members([
      "drills-az-power-interruption",
      "drills-pod-termination",
      "drills-aurora-failover",
    ]);
    // The observability component's API 5xx alarm: one alarm, paging on-call and stopping drills.
    const alarm = the(prod, "aws:cloudwatch/metricAlarm:MetricAlarm", "observability-api-5xx");
    expect(alarm.inputs).to.deep.include({
      namespace: "AWS/ApiGateway",
      metricName: "5xx",
      threshold: 50,
      comparisonOperator: "GreaterThanThreshold",
    });
    for (const t of Object.values(templates))
      expect(t.stopConditions).to.deep.equal([
        { source: "aws:cloudwatch:alarm", value: alarm.outputs.arn },
      ]);
    const az = templates["drills-az-power-interruption"];
    expect(az.actions[0]).to.deep.include({ actionId: "aws:ec2:stop-instances" });
    expect(az.targets[0].filters).to.deep.include({
      path: "Placement.AvailabilityZone",
      values: ["ap-south-1a"],
    });
    // The tag both node-group and Karpenter instances carry (the shop runs on Karpenter's).
    expect(az.targets[0].resourceTags).to.deep.equal([
      { key: "kubernetes.io/cluster/ecommerce-prod-mumbai", value: "owned" },
    ]);
    expect(az.actions[0].parameters).to.deep.include({
      key: "completeIfInstancesTerminated",
      value: "true",
    });
    const pods = templates["drills-pod-termination"];
    expect(pods.targets[0].parameters).to.deep.include({ namespace: "shop" });
    expect(pods.actions[0]).to.deep.include({
      actionId: "aws:eks:pod-delete",
      parameters: [
        { key: "kubernetesServiceAccount", value: "fis-experiment" },
        // shop enforces the restricted Pod Security Standard, where FIS's own pod runs too.
        { key: "fisPodSecurityPolicy", value: "restricted" },
      ],
    });
    const shop = the(prod, "kubernetes:core/v1:Namespace", "cluster-shop");
    expect((shop.inputs.metadata as { labels: Record<string, string> }).labels).to.include({
      "pod-security.kubernetes.io/enforce": "restricted",
    });
    expect(templates["drills-aurora-failover"].targets[0].resourceArns).to.deep.equal([
      ofType(prod, "aws:rds/cluster:Cluster")[0].outputs.arn,
    ]);
  });

  it("gives FIS a role limited to this cluster's instances, this Aurora cluster, and the shop's pods", () => {
    const role = the(prod, "aws:iam/role:Role", "drills-fis");
    expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement[0].Principal).to.deep.equal({
      Service: "fis.amazonaws.com",
    });
    const statements = JSON.parse(
      String(the(prod, "aws:iam/rolePolicy:RolePolicy", "drills-fis").inputs.policy),
    ).Statement as Spec[];
    const stop = statements.find((s) => s.Sid === "StopClusterInstances");
    expect(stop?.Condition).to.deep.equal({
      StringEquals: { "aws:ResourceTag/kubernetes.io/cluster/ecommerce-prod-mumbai": "owned" },
    });
    expect(statements.find((s) => s.Sid === "FailoverAurora")?.Resource).to.equal(
      ofType(prod, "aws:rds/cluster:Cluster")[0].outputs.arn,
    );
    const role_ = the(prod, "kubernetes:rbac.authorization.k8s.io/v1:Role", "drills-fis");
    expect((role_.inputs.metadata as Spec).namespace).to.equal("shop");
    const verbs = (resource: string) =>
      (role_.inputs.rules as Spec[]).find((r) => r.resources.includes(resource))?.verbs;
    // The FIS pod is created in the namespace and runs as the bound service account.
    expect(verbs("pods")).to.have.members(["create", "get", "list", "delete", "deletecollection"]);
    expect(verbs("serviceaccounts")).to.deep.equal(["get"]);
    expect(verbs("pods/exec")).to.deep.equal(["create"]);
    expect(verbs("deployments")).to.deep.equal(["get"]);
    expect(verbs("secrets")).to.equal(undefined);
    const binding = the(prod, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "drills-fis");
    expect(binding.inputs.subjects).to.deep.include.members([
      { kind: "User", name: "fis-experiment", apiGroup: "rbac.authorization.k8s.io" },
      { kind: "ServiceAccount", name: "fis-experiment", namespace: "shop" },
    ]);
    const entry = the(prod, "aws:eks/accessEntry:AccessEntry", "drills-fis");
    expect(entry.inputs).to.deep.include({ userName: "fis-experiment", type: "STANDARD" });
    expect(prod.policy?.violations).to.deep.equal([]);
  });

  describe("the Aurora failover drill exists only where the cluster is a writer", () => {
    const DR_FIS = "dr-singapore:ecommerce:dr.fis=true";
    const templatesOf = (p: StackPlan) => ofType(p, TEMPLATE).map((t) => t.name);
    const rdsActions = (p: StackPlan) =>
      (
        JSON.parse(String(the(p, "aws:iam/rolePolicy:RolePolicy", "drills-fis").inputs.policy))
          .Statement as Spec[]
      ).flatMap((s) => [s.Action].flat().filter((a: string) => a.startsWith("rds:")));

    it("a resting standby (a read-only secondary) gets no Aurora template and no RDS rights", async () => {
      const dr = await plan("dr-singapore", [DR_FIS]);
      expect(templatesOf(dr)).to.have.members([
        "drills-az-power-interruption",
        "drills-pod-termination",
      ]);
      expect(rdsActions(dr)).to.deep.equal([]);
    });

    it("a standby the plan made the writer (drill: switchover; failover) gets the Aurora template on its own cluster", async () => {
      for (const mode of ["drill", "failover"]) {
        const dr = await plan("dr-singapore", [DR_FIS, `dr-singapore:ecommerce:dr.mode=${mode}`]);
        expect(templatesOf(dr), mode).to.include("drills-aurora-failover");
        const cluster = ofType(dr, "aws:rds/cluster:Cluster")[0];
        expect(
          (the(dr, TEMPLATE, "drills-aurora-failover").inputs as Spec).targets[0].resourceArns,
        ).to.deep.equal([cluster.outputs.arn]);
        expect(rdsActions(dr), mode).to.have.members([
          "rds:FailoverDBCluster",
          "rds:DescribeDBClusters",
        ]);
      }
    });
  });
});
