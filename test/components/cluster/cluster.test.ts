import { expect } from "chai";
import { capacityFor, capacityLevel } from "../../../components/cluster/capacity";
import { CLUSTER_DEFAULTS } from "../../../stacks/config";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";
import { T, statements } from "./fixtures";

const inCluster = (r: PlannedResource) => r.urn.includes("ecommerce:cluster:Cluster$");

describe("components/cluster (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("declares a private EKS cluster: API auth, secrets key, all log types, no default node group", () => {
    const [cluster] = ofType(prod, T.eks);
    expect(cluster.remote).to.equal(true);
    expect(cluster.inputs).to.deep.include({
      name: "ecommerce-prod-mumbai",
      version: "1.33",
      endpointPrivateAccess: true,
      endpointPublicAccess: false,
      authenticationMode: "API",
      skipDefaultNodeGroup: true,
      bootstrapSelfManagedAddons: false,
      deletionProtection: true,
      nodeAssociatePublicIpAddress: false,
      enabledClusterLogTypes: ["api", "audit", "authenticator", "controllerManager", "scheduler"],
    });
    expect(cluster.inputs.privateSubnetIds).to.deep.equal(prod.outputs.privateSubnetIds);
    expect(cluster.inputs).to.not.have.any.keys("publicSubnetIds", "publicAccessCidrs");
    const key = the(prod, T.key, "cluster-secrets");
    expect(cluster.inputs.encryptionConfigKeyArn).to.equal(key.outputs.arn);
    expect([key.inputs.enableKeyRotation, key.protect]).to.deep.equal([true, true]);
  });

  it("opens the public endpoint only to configured operator CIDRs, and grants admin roles by access entry", async () => {
    const p = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:cluster.publicAccessCidrs=[203.0.113.0/24]",
      "prod-mumbai:ecommerce:cluster.adminRoleArns=[arn:aws:iam::123456789012:role/platform-admin]",
    ]);
    const [cluster] = ofType(p, T.eks);
    expect(cluster.inputs).to.deep.include({
      endpointPublicAccess: true,
      publicAccessCidrs: ["203.0.113.0/24"],
    });
    expect(cluster.inputs.accessEntries).to.deep.equal({
      "admin-0": {
        principalArn: "arn:aws:iam::123456789012:role/platform-admin",
        accessPolicies: {
          admin: {
            policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            accessScope: { type: "cluster" },
          },
        },
      },
    });
    expect(p.policy?.violations).to.deep.equal([]);
  });

  it("runs a Graviton system node group in the private subnets, IMDSv2 and encrypted gp3, tainted for add-ons", () => {
    const [mng] = ofType(prod, T.mng);
    expect(mng.inputs).to.deep.include({
      amiType: "AL2023_ARM_64_STANDARD",
      capacityType: "ON_DEMAND",
      instanceTypes: ["m7g.large", "m7g.xlarge"],
      labels: { "node-role": "system" },
      taints: [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }],
      scalingConfig: { minSize: 3, desiredSize: 3, maxSize: 6 },
    });
    expect(mng.inputs.subnetIds).to.deep.equal(prod.outputs.privateSubnetIds);
    // The nodes follow the control plane's version: with a launch template nothing else sets it.
    const [cluster] = ofType(prod, "eks:index:Cluster");
    expect(cluster.inputs.version).to.equal("1.33");
    expect(mng.inputs.version).to.equal(cluster.inputs.version);
    const lt = ofType(prod, T.lt)[0];
    expect((mng.inputs.launchTemplate as Record<string, unknown>).id).to.equal(lt.id);
    expect(lt.inputs.metadataOptions).to.deep.equal({
      httpEndpoint: "enabled",
      httpTokens: "required",
      httpPutResponseHopLimit: 1,
    });
    expect(lt.inputs.blockDeviceMappings).to.deep.equal([
      {
        deviceName: "/dev/xvda",
        ebs: {
          volumeSize: 50,
          volumeType: "gp3",
          encrypted: "true",
          kmsKeyId: the(prod, T.key, "cluster-volumes").outputs.arn,
          deleteOnTermination: "true",
        },
      },
    ]);
    // Nodes carry the network's workloads group, which the data stores admit.
    expect(lt.inputs.vpcSecurityGroupIds).to.include(prod.outputs.workloadSecurityGroupId);
  });

  it("lowers only the system nodes' floor in a resting standby; ceilings (node max, Karpenter limits) stay at production size", async () => {
    const pool = (p: StackPlan) =>
      ofType(p, T.pool)[0].inputs.spec as { limits: Record<string, string> };
    expect(ofType(dr, T.mng)[0].inputs.scalingConfig).to.deep.equal({
      minSize: 2,
      desiredSize: 2,
      maxSize: 6,
    });
    expect(pool(dr).limits).to.deep.equal({ cpu: "256", memory: "1024Gi" });
    const failover = await plan("dr-singapore", ["dr-singapore:ecommerce:dr.mode=failover"]);
    expect(ofType(failover, T.mng)[0].inputs.scalingConfig).to.deep.equal({
      minSize: 3,
      desiredSize: 3,
      maxSize: 6,
    });
    expect(pool(failover).limits).to.deep.equal({ cpu: "256", memory: "1024Gi" });
    expect(pool(prod).limits).to.deep.equal(pool(failover).limits);
  });

  it("installs the five managed add-ons, pinned, with network policy on and Pod Identity for CNI and EBS CSI", () => {
    const addons = Object.fromEntries(ofType(prod, T.addon).map((a) => [a.inputs.addonName, a]));
    expect(Object.keys(addons)).to.have.members([
      "vpc-cni",
      "coredns",
      "kube-proxy",
      "eks-pod-identity-agent",
      "aws-ebs-csi-driver",
    ]);
    const versions = CLUSTER_DEFAULTS.addonVersions;
    expect(addons["vpc-cni"].inputs.addonVersion).to.equal(versions.vpcCni);
    expect(
      Object.fromEntries(
        Object.entries(addons).map(([n, a]) => [n, (a as PlannedResource).inputs.addonVersion]),
      ),
    ).to.deep.equal({
      "vpc-cni": versions.vpcCni,
      coredns: versions.coredns,
      "kube-proxy": versions.kubeProxy,
      "eks-pod-identity-agent": versions.podIdentityAgent,
      "aws-ebs-csi-driver": versions.ebsCsiDriver,
    });
    expect(
      JSON.parse(String(addons["vpc-cni"].inputs.configurationValues)).enableNetworkPolicy,
    ).to.equal("true");
    for (const [addon, sa] of [
      ["vpc-cni", "aws-node"],
      ["aws-ebs-csi-driver", "ebs-csi-controller-sa"],
    ]) {
      const [association] = addons[addon].inputs.podIdentityAssociations as {
        roleArn: string;
        serviceAccount: string;
      }[];
      expect(association.serviceAccount).to.equal(sa);
      const role = ofType(prod, T.role).find((r) => r.outputs.arn === association.roleArn);
      expect(statements(role?.inputs.assumeRolePolicy)[0].Principal).to.deep.equal({
        Service: "pods.eks.amazonaws.com",
      });
    }
    // Pods need nodes: coredns and the EBS CSI driver wait for the system node group.
    const mng = ofType(prod, T.mng)[0];
    expect(addons.coredns.dependencies).to.include(mng.urn);
    expect(addons["aws-ebs-csi-driver"].dependencies).to.include(mng.urn);
    // The system node group waits for its role's managed policies (EKS checks them).
    const attachments = ofType(prod, T.attachment).filter((a) =>
      a.name.startsWith("cluster-system-node-"),
    );
    expect(attachments).to.have.length(3);
    for (const a of attachments) expect(mng.dependencies).to.include(a.urn);
  });

  it("gives Karpenter an encrypted interruption queue fed by the four EventBridge rules", () => {
    const queue = the(prod, T.queue, "cluster-karpenter-interruptions");
    expect(queue.inputs.kmsMasterKeyId).to.equal(
      (prod.outputs.keyArns as Record<string, string>).messaging,
    );
    const rules = ofType(prod, T.eventRule).filter(inCluster);
    expect(
      rules.map((r) => JSON.parse(String(r.inputs.eventPattern))["detail-type"][0]),
    ).to.have.members([
      "EC2 Spot Instance Interruption Warning",
      "EC2 Instance Rebalance Recommendation",
      "EC2 Instance State-change Notification",
      "AWS Health Event",
    ]);
    const targets = ofType(prod, T.eventTarget).filter(inCluster);
    expect(targets).to.have.length(4);
    for (const target of targets) expect(target.inputs.arn).to.equal(queue.outputs.arn);
  });

  it("installs Karpenter from the pinned upstream chart with a Pod Identity role, and its node role by access entry", () => {
    const release = the(prod, T.release, "cluster-karpenter");
    expect(release.inputs).to.include({
      chart: "oci://public.ecr.aws/karpenter/karpenter",
      version: "1.8.1",
      namespace: "kube-system",
    });
    const values = release.inputs.values as { settings: Record<string, string> };
    expect(values.settings.clusterName).to.equal("ecommerce-prod-mumbai");
    const association = ofType(prod, T.podIdentity).find(
      (a) => a.inputs.serviceAccount === "karpenter",
    );
    expect(association?.inputs).to.include({
      namespace: "kube-system",
      clusterName: "ecommerce-prod-mumbai",
    });
    const nodeRole = the(prod, T.role, "cluster-karpenter-node");
    // The trust EKS documents for node roles: EC2, with no source condition for it to miss.
    expect(JSON.parse(String(nodeRole.inputs.assumeRolePolicy)).Statement).to.deep.equal([
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const [entry] = ofType(prod, T.accessEntry);
    expect(entry.inputs).to.include({ principalArn: nodeRole.outputs.arn, type: "EC2_LINUX" });
  });

  it("declares the EC2NodeClass (private subnets and SGs by tag, IMDSv2, encrypted gp3) and a consolidating Graviton NodePool", () => {
    const nodeClass = ofType(prod, T.cr)[0].inputs.spec as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(nodeClass.subnetSelectorTerms).to.deep.equal([
      { tags: { "karpenter.sh/discovery": "ecommerce-prod-mumbai" } },
    ]);
    expect(nodeClass.metadataOptions).to.include({
      httpTokens: "required",
      httpPutResponseHopLimit: 1,
    });
    expect(nodeClass.blockDeviceMappings[0].ebs).to.include({
      volumeType: "gp3",
      encrypted: true,
      kmsKeyID: the(prod, T.key, "cluster-volumes").outputs.arn,
    });
    // Nodes get the EKS cluster group and the workloads group (the one the data stores admit).
    expect(nodeClass.securityGroupSelectorTerms).to.deep.equal([
      { tags: { "karpenter.sh/discovery": "ecommerce-prod-mumbai" } },
      { tags: { "aws:eks:cluster-name": "ecommerce-prod-mumbai" } },
    ]);
    const workloads = the(prod, "aws:ec2/securityGroup:SecurityGroup", "network-workloads");
    expect((workloads.inputs.tags as Record<string, string>)["karpenter.sh/discovery"]).to.equal(
      "ecommerce-prod-mumbai",
    );
    // Karpenter's CRD rejects kubernetes.io/cluster/* tags; Karpenter sets that one itself.
    expect(Object.keys(nodeClass.tags).some((k) => k.startsWith("kubernetes.io/cluster"))).to.equal(
      false,
    );
    // Only private subnets carry the discovery tag.
    const tagged = ofType(prod, "aws:ec2/subnet:Subnet").filter(
      (s) => (s.inputs.tags as Record<string, string>)["karpenter.sh/discovery"],
    );
    expect(tagged.map((s) => (s.inputs.tags as Record<string, string>).tier)).to.deep.equal([
      "private",
      "private",
      "private",
    ]);
    const pool = ofType(prod, T.pool)[0].inputs.spec as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(pool.template.spec.requirements).to.deep.include({
      key: "kubernetes.io/arch",
      operator: "In",
      values: ["arm64"],
    });
    expect(pool.template.spec.requirements).to.deep.include({
      key: "karpenter.sh/capacity-type",
      operator: "In",
      values: ["on-demand", "spot"],
    });
    expect(pool.disruption.consolidationPolicy).to.equal("WhenEmptyOrUnderutilized");
  });

  it("gives every IAM role a named trust and no '*' action on '*'", () => {
    for (const role of every(prod, T.role, inCluster)) {
      const [trust] = statements(role.inputs.assumeRolePolicy);
      expect(trust.Principal, role.name).to.not.deep.equal({ AWS: "*" });
      expect(JSON.stringify(trust.Principal)).to.match(
        /pods\.eks\.amazonaws\.com|ec2\.amazonaws\.com/,
      );
    }
    const policies = ofType(prod, T.rolePolicy).filter(inCluster);
    expect(policies.map((p) => p.name)).to.have.members([
      "cluster-ebs-csi",
      "cluster-karpenter",
      "cluster-lb-controller",
    ]);
    for (const p of policies) {
      for (const s of statements(p.inputs.policy)) {
        const actions = [s.Action].flat();
        expect(
          actions.some((a) => a === "*" || a === "*:*"),
          p.name,
        ).to.equal(false);
        if ([s.Resource].flat().includes("*")) {
          // Only read actions (or service-linked-role creation, conditioned) may use "*", and
          // the LB controller's WAF/Shield attachments, which upstream grants on "*" (SetWebAcl
          // accepts nothing else).
          expect(
            actions.every(
              (a) =>
                /:(Describe|Get|List)/.test(a) ||
                a === "pricing:GetProducts" ||
                a === "iam:CreateServiceLinkedRole" ||
                (p.name === "cluster-lb-controller" && s.Sid === "WebAclsAndShield"),
            ),
            `${p.name}: ${actions.join(",")}`,
          ).to.equal(true);
        }
      }
    }
    const karpenter = statements(the(prod, T.rolePolicy, "cluster-karpenter").inputs.policy);
    const passRole = karpenter.find((s) => s.Action === "iam:PassRole");
    expect(passRole?.Resource).to.equal(the(prod, T.role, "cluster-karpenter-node").outputs.arn);
  });

  it("conditions a request tag only on the resource being created, never on its source or VPC", () => {
    const bySid = (name: string) =>
      Object.fromEntries(
        statements(the(prod, T.rolePolicy, name).inputs.policy).map((s) => [s.Sid, s]),
      );
    // EBS CSI: snapshot a volume, restore a snapshot; sources are the driver's own (tagged).
    const ebs = bySid("cluster-ebs-csi");
    const tagged = { StringEquals: { "aws:ResourceTag/ebs.csi.aws.com/cluster": "true" } };
    expect(ebs.SnapshotTaggedVolumes).to.deep.include({
      Action: "ec2:CreateSnapshot",
      Resource: "arn:aws:ec2:ap-south-1:123456789012:volume/*",
      Condition: tagged,
    });
    expect(ebs.RestoreTaggedSnapshots).to.deep.include({
      Action: "ec2:CreateVolume",
      Resource: "arn:aws:ec2:ap-south-1::snapshot/*",
      Condition: tagged,
    });
    // The load balancer controller: the new group carries the cluster tag; the VPC cannot.
    const lbc = bySid("cluster-lb-controller");
    expect(lbc.CreateSecurityGroups.Resource).to.equal(
      "arn:aws:ec2:ap-south-1:123456789012:security-group/*",
    );
    expect(lbc.CreateSecurityGroupsInVpcs).to.deep.equal({
      Sid: "CreateSecurityGroupsInVpcs",
      Effect: "Allow",
      Action: "ec2:CreateSecurityGroup",
      Resource: "arn:aws:ec2:ap-south-1:123456789012:vpc/*",
    });
  });
});

