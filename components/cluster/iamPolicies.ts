/**
 * Least-privilege policies for the cluster's controllers, as data. Actions that AWS does not
 * scope by resource (Describe*, Get*, pricing) are allowed on "*"; every mutating action is
 * scoped by ARN or by the cluster's tags.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../shared/iamDocuments";

export interface ControllerScope {
  accountId: string;
  region: string;
  clusterName: string;
}

export interface KarpenterScope extends ControllerScope {
  nodeRoleArn: string;
  interruptionQueueArn: string;
  /** The CMK the interruption queue is encrypted with. */
  interruptionQueueKeyArn: string;
  clusterArn: string;
}

/** Karpenter's controller: launch and terminate only nodes (and profiles) it tagged for this cluster. */
export function karpenterControllerPolicy(s: KarpenterScope): PolicyDocument {
  const ec2 = (type: string) => `arn:aws:ec2:${s.region}:*:${type}/*`;
  const clusterTag = `kubernetes.io/cluster/${s.clusterName}`;
  const owned = { [`aws:ResourceTag/${clusterTag}`]: "owned" };
  // What launching a node creates, and so what Karpenter may create and tag as it does.
  const createdForNodes = [
    "fleet",
    "instance",
    "volume",
    "network-interface",
    "launch-template",
    "spot-instances-request",
  ].map(ec2);
  const requestOwned = {
    [`aws:RequestTag/${clusterTag}`]: "owned",
    "aws:RequestTag/eks:eks-cluster-name": s.clusterName,
  };
  const profiles = `arn:aws:iam::${s.accountId}:instance-profile/*`;
  return policyDocument([
    {
      Sid: "ReadOnly",
      Effect: "Allow",
      Action: [
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeImages",
        "ec2:DescribeInstances",
        "ec2:DescribeInstanceTypeOfferings",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSpotPriceHistory",
        "ec2:DescribeSubnets",
      ],
      Resource: "*",
      Condition: { StringEquals: { "aws:RequestedRegion": s.region } },
    },
    // The Price List API lives in a few regions only (ap-south-1 serves Asia): no region condition.
    { Sid: "Pricing", Effect: "Allow", Action: "pricing:GetProducts", Resource: "*" },
    {
      Sid: "UseSharedResources",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
      Resource: [
        `arn:aws:ec2:${s.region}::image/*`,
        `arn:aws:ec2:${s.region}::snapshot/*`,
        ec2("security-group"),
        ec2("subnet"),
        ec2("capacity-reservation"),
      ],
    },
    {
      Sid: "UseOwnedLaunchTemplates",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet"],
      Resource: ec2("launch-template"),
      Condition: { StringEquals: owned },
    },
    {
      Sid: "CreateOwnedResources",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
      Resource: createdForNodes,
      Condition: { StringEquals: requestOwned },
    },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: createdForNodes,
      Condition: {
        StringEquals: {
          ...requestOwned,
          "ec2:CreateAction": ["RunInstances", "CreateFleet", "CreateLaunchTemplate"],
        },
      },
    },
    {
      Sid: "ManageOwnedInstances",
      Effect: "Allow",
      Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate", "ec2:CreateTags"],
      Resource: [ec2("instance"), ec2("launch-template")],
      Condition: { StringEquals: owned },
    },
    {
      Sid: "PassNodeRole",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: s.nodeRoleArn,
      Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
    },
    {
      Sid: "CreateOwnedInstanceProfiles",
      Effect: "Allow",
      Action: ["iam:CreateInstanceProfile", "iam:TagInstanceProfile"],
      Resource: profiles,
      Condition: {
        StringEquals: {
          [`aws:RequestTag/${clusterTag}`]: "owned",
          "aws:RequestTag/topology.kubernetes.io/region": s.region,
        },
      },
    },
    {
      Sid: "ManageOwnedInstanceProfiles",
      Effect: "Allow",
      Action: [
        "iam:AddRoleToInstanceProfile",
        "iam:RemoveRoleFromInstanceProfile",
        "iam:DeleteInstanceProfile",
        "iam:TagInstanceProfile",
      ],
      Resource: profiles,
      Condition: {
        StringEquals: {
          [`aws:ResourceTag/${clusterTag}`]: "owned",
          "aws:ResourceTag/topology.kubernetes.io/region": s.region,
        },
      },
    },
    {
      Sid: "ReadInstanceProfiles",
      Effect: "Allow",
      Action: ["iam:GetInstanceProfile", "iam:ListInstanceProfiles"],
      Resource: profiles,
    },
    {
      Sid: "InterruptionQueue",
      Effect: "Allow",
      Action: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
      Resource: s.interruptionQueueArn,
    },
    {
      Sid: "InterruptionQueueKey",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: s.interruptionQueueKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `sqs.${s.region}.amazonaws.com` } },
    },
    {
      Sid: "Ssm",
      Effect: "Allow",
      Action: "ssm:GetParameter",
      Resource: `arn:aws:ssm:${s.region}::parameter/aws/service/*`,
    },
    {
      Sid: "DescribeCluster",
      Effect: "Allow",
      Action: "eks:DescribeCluster",
      Resource: s.clusterArn,
    },
  ]);
}

