/**
 * Least-privilege policies for the cluster's controllers, as data. Actions that AWS does not
 * scope by resource (Describe*, Get*, pricing) are allowed on "*"; every mutating action is
 * scoped by ARN or by the cluster's tags. Karpenter's is here with what the controllers share;
 * the load balancer controller's and the EBS CSI driver's have a file each.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../shared/iamDocuments";

/**
 * What the controllers' policies grant beyond their upstream reference policy
 * (`upstream/`, compared by `test/iam/upstream.test.ts`), action by action, with the reason.
 */
export const BEYOND_UPSTREAM: Record<
  "karpenter" | "loadBalancerController" | "ebsCsi",
  Record<string, string>
> = {
  karpenter: {
    "kms:Decrypt":
      "the interruption queue is encrypted with our messaging key (upstream's uses SQS-managed SSE), and node volumes with the cluster's volume key",
    "kms:CreateGrant":
      "node volumes use the cluster's volume key: EC2 needs a grant to attach them",
    "kms:DescribeKey":
      "node volumes use the cluster's volume key (EBS user guide's KMS permissions)",
    "kms:GenerateDataKeyWithoutPlaintext": "node volumes use the cluster's volume key",
    "kms:ReEncrypt*":
      "node volumes use the cluster's volume key (EBS user guide's KMS permissions)",
  },
  loadBalancerController: {},
  ebsCsi: {
    "kms:DescribeKey": "EBS user guide's KMS permissions for encrypted volumes",
    "kms:ReEncrypt*": "EBS user guide's KMS permissions (snapshot copies re-encrypt)",
  },
};

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
  /** The cluster's customer managed key for node and persistent volumes. */
  volumeKeyArn: string;
}

/**
 * Karpenter's controller, after upstream v1.8.1's reference policy (`cloudformation.yaml` of the
 * getting-started guide at that tag; kept as `upstream/karpenter-v1.8.1.json` and compared by a
 * test): launch, tag and terminate only what it tagged for this cluster and a NodePool, and tag
 * only instance profiles it already owns, with the tags it owns.
 */
export function karpenterControllerPolicy(s: KarpenterScope): PolicyDocument {
  const ec2 = (type: string) => `arn:aws:ec2:${s.region}:*:${type}/*`;
  const clusterTag = `kubernetes.io/cluster/${s.clusterName}`;
  const owned = { [`aws:ResourceTag/${clusterTag}`]: "owned" };
  const ofNodePool = { "aws:ResourceTag/karpenter.sh/nodepool": "*" };
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
  const forNodePool = { "aws:RequestTag/karpenter.sh/nodepool": "*" };
  const profiles = `arn:aws:iam::${s.accountId}:instance-profile/*`;
  const profileOwned = {
    [`aws:ResourceTag/${clusterTag}`]: "owned",
    "aws:ResourceTag/topology.kubernetes.io/region": s.region,
  };
  const profileRequestOwned = {
    [`aws:RequestTag/${clusterTag}`]: "owned",
    "aws:RequestTag/eks:eks-cluster-name": s.clusterName,
    "aws:RequestTag/topology.kubernetes.io/region": s.region,
  };
  return policyDocument([
    {
      Sid: "ReadOnly",
      Effect: "Allow",
      Action: [
        "ec2:DescribeCapacityReservations",
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
      Condition: { StringEquals: owned, StringLike: ofNodePool },
    },
    {
      Sid: "CreateOwnedResources",
      Effect: "Allow",
      Action: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
      Resource: [...createdForNodes, ec2("capacity-reservation")],
      Condition: { StringEquals: requestOwned, StringLike: forNodePool },
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
        StringLike: forNodePool,
      },
    },
    // After launch Karpenter only names its instances and records the NodeClaim: no other tag
    // keys, so it cannot re-tag an instance into or out of another cluster's ownership.
    {
      Sid: "TagOwnedInstances",
      Effect: "Allow",
      Action: "ec2:CreateTags",
      Resource: ec2("instance"),
      Condition: {
        StringEquals: owned,
        StringLike: ofNodePool,
        StringEqualsIfExists: { "aws:RequestTag/eks:eks-cluster-name": s.clusterName },
        "ForAllValues:StringEquals": {
          "aws:TagKeys": ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"],
        },
      },
    },
    {
      Sid: "DeleteOwned",
      Effect: "Allow",
      Action: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
      Resource: [ec2("instance"), ec2("launch-template")],
      Condition: { StringEquals: owned, StringLike: ofNodePool },
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
      Action: "iam:CreateInstanceProfile",
      Resource: profiles,
      Condition: {
        StringEquals: profileRequestOwned,
        StringLike: { "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*" },
      },
    },
    // Both the profile's tags and the new ones: request tags alone would let the controller tag
    // any instance profile as owned, then attach the node role to it (or take over its role).
    {
      Sid: "TagOwnedInstanceProfiles",
      Effect: "Allow",
      Action: "iam:TagInstanceProfile",
      Resource: profiles,
      Condition: {
        StringEquals: { ...profileOwned, ...profileRequestOwned },
        StringLike: {
          "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*",
          "aws:RequestTag/karpenter.k8s.aws/ec2nodeclass": "*",
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
      ],
      Resource: profiles,
      Condition: {
        StringEquals: profileOwned,
        StringLike: { "aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass": "*" },
      },
    },
    {
      Sid: "ReadInstanceProfiles",
      Effect: "Allow",
      Action: "iam:GetInstanceProfile",
      Resource: profiles,
    },
    // ListInstanceProfiles accepts only "*" (the service authorization reference lists no
    // resource type for it): scoped to profile ARNs it would never be allowed, and the
    // EC2NodeClass finalizer and profile garbage collection would fail.
    {
      Sid: "ListInstanceProfiles",
      Effect: "Allow",
      Action: "iam:ListInstanceProfiles",
      Resource: "*",
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
    // Launching nodes whose volumes use the cluster's node-volume key: EC2 acts for the caller.
    ...ec2VolumeKeyStatements("NodeVolumeKey", s.volumeKeyArn, s.region),
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

/**
 * What a principal needs to create, attach or start EBS volumes encrypted with a customer managed
 * key (Amazon EBS user guide, "Permissions for IAM users"): data keys and grants for EC2, through
 * EC2 only, on that key only.
 */
export function ec2VolumeKeyStatements(
  sid: string,
  keyArn: string,
  region: string,
): PolicyStatement[] {
  const viaEc2 = { "kms:ViaService": `ec2.${region}.amazonaws.com` };
  return [
    {
      Sid: sid,
      Effect: "Allow",
      Action: [
        "kms:Decrypt",
        "kms:DescribeKey",
        "kms:GenerateDataKeyWithoutPlaintext",
        "kms:ReEncrypt*",
      ],
      Resource: keyArn,
      Condition: { StringEquals: viaEc2 },
    },
    {
      Sid: `${sid}Grants`,
      Effect: "Allow",
      Action: "kms:CreateGrant",
      Resource: keyArn,
      Condition: { StringEquals: viaEc2, Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
  ];
}
