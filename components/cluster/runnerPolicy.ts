import { PolicyDocument, policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";

export interface RunnerPolicyArgs {
  /** Account of every ARN the policy names. */
  accountId: string;
  /** Region of every ARN the policy names. */
  region: string;
  /** The build log group the runner writes to. */
  logGroupArn: string;
  /** Private subnets the runner's ENI may be created in (`ec2:Subnet` condition). */
  subnetIds: string[];
  /** The CodeConnections connection the project uses to reach GitHub. */
  connectionArn: string;
}

/** CodeBuild assumes the runner's role, and only for this account's projects. */
export const runnerTrustPolicy = (accountId: string): PolicyDocument =>
  serviceTrustPolicy("codebuild.amazonaws.com", accountId);

/**
 * What the CodeBuild-hosted runner itself needs, nothing about deploying: write its build logs,
 * create its ENI in the private subnets (AWS CodeBuild user guide, "Allow CodeBuild access to AWS
 * services required to create a VPC network interface": the EC2 describe calls cannot be scoped,
 * the ENI permission is limited to the given subnets and the CodeBuild service), and use the
 * GitHub connection. Workflows get deploy credentials from GitHub OIDC, not from this role.
 */
export function runnerPolicy(a: RunnerPolicyArgs): PolicyDocument {
  return policyDocument([
    {
      Sid: "BuildLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [a.logGroupArn, `${a.logGroupArn}:log-stream:*`],
    },
    {
      Sid: "VpcNetworkInterface",
      Effect: "Allow",
      Action: [
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeDhcpOptions",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
      ],
      Resource: "*",
    },
    {
      Sid: "VpcNetworkInterfacePermission",
      Effect: "Allow",
      Action: "ec2:CreateNetworkInterfacePermission",
      Resource: `arn:aws:ec2:${a.region}:${a.accountId}:network-interface/*`,
      Condition: {
        StringEquals: {
          "ec2:Subnet": a.subnetIds.map(
            (id) => `arn:aws:ec2:${a.region}:${a.accountId}:subnet/${id}`,
          ),
          "ec2:AuthorizedService": "codebuild.amazonaws.com",
        },
      },
    },
    {
      Sid: "GitHubConnection",
      Effect: "Allow",
      // The action prefix follows the ARN: codeconnections, or codestar-connections for older ones.
      Action: ["GetConnection", "GetConnectionToken", "UseConnection"].map(
        (action) => `${a.connectionArn.split(":")[2]}:${action}`,
      ),
      Resource: a.connectionArn,
    },
  ]);
}
