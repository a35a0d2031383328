/**
 * The explicit `dependsOn` edges of the components: each one orders two resources that share no
 * input, so nothing but this edge keeps the engine from creating them in parallel (or deleting
 * them in the wrong order). Removing one from the source must fail a line of this table.
 */
import { expect } from "chai";
import { StackPlan } from "../../offline/plan";
import { every, plan, the } from "../helpers";

const T = {
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  encryption:
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  nat: "aws:ec2/natGateway:NatGateway",
  igw: "aws:ec2/internetGateway:InternetGateway",
  alb: "aws:lb/loadBalancer:LoadBalancer",
  distribution: "aws:cloudfront/distribution:Distribution",
  recorder: "aws:cfg/recorder:Recorder",
  channel: "aws:cfg/deliveryChannel:DeliveryChannel",
  status: "aws:cfg/recorderStatus:RecorderStatus",
  configRule: "aws:cfg/rule:Rule",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  role: "aws:iam/role:Role",
  trail: "aws:cloudtrail/trail:Trail",
  hub: "aws:securityhub/account:Account",
  standard: "aws:securityhub/standardsSubscription:StandardsSubscription",
  aggregator: "aws:securityhub/findingAggregator:FindingAggregator",
  macie: "aws:macie2/account:Account",
  macieJob: "aws:macie2/classificationJob:ClassificationJob",
  eks: "eks:index:Cluster",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  project: "aws:codebuild/project:Project",
  addon: "aws:eks/addon:Addon",
  nodeGroup: "eks:index:ManagedNodeGroup",
  release: "kubernetes:helm.sh/v3:Release",
  association: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
  accessEntry: "aws:eks/accessEntry:AccessEntry",
  nodeClass: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
  nodePool: "kubernetes:karpenter.sh/v1:NodePool",
  service: "kubernetes:core/v1:Service",
  namespace: "kubernetes:core/v1:Namespace",
  networkPolicy: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  hpa: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
  rule: "kubernetes:monitoring.coreos.com/v1:PrometheusRule",
  monitor: "kubernetes:monitoring.coreos.com/v1:ServiceMonitor",
  deployment: "kubernetes:apps/v1:Deployment",
  serviceAccount: "kubernetes:core/v1:ServiceAccount",
  job: "kubernetes:batch/v1:Job",
};

type Ref = [type: string, name: string];
/** [stack, dependent, what it must wait for, where the edge is declared]. */
type Edge = [stack: string, dependent: Ref, dependency: Ref, source: string];

/** What the ALB and CloudFront check when they start delivering logs to a bucket. */
const settled = (bucket: string): Ref[] => [
  [T.ownership, bucket],
  [T.block, bucket],
  [T.encryption, bucket],
  [T.bucketPolicy, bucket],
];

