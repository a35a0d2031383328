import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ebsCsiPolicy } from "./ebsCsiPolicy";
import { podIdentityRole } from "./podIdentity";
import { CRITICAL_ADDONS_TOLERATION } from "../shared/helm";
import { VPC_CNI_CONFIGURATION } from "./podDensity";

export interface AddonVersions {
  vpcCni: string;
  coredns: string;
  kubeProxy: string;
  podIdentityAgent: string;
  ebsCsiDriver: string;
}

interface AddonScope {
  name: string;
  parent: pulumi.Resource;
  clusterName: pulumi.Input<string>;
  accountId: pulumi.Input<string>;
  region: string;
  /** The EKS cluster: every add-on waits for it. */
  cluster: pulumi.Resource;
}

/** The add-ons a node needs before it can become Ready: they schedule no Deployment. */
export interface NetworkAddons {
  vpcCni: aws.eks.Addon;
  kubeProxy: aws.eks.Addon;
  podIdentityAgent: aws.eks.Addon;
}

function addonFactory(s: AddonScope) {
  return (
    id: string,
    addonName: string,
    version: string,
    extra: Partial<aws.eks.AddonArgs>,
    dependsOn: pulumi.Resource[],
  ) =>
    new aws.eks.Addon(
      `${s.name}-${id}`,
      {
        clusterName: s.clusterName,
        addonName,
        addonVersion: version,
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "PRESERVE",
        ...extra,
      },
      { parent: s.parent, dependsOn: [s.cluster, ...dependsOn] },
    );
}

/**
 * vpc-cni, kube-proxy and the Pod Identity agent: DaemonSets only, so they become ACTIVE on a
 * cluster without nodes, and the system node group is created after them. This is the only
 * vpc-cni add-on: the cluster sets `useDefaultVpcCni` so pulumi-eks creates none of its own.
 * vpc-cni enforces NetworkPolicies, assigns /28 prefixes, and gets `AmazonEKS_CNI_Policy` through
 * a Pod Identity association for `kube-system/aws-node` (neither node role carries that policy).
 */
export function createNetworkAddons(s: AddonScope, versions: AddonVersions): NetworkAddons {
  const cniRole = podIdentityRole(
    `${s.name}-vpc-cni`,
    {
      clusterName: s.clusterName,
      accountId: s.accountId,
      namespace: "kube-system",
      serviceAccount: "aws-node",
      managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"],
      associate: false,
      description: "VPC CNI (aws-node)",
    },
    { parent: s.parent },
  );
  const addon = addonFactory(s);
  const podIdentityAgent = addon(
    "pod-identity-agent",
    "eks-pod-identity-agent",
    versions.podIdentityAgent,
    {},
    [],
  );
  const vpcCni = addon(
    "vpc-cni",
    "vpc-cni",
    versions.vpcCni,
    {
      configurationValues: JSON.stringify(VPC_CNI_CONFIGURATION),
      podIdentityAssociations: [{ roleArn: cniRole.role.arn, serviceAccount: "aws-node" }],
    },
    [podIdentityAgent, cniRole.role],
  );
  const kubeProxy = addon("kube-proxy", "kube-proxy", versions.kubeProxy, {}, []);
  return { vpcCni, kubeProxy, podIdentityAgent };
}

/**
 * coredns and the EBS CSI driver run Deployments: they wait for the system nodes (an add-on whose
 * pods cannot schedule stays DEGRADED) and for the CNI that gives those pods addresses. The EBS
 * CSI controller gets its AWS permissions through a Pod Identity role of its own.
 */
export function createNodeAddons(
  s: AddonScope & {
    nodes: pulumi.Resource;
    /** The cluster's volume key: the only key the EBS CSI driver may use. */
    volumeKeyArn: pulumi.Input<string>;
  },
  versions: AddonVersions,
  network: NetworkAddons,
): aws.eks.Addon[] {
  const ebsRole = podIdentityRole(
    `${s.name}-ebs-csi`,
    {
      clusterName: s.clusterName,
      accountId: s.accountId,
      namespace: "kube-system",
      serviceAccount: "ebs-csi-controller-sa",
      policy: pulumi
        .all([s.accountId, s.volumeKeyArn])
        .apply(([accountId, volumeKeyArn]) =>
          ebsCsiPolicy({ accountId, region: s.region, volumeKeyArn }),
        ),
      associate: false,
      description: "EBS CSI driver controller",
    },
    { parent: s.parent },
  );
  const addon = addonFactory(s);
  const afterNodes = [s.nodes, network.vpcCni, network.kubeProxy];
  return [
    addon(
      "coredns",
      "coredns",
      versions.coredns,
      {
        configurationValues: JSON.stringify({
          replicaCount: 2,
          tolerations: [CRITICAL_ADDONS_TOLERATION],
        }),
      },
      afterNodes,
    ),
    addon(
      "ebs-csi-driver",
      "aws-ebs-csi-driver",
      versions.ebsCsiDriver,
      {
        podIdentityAssociations: [
          { roleArn: ebsRole.role.arn, serviceAccount: "ebs-csi-controller-sa" },
        ],
        configurationValues: JSON.stringify({
          controller: { tolerations: [CRITICAL_ADDONS_TOLERATION] },
        }),
      },
      [...afterNodes, network.podIdentityAgent],
    ),
  ];
}
