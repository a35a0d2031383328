import { expect } from "chai";
import { MAX_PODS, VPC_CNI_CONFIGURATION } from "../../../components/cluster/podDensity";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";
import { STACKS } from "./fixtures";

const T = {
  eks: "eks:index:Cluster",
  mng: "eks:index:ManagedNodeGroup",
  lt: "aws:ec2/launchTemplate:LaunchTemplate",
  addon: "aws:eks/addon:Addon",
  role: "aws:iam/role:Role",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  nodeClass: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
  release: "kubernetes:helm.sh/v3:Release",
  binding: "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding",
  namespace: "kubernetes:core/v1:Namespace",
  ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  resolver: "aws:route53/resolverEndpoint:ResolverEndpoint",
};
const vpcCniOf = (p: StackPlan) =>
  ofType(p, T.addon).filter((a) => a.inputs.addonName === "vpc-cni");

describe("components/cluster: a first pulumi up that completes (recorded offline runs)", () => {
  const plans: Record<string, StackPlan> = {};
  before(async () => {
    for (const s of STACKS) plans[s] = await plan(s);
  });

  for (const stack of STACKS) {
    it(`${stack}: one vpc-cni add-on, ours, with Pod Identity for aws-node and AmazonEKS_CNI_Policy`, () => {
      const p = plans[stack];
      // pulumi-eks 4.3.0 adds its own VpcCniAddon unless useDefaultVpcCni is true.
      const [cluster] = ofType(p, T.eks);
      expect(cluster.inputs.useDefaultVpcCni).to.equal(true);
      const addons = vpcCniOf(p);
      expect(addons).to.have.length(1);
      const [cni] = addons;
      expect(JSON.parse(String(cni.inputs.configurationValues))).to.deep.equal(
        VPC_CNI_CONFIGURATION,
      );
      const associations = cni.inputs.podIdentityAssociations as {
        roleArn: string;
        serviceAccount: string;
      }[];
      expect(associations.map((a) => a.serviceAccount)).to.deep.equal(["aws-node"]);
      const role = ofType(p, T.role).find((r) => r.outputs.arn === associations[0].roleArn);
      expect(role, "the association's role").to.not.equal(undefined);
      const policies = ofType(p, T.attachment)
        .filter((a) => a.inputs.role === role?.outputs.name)
        .map((a) => a.inputs.policyArn);
      expect(policies).to.deep.equal(["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"]);
      expect(cni.dependencies).to.include(the(p, T.addon, "cluster-pod-identity-agent").urn);
    });
  }

  it("creates the system nodes after the networking add-ons, and coredns after the CNI and the nodes", () => {
    const p = plans["prod-mumbai"];
    const mng = the(p, T.mng, "cluster-system");
    const addon = (n: string) => the(p, T.addon, `cluster-${n}`);
    for (const n of ["vpc-cni", "kube-proxy", "pod-identity-agent"]) {
      expect(mng.dependencies, n).to.include(addon(n).urn);
      expect(addon(n).dependencies, `${n} must not wait for the nodes`).to.not.include(mng.urn);
    }
    for (const n of ["coredns", "ebs-csi-driver"]) {
      expect(addon(n).dependencies, n).to.include.members([mng.urn, addon("vpc-cni").urn]);
    }
  });

  it("sets the same maxPods on the system node group's launch template and the EC2NodeClass", () => {
    for (const stack of STACKS) {
      const p = plans[stack];
      const userData = Buffer.from(
        String(the(p, T.lt, "cluster-system").inputs.userData),
        "base64",
      ).toString();
      expect(userData).to.contain("Content-Type: application/node.eks.aws");
      expect(userData).to.match(new RegExp(`kind: NodeConfig[\\s\\S]*maxPods: ${MAX_PODS}\\n`));
      const spec = the(p, T.nodeClass, "cluster-node-class").inputs.spec as {
        kubelet: { maxPods: number };
      };
      expect(spec.kubelet.maxPods).to.equal(MAX_PODS);
    }
    expect(VPC_CNI_CONFIGURATION.env.ENABLE_PREFIX_DELEGATION).to.equal("true");
  });

  it("applies the gateway's TargetGroupBinding only after the load balancer controller release", () => {
    for (const stack of STACKS) {
      const p = plans[stack];
      const bindings = ofType(p, T.binding);
      expect(bindings, stack).to.have.length(1);
      const controller = the(p, T.release, "cluster-lb-controller");
      expect(controller.inputs.chart).to.equal("aws-load-balancer-controller");
      expect(bindings[0].dependencies).to.include(controller.urn);
    }
  });

  it("creates the FIS ServiceAccount, Role and RoleBinding after the shop namespace", async () => {
    const p = await plan("prod-mumbai", ["prod-mumbai:ecommerce:dr.fis=true"]);
    const shop = the(p, T.namespace, "cluster-shop");
    const objects = [
      "kubernetes:core/v1:ServiceAccount",
      "kubernetes:rbac.authorization.k8s.io/v1:Role",
      "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    ].map((type) => the(p, type, "drills-fis"));
    expect(objects).to.have.length(3);
    for (const o of objects) {
      expect((o.inputs.metadata as { namespace: string }).namespace).to.equal("shop");
      expect(o.dependencies, o.type).to.include(shop.urn);
    }
  });

  it("admits configured operator CIDRs and security groups to the cluster security group on 443 only", async () => {
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:cluster.operatorAccess=[10.200.0.0/22, sg-0123456789abcdef0]",
    ]);
    const clusterSg = ofType(p, T.eks)[0].outputs.clusterSecurityGroupId;
    const rules = ofType(p, T.ingress).filter((r) => r.name.startsWith("cluster-operator-"));
    expect(rules).to.have.length(2);
    for (const r of rules) {
      expect(r.inputs).to.deep.include({
        securityGroupId: clusterSg,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
      });
    }
    expect(rules.map((r) => r.inputs.cidrIpv4 ?? r.inputs.referencedSecurityGroupId)).to.deep.equal(
      ["10.200.0.0/22", "sg-0123456789abcdef0"],
    );
    // None by default: the stack files list no operator path.
    expect(
      ofType(plans["prod-mumbai"], T.ingress).filter((r) => r.name.startsWith("cluster-operator-")),
    ).to.deep.equal([]);
  });

  it("answers the operator paths' DNS through an optional Resolver inbound endpoint in two AZs", async () => {
    expect(ofType(plans["prod-mumbai"], T.resolver)).to.deep.equal([]);
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:cluster.operatorAccess=[10.200.0.0/22]",
      "prod-mumbai:ecommerce:cluster.resolverEndpoint=true",
    ]);
    const [endpoint] = ofType(p, T.resolver);
    expect(endpoint.inputs.direction).to.equal("INBOUND");
    const subnets = p.outputs.privateSubnetIds as string[];
    expect(endpoint.inputs.ipAddresses).to.deep.equal(
      subnets.slice(0, 2).map((subnetId) => ({ subnetId })),
    );
    const [sg] = endpoint.inputs.securityGroupIds as string[];
    const dns = ofType(p, T.ingress).filter((r) => r.inputs.securityGroupId === sg);
    expect(
      dns.map((r) => [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.cidrIpv4]),
    ).to.have.deep.members([
      ["tcp", 53, "10.200.0.0/22"],
      ["udp", 53, "10.200.0.0/22"],
    ]);
  });

  it("puts the controllers in the set workloads wait for", () => {
    const p = plans["prod-mumbai"];
    const service = ofType(p, T.release).find((r) => r.name.startsWith("mesh-"));
    expect(service, "a mesh release").to.not.equal(undefined);
    expect(service?.dependencies).to.include.members([
      the(p, T.release, "cluster-lb-controller").urn,
      the(p, T.release, "cluster-metrics-server").urn,
    ]);
  });
});
