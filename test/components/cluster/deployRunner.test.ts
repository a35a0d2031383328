import { expect } from "chai";
import { runnerProjectName } from "../../../components/cluster/deployRunner";
import { parseOperatorSource } from "../../../components/cluster/operatorAccess";
import { nodeadmUserData } from "../../../components/cluster/podDensity";
import { runnerPolicy } from "../../../components/cluster/runnerPolicy";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";
import { STACKS } from "./fixtures";

const T = {
  project: "aws:codebuild/project:Project",
  webhook: "aws:codebuild/webhook:Webhook",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  eks: "eks:index:Cluster",
  key: "aws:kms/key:Key",
  replicaKey: "aws:kms/replicaKey:ReplicaKey",
};
type Statement = { Sid?: string; Action: string | string[]; Resource: string | string[] };

describe("components/cluster/deployRunner (recorded offline runs)", () => {
  const plans: Record<string, StackPlan> = {};
  before(async () => {
    for (const s of STACKS) plans[s] = await plan(s);
  });

  for (const stack of STACKS) {
    it(`${stack}: a CodeBuild runner in VPC mode in the private subnets, logging to an encrypted group`, () => {
      const p = plans[stack];
      const projects = ofType(p, T.project);
      expect(projects).to.have.length(1);
      const [project] = projects;
      expect(project.inputs.name).to.equal(runnerProjectName(`ecommerce-${stack}`));
      const sg = the(p, T.sg, "deploy-runner");
      expect(project.inputs.vpcConfig).to.deep.equal({
        vpcId: p.outputs.vpcId,
        subnets: p.outputs.privateSubnetIds,
        securityGroupIds: [sg.id],
      });
      const logs = the(p, T.logGroup, "deploy-runner");
      expect(project.inputs.logsConfig).to.deep.include({
        cloudwatchLogs: { status: "ENABLED", groupName: logs.outputs.name },
      });
      // The data layer's logs key: its multi-Region replica in the standby.
      const logsKey = p.resources.find(
        (r) => [T.key, T.replicaKey].includes(r.type) && r.name === "data-logs",
      );
      expect(logs.inputs.kmsKeyId).to.be.a("string").and.equal(logsKey?.outputs.arn);
      expect(logs.inputs.retentionInDays).to.be.at.least(365);
      expect(project.inputs.source).to.deep.include({ type: "GITHUB" });
      expect((project.inputs.source as { auth: { type: string } }).auth.type).to.equal(
        "CODECONNECTIONS",
      );
      // The role policy exists before the project (CodeBuild checks the VPC permissions).
      expect(project.dependencies).to.include(the(p, T.rolePolicy, "deploy-runner").urn);
      expect(the(p, T.webhook, "deploy-runner").inputs.filterGroups).to.deep.equal([
        { filters: [{ type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" }] },
      ]);
      expect(p.outputs.deployRunnerProject).to.equal(project.inputs.name);
    });

    it(`${stack}: the runner's security group reaches the cluster API on 443 and nothing reaches it`, () => {
      const p = plans[stack];
      const sg = the(p, T.sg, "deploy-runner");
      const clusterSg = ofType(p, T.eks)[0].outputs.clusterSecurityGroupId;
      const api = the(p, T.ingress, "deploy-runner-api");
      expect(api.inputs).to.deep.include({
        securityGroupId: clusterSg,
        referencedSecurityGroupId: sg.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
      });
      expect(ofType(p, T.ingress).filter((r) => r.inputs.securityGroupId === sg.id)).to.deep.equal(
        [],
      );
      const egress = ofType(p, T.egress).filter((r) => r.inputs.securityGroupId === sg.id);
      expect(
        egress.map((e) => [e.inputs.ipProtocol, e.inputs.fromPort, e.inputs.toPort]),
      ).to.deep.equal([["tcp", 443, 443]]);
    });
  }

  it("gives the runner a CodeBuild-only role that can log, attach its ENI and use the connection", () => {
    const p = plans["prod-mumbai"];
    const role = the(p, T.role, "deploy-runner");
    const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
    expect(trust.Statement).to.have.length(1);
    expect(trust.Statement[0].Principal).to.deep.equal({ Service: "codebuild.amazonaws.com" });
    expect(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"]).to.match(/^\d{12}$/);
    const statements: Statement[] = JSON.parse(
      String(the(p, T.rolePolicy, "deploy-runner").inputs.policy),
    ).Statement;
    expect(statements.map((s) => s.Sid)).to.deep.equal([
      "BuildLogs",
      "VpcNetworkInterface",
      "VpcNetworkInterfacePermission",
      "GitHubConnection",
    ]);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(
      actions.every((a) => /^(logs|ec2|codeconnections):[A-Za-z]+$/.test(a)),
      actions.join(),
    ).to.equal(true);
    expect(actions.some((a) => /^(iam|sts|eks):/.test(a))).to.equal(false);
  });
});

describe("components/cluster pure parts", () => {
  const sources: [string, unknown][] = [
    ["10.200.0.0/22", { cidr: "10.200.0.0/22" }],
    ["10.0.0.0/8", { cidr: "10.0.0.0/8" }],
    ["192.0.2.10/32", { cidr: "192.0.2.10/32" }],
    ["sg-01234567", { securityGroupId: "sg-01234567" }],
    ["sg-0123456789abcdef0", { securityGroupId: "sg-0123456789abcdef0" }],
    ["0.0.0.0/0", undefined],
    ["10.0.0.0/7", undefined],
    ["10.200.0.1/22", undefined],
    ["sg-0123456789ABCDEF0", undefined],
    ["sg-012345", undefined],
    ["bastion", undefined],
    ["", undefined],
  ];
  for (const [text, expected] of sources) {
    it(`parses operator source ${JSON.stringify(text)}`, () => {
      expect(parseOperatorSource(text)).to.deep.equal(expected);
    });
  }

  it("writes one nodeadm NodeConfig part in a closed MIME multipart document", () => {
    const text = nodeadmUserData(110);
    expect(text.startsWith("MIME-Version: 1.0\n")).to.equal(true);
    const boundary = /boundary="([^"]+)"/.exec(text)?.[1];
    expect(boundary).to.equal("//");
    expect(text.split(`--${boundary}\n`)).to.have.length(2);
    expect(text.trimEnd().endsWith(`--${boundary}--`)).to.equal(true);
    expect(text).to.contain("apiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\n");
    for (const bad of [0, 251, 1.5]) expect(() => nodeadmUserData(bad)).to.throw(/outside 1–250/);
  });

  it("scopes the ENI permission to the given subnets and the CodeBuild service", () => {
    const doc = runnerPolicy({
      accountId: "123456789012",
      region: "ap-south-1",
      logGroupArn: "arn:aws:logs:ap-south-1:123456789012:log-group:/x",
      subnetIds: ["subnet-a", "subnet-b"],
      connectionArn:
        "arn:aws:codestar-connections:ap-south-1:123456789012:connection/0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d",
    });
    const eni = doc.Statement.find((s) => s.Sid === "VpcNetworkInterfacePermission");
    expect(eni?.Condition?.StringEquals).to.deep.equal({
      "ec2:Subnet": [
        "arn:aws:ec2:ap-south-1:123456789012:subnet/subnet-a",
        "arn:aws:ec2:ap-south-1:123456789012:subnet/subnet-b",
      ],
      "ec2:AuthorizedService": "codebuild.amazonaws.com",
    });
    // Older connections are codestar-connections ARNs, with actions of that prefix.
    expect(doc.Statement.find((s) => s.Sid === "GitHubConnection")?.Action).to.deep.equal([
      "codestar-connections:GetConnection",
      "codestar-connections:GetConnectionToken",
      "codestar-connections:UseConnection",
    ]);
  });
});