/** The AWS Load Balancer Controller: reads widely, changes only what it created or the cluster owns. */
export function loadBalancerControllerPolicy(s: ControllerScope): PolicyDocument {
  const elb = `arn:aws:elasticloadbalancing:${s.region}:${s.accountId}`;
  const elbResources = ["loadbalancer", "targetgroup", "listener", "listener-rule"].map(
    (kind) => `${elb}:${kind}/*`,
  );
  const securityGroups = `arn:aws:ec2:${s.region}:${s.accountId}:security-group/*`;
  const created = { "aws:ResourceTag/elbv2.k8s.aws/cluster": s.clusterName };
  return policyDocument([
    {
      Sid: "ServiceLinkedRole",
      Effect: "Allow",
      Action: "iam:CreateServiceLinkedRole",
      Resource: "*",
      Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    },
    {
      Sid: "ReadOnly",
      Effect: "Allow",
      Action: [
        "ec2:Describe*",
        "ec2:GetCoipPoolUsage",
        "ec2:GetSecurityGroupsForVpc",
        "elasticloadbalancing:Describe*",
        "acm:ListCertificates",
        "acm:DescribeCertificate",
        "wafv2:GetWebACL",
        "wafv2:GetWebACLForResource",
        "shield:GetSubscriptionState",
        "cognito-idp:DescribeUserPoolClient",
      ],
      Resource: "*",
    },
    // Ingress from load balancers onto the cluster's node/pod groups only: never the data stores'.
    {
      Sid: "ClusterSecurityGroupRules",
      Effect: "Allow",
      Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
      Resource: securityGroups,
      Condition: { Null: { [`aws:ResourceTag/kubernetes.io/cluster/${s.clusterName}`]: "false" } },
    },
    {
      Sid: "OwnSecurityGroupRules",
      Effect: "Allow",
      Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
      Resource: securityGroups,
      Condition: { StringEquals: created },
    },
    {
      Sid: "CreateSecurityGroups",
      Effect: "Allow",
      Action: ["ec2:CreateSecurityGroup", "ec2:CreateTags"],
      Resource: `arn:aws:ec2:${s.region}:${s.accountId}:*`,
      Condition: { StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": s.clusterName } },
    },
    {
      Sid: "ManageOwnSecurityGroups",
      Effect: "Allow",
      Action: ["ec2:DeleteSecurityGroup", "ec2:CreateTags", "ec2:DeleteTags"],
      Resource: securityGroups,
      Condition: { StringEquals: created },
    },
    {
      Sid: "CreateLoadBalancers",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateLoadBalancer",
        "elasticloadbalancing:CreateTargetGroup",
        "elasticloadbalancing:AddTags",
      ],
      Resource: elbResources,
      Condition: { StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": s.clusterName } },
    },
    {
      Sid: "ManageOwnLoadBalancers",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:SetIpAddressType",
        "elasticloadbalancing:SetSecurityGroups",
        "elasticloadbalancing:SetSubnets",
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:AddTags",
        "elasticloadbalancing:RemoveTags",
      ],
      Resource: [`${elb}:loadbalancer/*`, `${elb}:targetgroup/*`],
      Condition: { StringEquals: created },
    },
    {
      Sid: "ListenersAndTargets",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:CreateRule",
        "elasticloadbalancing:DeleteRule",
        "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:AddListenerCertificates",
        "elasticloadbalancing:RemoveListenerCertificates",
        "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:DeregisterTargets",
        "elasticloadbalancing:SetWebAcl",
      ],
      Resource: elbResources,
    },
  ]);
}

/** The EBS CSI driver: volumes and snapshots it creates and tags for the cluster; KMS via EC2 only. */
export function ebsCsiPolicy(s: Pick<ControllerScope, "accountId" | "region">): PolicyDocument {
  const ec2 = `arn:aws:ec2:${s.region}:${s.accountId}`;
  const volumesAndSnapshots = [`${ec2}:volume/*`, `arn:aws:ec2:${s.region}::snapshot/*`];
  const statements: PolicyStatement[] = [
    {
      Sid: "ReadOnly",
      Effect: "Allow",
      Action: [
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInstances",
        "ec2:DescribeSnapshots",
        "ec2:DescribeTags",
        "ec2:DescribeVolumes",
        "ec2:DescribeVolumesModifications",
      ],
      Resource: "*",
    },
    {
      Sid: "CreateTagged",
      Effect: "Allow",
      Action: ["ec2:CreateVolume", "ec2:CreateSnapshot"],
      Resource: volumesAndSnapshots,
      Condition: { StringEquals: { "aws:RequestTag/ebs.csi.aws.com/cluster": "true" } },
    },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: volumesAndSnapshots,
      Condition: { StringEquals: { "ec2:CreateAction": ["CreateVolume", "CreateSnapshot"] } },
    },
    {
      Sid: "AttachToNodes",
      Effect: "Allow",
      Action: ["ec2:AttachVolume", "ec2:DetachVolume"],
      Resource: [`${ec2}:volume/*`, `${ec2}:instance/*`],
      Condition: { StringEquals: { "aws:ResourceTag/ebs.csi.aws.com/cluster": "true" } },
    },
    {
      Sid: "AttachToInstances",
      Effect: "Allow",
      Action: ["ec2:AttachVolume", "ec2:DetachVolume"],
      Resource: `${ec2}:instance/*`,
    },
    {
      Sid: "ManageTagged",
      Effect: "Allow",
      Action: ["ec2:ModifyVolume", "ec2:DeleteVolume", "ec2:DeleteSnapshot"],
      Resource: volumesAndSnapshots,
      Condition: { StringEquals: { "aws:ResourceTag/ebs.csi.aws.com/cluster": "true" } },
    },
    {
      Sid: "KmsThroughEc2",
      Effect: "Allow",
      Action: [
        "kms:CreateGrant",
        "kms:Decrypt",
        "kms:Encrypt",
        "kms:ReEncrypt*",
        "kms:GenerateDataKeyWithoutPlaintext",
        "kms:DescribeKey",
      ],
      Resource: `arn:aws:kms:${s.region}:${s.accountId}:key/*`,
      Condition: { StringEquals: { "kms:ViaService": `ec2.${s.region}.amazonaws.com` } },
    },
  ];
  return policyDocument(statements);
}
