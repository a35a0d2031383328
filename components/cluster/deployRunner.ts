import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { runnerPolicy, runnerTrustPolicy } from "./runnerPolicy";
import { encryptedLogGroup } from "../shared/logGroup";

export interface DeployRunnerArgs {
  /** `<namePrefix>-deploy` names the CodeBuild project, hence the workflows' `runs-on` label. */
  namePrefix: string;
  /** The stack's region (the runner policy's log, network and CodeBuild ARNs). */
  region: string;
  /** Account that owns the runner's project and role (trust policy condition). */
  accountId: pulumi.Input<string>;
  /** The VPC the runner's ENI and security group live in. */
  vpcId: pulumi.Input<string>;
  /** The private subnets (NAT egress): the runner's ENI goes there. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** The EKS cluster security group: the runner is admitted to its private endpoint on 443. */
  clusterSecurityGroupId: pulumi.Input<string>;
  /** CMK for the build logs (the data layer's logs key; its policy admits CloudWatch Logs). */
  logsKeyArn: pulumi.Input<string>;
  /** Build log retention in days. */
  logRetentionDays: number;
  /** The GitHub repository whose workflow jobs the runner takes, `https://github.com/<org>/<repo>`. */
  repository: string;
  /** An AVAILABLE CodeConnections connection to GitHub (the webhook is created through it). */
  connectionArn: string;
}

/** The CodeBuild project name for a stack: the workflows target `codebuild-<name>-<run>-<attempt>`. */
export const runnerProjectName = (namePrefix: string) => `${namePrefix}-deploy`;

/**
 * A CodeBuild-hosted GitHub Actions runner inside the region's VPC: the one place (besides an
 * operator path) that reaches the cluster's private API endpoint, so `pulumi preview` and
 * `pulumi up` of this region run here, also with the other region gone. VPC mode in the private
 * subnets; a role that can only log, attach its ENI and use the GitHub connection; build logs in a
 * KMS-encrypted log group; a security group with HTTPS egress only, admitted to the cluster
 * security group on 443.
 */
export class DeployRunner extends pulumi.ComponentResource {
  public readonly projectName: pulumi.Output<string>;
  public readonly securityGroupId: pulumi.Output<string>;
  public readonly roleArn: pulumi.Output<string>;
  public readonly logGroupName: pulumi.Output<string>;

  constructor(name: string, args: DeployRunnerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:cluster:DeployRunner", name, {}, opts);
    const parent = { parent: this };
    const projectName = runnerProjectName(args.namePrefix);

    const logs = encryptedLogGroup(
      name,
      {
        logGroupName: `/ecommerce/${args.namePrefix}/deploy-runner`,
        retentionInDays: args.logRetentionDays,
        key: { kind: "shared", arn: args.logsKeyArn },
      },
      parent,
    ).group;
    const sg = new aws.ec2.SecurityGroup(
      name,
      {
        vpcId: args.vpcId,
        description: "Deploy runner: no ingress; HTTPS out (GitHub, npm, Pulumi, AWS APIs)",
        tags: { Name: `${args.namePrefix}-deploy-runner` },
      },
      parent,
    );
    new aws.vpc.SecurityGroupEgressRule(
      `${name}-https`,
      {
        securityGroupId: sg.id,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "GitHub, the npm registry, the Pulumi backend and AWS APIs over HTTPS",
      },
      parent,
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-api`,
      {
        securityGroupId: args.clusterSecurityGroupId,
        referencedSecurityGroupId: sg.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "Kubernetes API from the deploy runner",
      },
      parent,
    );

    const role = new aws.iam.Role(
      name,
      {
        description: "CodeBuild-hosted GitHub Actions runner (logs, VPC ENI, GitHub connection)",
        assumeRolePolicy: pulumi
          .output(args.accountId)
          .apply((account) => JSON.stringify(runnerTrustPolicy(account))),
      },
      parent,
    );
    const policy = new aws.iam.RolePolicy(
      name,
      {
        role: role.id,
        policy: pulumi
          .all([args.accountId, logs.arn, pulumi.output(args.privateSubnetIds)])
          .apply(([accountId, logGroupArn, subnetIds]) =>
            JSON.stringify(
              runnerPolicy({
                accountId,
                region: args.region,
                logGroupArn,
                subnetIds,
                connectionArn: args.connectionArn,
              }),
            ),
          ),
      },
      parent,
    );

    // CodeBuild checks the VPC permissions when the project is created: the policy comes first.
    const project = new aws.codebuild.Project(
      name,
      {
        name: projectName,
        description: `GitHub Actions runner for ${args.namePrefix} (pulumi preview / up)`,
        serviceRole: role.arn,
        // No concurrentBuildLimit: builds over it are throttled and not run (CodeBuild
        // CreateProject API), which would leave a workflow job without its runner.
        buildTimeout: 120,
        artifacts: { type: "NO_ARTIFACTS" },
        // A curated Amazon Linux image; the workflows install their Node.js and Pulumi CLI versions.
        environment: {
          type: "LINUX_CONTAINER",
          computeType: "BUILD_GENERAL1_MEDIUM",
          image: "aws/codebuild/amazonlinux-x86_64-standard:5.0",
        },
        source: {
          type: "GITHUB",
          location: args.repository,
          auth: { type: "CODECONNECTIONS", resource: args.connectionArn },
        },
        vpcConfig: {
          vpcId: args.vpcId,
          subnets: args.privateSubnetIds,
          securityGroupIds: [sg.id],
        },
        logsConfig: {
          cloudwatchLogs: { status: "ENABLED", groupName: logs.name },
          s3Logs: { status: "DISABLED" },
        },
      },
      { parent: this, dependsOn: [policy] },
    );
    // A build starts for every queued workflow job whose `runs-on` names this project (AWS
    // CodeBuild user guide, "Self-hosted GitHub Actions runners": filter type EVENT, pattern
    // WORKFLOW_JOB_QUEUED; label `codebuild-<project>-${{ github.run_id }}-${{ github.run_attempt }}`).
    new aws.codebuild.Webhook(
      name,
      {
        projectName: project.name,
        buildType: "BUILD",
        filterGroups: [{ filters: [{ type: "EVENT", pattern: "WORKFLOW_JOB_QUEUED" }] }],
      },
      parent,
    );

    this.projectName = project.name;
    this.securityGroupId = sg.id;
    this.roleArn = role.arn;
    this.logGroupName = logs.name;
    this.registerOutputs({
      projectName: this.projectName,
      securityGroupId: this.securityGroupId,
      roleArn: this.roleArn,
      logGroupName: this.logGroupName,
    });
  }
}
