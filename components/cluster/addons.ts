import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ebsCsiPolicy } from "./iamPolicies";
import { podIdentityRole } from "./podIdentity";
import { CRITICAL_ADDONS_TOLERATION } from "../shared/helm";

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
  /** What the add-ons wait for: the cluster, or the nodes for those that schedule pods. */
  cluster: pulumi.Resource;
  nodes: pulumi.Resource;
  /** The cluster's volume key: the only key the EBS CSI driver may use. */
  volumeKeyArn: pulumi.Input<string>;
}

/**
 * The five EKS managed add-ons, versions pinned. vpc-cni enforces NetworkPolicies; vpc-cni and
 * the EBS CSI driver get their AWS permissions through Pod Identity roles of their own.
 */
export function createAddons(s: AddonScope, versions: AddonVersions): aws.eks.Addon[] {
  const opts = { parent: s.parent };
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
    opts,
  );
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
    opts,
  );
  const addon = (
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
      { parent: s.parent, dependsOn },
    );
  const podIdentityAgent = addon(
    "pod-identity-agent",
    "eks-pod-identity-agent",
    versions.podIdentityAgent,
    {},
    [s.cluster],
  );
  return [
    // Networking first: nodes only become Ready once the CNI runs on them.
    addon(
      "vpc-cni",
      "vpc-cni",
      versions.vpcCni,
      {
        configurationValues: JSON.stringify({
          enableNetworkPolicy: "true",
          env: { ENABLE_PREFIX_DELEGATION: "true", WARM_PREFIX_TARGET: "1" },
        }),
        podIdentityAssociations: [{ roleArn: cniRole.role.arn, serviceAccount: "aws-node" }],
      },
      [s.cluster, podIdentityAgent],
    ),
    addon("kube-proxy", "kube-proxy", versions.kubeProxy, {}, [s.cluster]),
    podIdentityAgent,
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
      [s.nodes],
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
      [s.nodes, podIdentityAgent],
    ),
  ];
}