describe("components/cluster/capacity", () => {
  const config = CLUSTER_DEFAULTS.capacity;
  const cases: [Parameters<typeof capacityLevel>[0], "full" | "reduced"][] = [
    ["active", "full"],
    ["standby", "reduced"],
    ["drill", "full"],
    ["failover", "full"],
  ];
  for (const [posture, level] of cases) {
    it(`${posture} runs at ${level} capacity, under production ceilings`, () => {
      expect(capacityLevel(posture)).to.equal(level);
      const profile = capacityFor(posture, config);
      expect(profile.karpenter).to.deep.equal(config.full.karpenter);
      expect(profile.system.max).to.equal(config.full.system.max);
      const floors = level === "full" ? config.full.system : config.reduced.system;
      expect({ min: profile.system.min, desired: profile.system.desired }).to.deep.equal({
        min: floors.min,
        desired: floors.desired,
      });
    });
  }
  it("keeps at least two system nodes even at rest, fewer than at full size", () => {
    expect(config.reduced.system.min).to.be.at.least(2);
    expect(config.reduced.system.desired).to.be.below(config.full.system.desired);
  });
  it("applies the full level's ceilings to configured floors too", () => {
    const custom = {
      full: { system: { min: 4, desired: 5, max: 9 }, karpenter: { cpu: 64, memoryGiB: 256 } },
      reduced: { system: { min: 2, desired: 3 } },
    };
    expect(capacityFor("standby", custom)).to.deep.equal({
      system: { min: 2, desired: 3, max: 9 },
      karpenter: { cpu: 64, memoryGiB: 256 },
    });
  });
});
