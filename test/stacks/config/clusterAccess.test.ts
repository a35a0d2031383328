import { expect } from "chai";
import { Raw, parse, primaryRaw, problemsOf, standbyRaw } from "./fixtures";

const DEPLOY = "arn:aws:iam::123456789012:role/ecommerce-deploy";
const ADMIN = "arn:aws:iam::123456789012:role/platform-admin";
const CONNECTION =
  "arn:aws:codeconnections:ap-south-1:123456789012:connection/0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d";
const REPOSITORY = "https://github.com/example-org/ecommerce-platform";

const withCluster = (base: Raw, cluster: Raw): Raw => ({ ...base, "ecommerce:cluster": cluster });

describe("stacks/config/clusterAccess (who reaches the cluster: operator paths, deploy role, runner)", () => {
  it("reads operator paths as CIDRs and security groups, normalized", () => {
    const cfg = parse(
      withCluster(primaryRaw, {
        operatorAccess: ["10.200.0.0/22", "sg-0123456789abcdef0", "sg-01234567"],
      }),
    );
    expect(cfg.cluster.operatorAccess).to.deep.equal([
      { cidr: "10.200.0.0/22" },
      { securityGroupId: "sg-0123456789abcdef0" },
      { securityGroupId: "sg-01234567" },
    ]);
  });

  it("defaults to no operator path, no deploy role and no runner", () => {
    const cfg = parse(standbyRaw);
    expect(cfg.cluster.operatorAccess).to.deep.equal([]);
    expect(cfg.cluster.deployRoleArn).to.equal(undefined);
    expect(cfg.cluster.runner).to.equal(undefined);
    expect(cfg.cluster.resolverEndpoint).to.equal(false);
  });

  it("accepts a deploy role that is not an admin role, and a runner", () => {
    const cfg = parse(
      withCluster(primaryRaw, {
        deployRoleArn: DEPLOY,
        adminRoleArns: [ADMIN],
        runner: { repository: REPOSITORY, connectionArn: CONNECTION },
      }),
    );
    expect(cfg.cluster.deployRoleArn).to.equal(DEPLOY);
    expect(cfg.cluster.adminRoleArns).to.deep.equal([ADMIN]);
    expect(cfg.cluster.runner).to.deep.equal({ repository: REPOSITORY, connectionArn: CONNECTION });
  });

  const cases: [string, Raw, RegExp][] = [
    [
      "operator access open to the world",
      withCluster(primaryRaw, { operatorAccess: ["0.0.0.0/0"] }),
      /^ecommerce:cluster.operatorAccess: \["0.0.0.0\/0"\] is not accepted; use VPN\/bastion IPv4 CIDRs no wider than \/8 \(never 0.0.0.0\/0\) and security-group ids/,
    ],
    [
      "operator CIDR wider than /8",
      withCluster(primaryRaw, { operatorAccess: ["10.0.0.0/7"] }),
      /^ecommerce:cluster.operatorAccess: \["10.0.0.0\/7"\] is not accepted/,
    ],
    [
      "operator CIDR with host bits set",
      withCluster(primaryRaw, { operatorAccess: ["10.200.0.1/22"] }),
      /^ecommerce:cluster.operatorAccess: \["10.200.0.1\/22"\] is not accepted/,
    ],
    [
      "security group not in sg- form",
      withCluster(primaryRaw, { operatorAccess: ["bastion-sg"] }),
      /^ecommerce:cluster.operatorAccess: \["bastion-sg"\] is not accepted/,
    ],
    [
      "security group id of the wrong length",
      withCluster(standbyRaw, { operatorAccess: ["sg-0123456789"] }),
      /^ecommerce:cluster.operatorAccess: \["sg-0123456789"\] is not accepted/,
    ],
    [
      "operator access not a list",
      withCluster(primaryRaw, { operatorAccess: "10.200.0.0/22" }),
      /^ecommerce:cluster.operatorAccess: "10.200.0.0\/22" is not accepted/,
    ],
    [
      "the deploy role also listed as an admin role",
      withCluster(primaryRaw, { deployRoleArn: DEPLOY, adminRoleArns: [ADMIN, DEPLOY] }),
      /^ecommerce:cluster.adminRoleArns: contains arn:aws:iam::123456789012:role\/ecommerce-deploy, which is ecommerce:cluster.deployRoleArn: .*access entry resource is already in use.*remove it from ecommerce:cluster.adminRoleArns$/,
    ],
    [
      "deploy role not a role ARN",
      withCluster(primaryRaw, { deployRoleArn: "arn:aws:iam::123456789012:user/deployer" }),
      /^ecommerce:cluster.deployRoleArn: "arn:aws:iam::123456789012:user\/deployer" is not accepted; use the IAM role ARN deployments run as/,
    ],
    [
      "runner without its connection",
      withCluster(primaryRaw, { runner: { repository: REPOSITORY } }),
      /^ecommerce:cluster.runner.connectionArn: is required with a runner; use the ARN of an authorized CodeConnections connection/,
    ],
    [
      "runner without its repository",
      withCluster(standbyRaw, { runner: { connectionArn: CONNECTION } }),
      /^ecommerce:cluster.runner.repository: is required with a runner; use https:\/\/github.com\/<org>\/<repo>/,
    ],
    [
      "runner repository outside GitHub",
      withCluster(primaryRaw, {
        runner: { repository: "https://gitlab.com/org/repo", connectionArn: CONNECTION },
      }),
      /^ecommerce:cluster.runner.repository: "https:\/\/gitlab.com\/org\/repo" is not accepted; use a value like https:\/\/github.com\/<org>\/<repo>/,
    ],
    [
      "runner connection not a connection ARN",
      withCluster(primaryRaw, {
        runner: { repository: REPOSITORY, connectionArn: "arn:aws:iam::123456789012:role/x" },
      }),
      /^ecommerce:cluster.runner.connectionArn: "arn:aws:iam::123456789012:role\/x" is not accepted/,
    ],
    [
      "a resolver endpoint without operator paths",
      withCluster(primaryRaw, { resolverEndpoint: true }),
      /^ecommerce:cluster.resolverEndpoint: answers only the operator paths; set ecommerce:cluster.operatorAccess/,
    ],
    [
      "a resolver endpoint flag that is not a boolean",
      withCluster(primaryRaw, { resolverEndpoint: "yes" }),
      /^ecommerce:cluster.resolverEndpoint: "yes" is not accepted; use true or false/,
    ],
    [
      "unknown runner key",
      withCluster(primaryRaw, {
        runner: { repository: REPOSITORY, connectionArn: CONNECTION, token: "ghp_x" },
      }),
      /^ecommerce:cluster.runner.token: unknown key; accepted keys: repository, connectionArn/,
    ],
  ];
  for (const [title, raw, pattern] of cases) {
    it(`rejects ${title}`, () => {
      const problems = problemsOf(raw);
      expect(
        problems.some((p) => pattern.test(p)),
        problems.join("\n"),
      ).to.equal(true);
    });
  }
});
