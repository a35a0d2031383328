/** What the cluster tests share: resource types and small readers of the plans. */

export const T = {
  eks: "eks:index:Cluster",
  mng: "eks:index:ManagedNodeGroup",
  lt: "aws:ec2/launchTemplate:LaunchTemplate",
  addon: "aws:eks/addon:Addon",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  podIdentity: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
  accessEntry: "aws:eks/accessEntry:AccessEntry",
  queue: "aws:sqs/queue:Queue",
  eventRule: "aws:cloudwatch/eventRule:EventRule",
  eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
  release: "kubernetes:helm.sh/v3:Release",
  cr: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
  pool: "kubernetes:karpenter.sh/v1:NodePool",
  namespace: "kubernetes:core/v1:Namespace",
  netpol: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
  key: "aws:kms/key:Key",
};

export type Statement = {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Principal?: Record<string, unknown>;
  Condition?: unknown;
};

export const statements = (doc: unknown): Statement[] => JSON.parse(String(doc)).Statement;

export const STACKS = ["prod-mumbai", "dr-singapore"];
