import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "eks-cluster-disallow-public-endpoint";

describeResourceRule(RULE, {
  passes: [
    passes("aws:eks/cluster:Cluster", "a public endpoint limited to operator CIDRs", (p) => {
      p.vpcConfig.endpointPublicAccess = true;
      p.vpcConfig.publicAccessCidrs = ["203.0.113.0/24"];
    }),
  ],
  violations: [
    violates(
      "aws:eks/cluster:Cluster",
      "public without CIDRs",
      (p) => (p.vpcConfig.endpointPublicAccess = true),
      /public endpoint open to the internet/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "public to 0.0.0.0/0",
      (p) =>
        (p.vpcConfig = {
          endpointPrivateAccess: true,
          endpointPublicAccess: true,
          publicAccessCidrs: ["0.0.0.0/0"],
        }),
      /public endpoint open/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "private access off",
      (p) => (p.vpcConfig.endpointPrivateAccess = false),
      /private endpoint access is off/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "public access left to the AWS default (on)",
      (p) => delete p.vpcConfig.endpointPublicAccess,
      /public endpoint open to the internet/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "public to ::/0 beside operator CIDRs",
      (p) => {
        p.vpcConfig.endpointPublicAccess = true;
        p.vpcConfig.publicAccessCidrs = ["203.0.113.0/24", "::/0"];
      },
      /public endpoint open to the internet \(no operator CIDR allow-list\)/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "no vpcConfig (AWS defaults: public on, private off)",
      (p) => delete p.vpcConfig,
      /private endpoint access is off\n.*public endpoint open to the internet/,
    ),
  ],
});