const P = "prod-mumbai";
const S = "dr-singapore";
const EDGES: Edge[] = [
  ...settled("edge-alb-logs").map((d): Edge => [P, [T.alb, "edge-alb"], d, "edge/regional.ts"]),
  ...settled("edge-cdn-logs").map((d): Edge => [
    P,
    [T.distribution, "edge-cdn"],
    d,
    "edge/cloudFront.ts",
  ]),
  [
    P,
    [T.recorder, "governance-config"],
    [T.attachment, "governance-config"],
    "governance/recording.ts",
  ],
  [
    P,
    [T.channel, "governance-config"],
    [T.recorder, "governance-config"],
    "governance/recording.ts",
  ],
  [
    P,
    [T.channel, "governance-config"],
    [T.rolePolicy, "governance-config"],
    "governance/recording.ts",
  ],
  ...settled("governance-audit").map((d): Edge => [
    P,
    [T.channel, "governance-config"],
    d,
    "governance/recording.ts",
  ]),
  [P, [T.status, "governance-config"], [T.channel, "governance-config"], "governance/recording.ts"],
  ...settled("governance-audit").map((d): Edge => [
    P,
    [T.trail, "governance-trail"],
    d,
    "governance/audit.ts",
  ]),
  [P, [T.trail, "governance-trail"], [T.rolePolicy, "governance-trail"], "governance/audit.ts"],
  [
    P,
    [T.aggregator, "governance-securityhub-aggregator"],
    [T.hub, "governance-securityhub"],
    "governance/detection.ts",
  ],
  [
    P,
    [T.macieJob, "governance-macie-buckets"],
    [T.macie, "governance-macie"],
    "governance/detection.ts",
  ],
  [P, [T.eks, "cluster"], [T.logGroup, "cluster-control-plane"], "cluster/cluster.ts"],
  [P, [T.project, "deploy-runner"], [T.rolePolicy, "deploy-runner"], "cluster/deployRunner.ts"],
  [P, [T.role, "cluster-karpenter"], [T.eks, "cluster"], "cluster/karpenter.ts"],
  [P, [T.role, "cluster-lb-controller"], [T.eks, "cluster"], "cluster/platform.ts"],
  ...["vpc-cni", "kube-proxy", "pod-identity-agent"].map((a): Edge => [
    P,
    [T.nodeGroup, "cluster-system"],
    [T.addon, `cluster-${a}`],
    "cluster/cluster.ts",
  ]),
  [P, [T.release, "cluster-karpenter"], [T.role, "cluster-karpenter"], "cluster/karpenter.ts"],
  [
    P,
    [T.release, "cluster-karpenter"],
    [T.association, "cluster-karpenter"],
    "cluster/karpenter.ts",
  ],
  [
    P,
    [T.nodeClass, "cluster-node-class"],
    [T.release, "cluster-karpenter"],
    "cluster/karpenter.ts",
  ],
  [
    P,
    [T.nodeClass, "cluster-node-class"],
    [T.accessEntry, "cluster-karpenter-node"],
    "cluster/karpenter.ts",
  ],
  [
    P,
    [T.nodePool, "cluster-node-pool"],
    [T.nodeClass, "cluster-node-class"],
    "cluster/karpenter.ts",
  ],
  [
    P,
    [T.release, "cluster-lb-controller"],
    [T.role, "cluster-lb-controller"],
    "cluster/platform.ts",
  ],
  [
    P,
    [T.release, "cluster-lb-controller"],
    [T.association, "cluster-lb-controller"],
    "cluster/platform.ts",
  ],
  [
    P,
    [T.service, "cluster-lb-controller-metrics"],
    [T.release, "cluster-lb-controller"],
    "cluster/platform.ts",
  ],
  [
    P,
    [T.networkPolicy, "cluster-shop-default-deny"],
    [T.namespace, "cluster-shop"],
    "cluster/platform.ts",
  ],
  [P, [T.release, "mesh-cni"], [T.release, "mesh-base"], "mesh/mesh.ts"],
  [P, [T.release, "mesh-istiod"], [T.release, "mesh-cni"], "mesh/mesh.ts"],
  [P, [T.release, "mesh-gateway"], [T.release, "mesh-istiod"], "mesh/mesh.ts"],
  [P, [T.pdb, "mesh-gateway"], [T.release, "mesh-gateway"], "mesh/mesh.ts"],
  [P, [T.hpa, "mesh-gateway"], [T.release, "mesh-gateway"], "mesh/mesh.ts"],
  [
    P,
    [T.rule, "observability-shop-rules"],
    [T.release, "observability-kps"],
    "observability/observability.ts",
  ],
  [
    P,
    [T.monitor, "observability-karpenter-monitor"],
    [T.release, "observability-kps"],
    "observability/observability.ts",
  ],
  [
    P,
    [T.deployment, "services-product"],
    [T.serviceAccount, "services-product"],
    "services/microservice.ts",
  ],
  [
    P,
    [T.deployment, "services-product"],
    [T.association, "services-product-pod"],
    "services/microservice.ts",
  ],
  [
    P,
    [T.deployment, "services-product"],
    [T.job, "services-db-bootstrap"],
    "services/microservice.ts",
  ],
  [
    S,
    [T.replication, "data-assets-replication"],
    [T.versioning, "data-assets"],
    "data/replication.ts",
  ],
  [S, [T.replication, "data-web-replication"], [T.versioning, "data-web"], "data/replication.ts"],
  [S, [T.eks, "cluster"], [T.logGroup, "cluster-control-plane"], "cluster/cluster.ts"],
];

describe("components: explicit dependencies (recorded offline runs)", () => {
  const plans: Record<string, StackPlan> = {};
  before(async () => {
    plans[P] = await plan(P);
    plans[S] = await plan(S);
  });

  for (const [stack, [type, name], [depType, depName], source] of EDGES) {
    it(`${stack}: ${name} waits for ${depName} (${depType.split(":").pop()}; ${source})`, () => {
      const p = plans[stack];
      expect(the(p, type, name).dependencies).to.include(the(p, depType, depName).urn);
    });
  }

  it("orders every bucket's lifecycle after its versioning and its policy after its public access block", () => {
    for (const p of [plans[P], plans[S]]) {
      for (const lifecycle of every(p, T.lifecycle)) {
        const versioning = the(p, T.versioning, lifecycle.name);
        expect(lifecycle.dependencies, lifecycle.name).to.include(versioning.urn);
      }
      for (const policy of every(p, T.bucketPolicy)) {
        expect(policy.dependencies, policy.name).to.include(the(p, T.block, policy.name).urn);
      }
    }
  });

  it("starts AWS Config's rules, Security Hub's standards and the NAT gateways after what they need", () => {
    for (const p of [plans[P], plans[S]]) {
      const status = the(p, T.status, "governance-config").urn;
      for (const r of every(p, T.configRule)) expect(r.dependencies, r.name).to.include(status);
      const hub = the(p, T.hub, "governance-securityhub").urn;
      for (const s of every(p, T.standard)) expect(s.dependencies, s.name).to.include(hub);
      const igw = the(p, T.igw, "network-igw").urn;
      for (const nat of every(p, T.nat)) expect(nat.dependencies, nat.name).to.include(igw);
      for (const addon of every(p, T.addon)) {
        expect(addon.dependencies, addon.name).to.include(the(p, T.eks, "cluster").urn);
      }
    }
  });
});
