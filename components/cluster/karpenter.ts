import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { denyInsecureTransport, policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";
import { KarpenterLimits } from "./capacity";
import { karpenterControllerPolicy } from "./iamPolicies";
import { podIdentityRole } from "./podIdentity";
import { SYSTEM_PLACEMENT, pinnedRelease } from "../shared/helm";
import { CNI_NOT_READY_TAINT } from "../mesh/values";
import { MAX_PODS } from "./podDensity";

/** Upstream chart, pinned. */
export const KARPENTER_CHART = {
  chart: "oci://public.ecr.aws/karpenter/karpenter",
  version: "1.8.1",
};
export const KARPENTER_NAMESPACE = "kube-system";

/** EC2 events Karpenter acts on before AWS takes a node away. */
export const INTERRUPTION_EVENTS: Record<string, { source: string[]; "detail-type": string[] }> = {
  "spot-interruption": {
    source: ["aws.ec2"],
    "detail-type": ["EC2 Spot Instance Interruption Warning"],
  },
  rebalance: { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] },
  "state-change": {
    source: ["aws.ec2"],
    "detail-type": ["EC2 Instance State-change Notification"],
  },
  "scheduled-change": { source: ["aws.health"], "detail-type": ["AWS Health Event"] },
};

export interface KarpenterSettings {
  name: string;
  parent: pulumi.Resource;
  region: string;
  accountId: pulumi.Input<string>;
  clusterName: string;
  cluster: pulumi.Resource;
  provider: k8s.Provider;
  /** Runs after the nodes and add-ons it schedules onto. */
  dependsOn: pulumi.Resource[];
  /** CMK for the interruption queue (the data layer's messaging key). */
  queueKeyArn: pulumi.Input<string>;
  /** The cluster's volume key, for node root volumes. */
  volumeKeyArn: pulumi.Input<string>;
  capacityTypes: string[];
  architectures: string[];
  amiAlias: string;
  limits: KarpenterLimits;
}

export interface Karpenter {
  nodeRole: aws.iam.Role;
  queue: aws.sqs.Queue;
  release: k8s.helm.v3.Release;
  nodeClass: k8s.apiextensions.CustomResource;
  nodePool: k8s.apiextensions.CustomResource;
}

export function createKarpenter(s: KarpenterSettings): Karpenter {
  const opts = { parent: s.parent };
  // Events Karpenter failed to handle land in a dead-letter queue: an audit trail of nodes that
  // were taken away without a graceful drain.
  const deadLetter = new aws.sqs.Queue(
    `${s.name}-karpenter-interruptions-dlq`,
    {
      name: `${s.clusterName}-karpenter-dlq`,
      kmsMasterKeyId: s.queueKeyArn,
      messageRetentionSeconds: 14 * 24 * 3600,
      tags: { Name: `${s.clusterName}-karpenter-dlq` },
    },
    opts,
  );
  const queue = new aws.sqs.Queue(
    `${s.name}-karpenter-interruptions`,
    {
      name: `${s.clusterName}-karpenter`,
      kmsMasterKeyId: s.queueKeyArn,
      // Interruption notices are only useful for minutes.
      messageRetentionSeconds: 300,
      redrivePolicy: pulumi.jsonStringify({
        deadLetterTargetArn: deadLetter.arn,
        maxReceiveCount: 3,
      }),
      tags: { Name: `${s.clusterName}-karpenter` },
    },
    opts,
  );
  new aws.sqs.QueuePolicy(
    `${s.name}-karpenter-interruptions`,
    {
      queueUrl: queue.url,
      policy: pulumi.all([queue.arn, s.accountId]).apply(([arn, account]) =>
        JSON.stringify(
          policyDocument([
            {
              Sid: "EventBridgeDelivers",
              Effect: "Allow",
              Principal: { Service: ["events.amazonaws.com", "sqs.amazonaws.com"] },
              Action: "sqs:SendMessage",
              Resource: arn,
              Condition: { StringEquals: { "aws:SourceAccount": account } },
            },
            denyInsecureTransport("sqs", arn),
          ]),
        ),
      ),
    },
    opts,
  );
  for (const [id, pattern] of Object.entries(INTERRUPTION_EVENTS)) {
    const rule = new aws.cloudwatch.EventRule(
      `${s.name}-karpenter-${id}`,
      {
        description: `Karpenter: ${pattern["detail-type"][0]}`,
        eventPattern: JSON.stringify(pattern),
      },
      opts,
    );
    new aws.cloudwatch.EventTarget(
      `${s.name}-karpenter-${id}`,
      { rule: rule.name, arn: queue.arn },
      opts,
    );
  }

  const nodeRole = new aws.iam.Role(
    `${s.name}-karpenter-node`,
    {
      description: "Nodes Karpenter launches",
      // The node role trust EKS documents and Karpenter's own template use, with no source
      // condition: EC2 assuming an instance role is not documented to carry aws:SourceAccount,
      // and without credentials a node never joins. Who may hand the role to EC2 is held by
      // iam:PassRole (the controller's, for this role only).
      assumeRolePolicy: JSON.stringify(serviceTrustPolicy("ec2.amazonaws.com")),
      tags: { "karpenter.sh/discovery": s.clusterName },
    },
    opts,
  );
  for (const policy of [
    "AmazonEKSWorkerNodePolicy",
    "AmazonEC2ContainerRegistryPullOnly",
    "AmazonSSMManagedInstanceCore",
  ]) {
    new aws.iam.RolePolicyAttachment(
      `${s.name}-karpenter-node-${policy}`,
      { role: nodeRole.name, policyArn: `arn:aws:iam::aws:policy/${policy}` },
      opts,
    );
  }
  // With API authentication, a node role joins the cluster through an EC2_LINUX access entry.
  const nodeAccess = new aws.eks.AccessEntry(
    `${s.name}-karpenter-node`,
    { clusterName: s.clusterName, principalArn: nodeRole.arn, type: "EC2_LINUX" },
    { parent: s.parent, dependsOn: [s.cluster] },
  );

  const controller = podIdentityRole(
    `${s.name}-karpenter`,
    {
      clusterName: s.clusterName,
      accountId: s.accountId,
      namespace: KARPENTER_NAMESPACE,
      serviceAccount: "karpenter",
      policy: pulumi
        .all([s.accountId, nodeRole.arn, queue.arn, s.queueKeyArn, s.volumeKeyArn])
        .apply(
          ([accountId, nodeRoleArn, interruptionQueueArn, interruptionQueueKeyArn, volumeKeyArn]) =>
            karpenterControllerPolicy({
              volumeKeyArn,
              accountId,
              region: s.region,
              clusterName: s.clusterName,
              nodeRoleArn,
              interruptionQueueArn,
              interruptionQueueKeyArn,
              clusterArn: `arn:aws:eks:${s.region}:${accountId}:cluster/${s.clusterName}`,
            }),
        ),
      description: "Karpenter controller",
    },
    { parent: s.parent, dependsOn: [s.cluster] },
  );

  const k8sOpts = { parent: s.parent, provider: s.provider };
  const release = pinnedRelease(
    `${s.name}-karpenter`,
    {
      name: "karpenter",
      namespace: KARPENTER_NAMESPACE,
      values: {
        settings: { clusterName: s.clusterName, interruptionQueue: queue.name },
        serviceAccount: { name: "karpenter" },
        replicas: 2,
        // Karpenter must not run on the nodes it manages: pin it to the system node group.
        ...SYSTEM_PLACEMENT,
        controller: {
          // Without AWS_REGION the controller asks IMDS for its region at start, which the
          // node's hop limit of 1 keeps from pods (pkg/operator/operator.go at v1.8.1).
          env: [{ name: "AWS_REGION", value: s.region }],
          resources: {
            requests: { cpu: "500m", memory: "512Mi" },
            limits: { cpu: "1", memory: "1Gi" },
          },
        },
      },
    },
    KARPENTER_CHART,
    {
      ...k8sOpts,
      dependsOn: [
        ...s.dependsOn,
        controller.role,
        ...(controller.association ? [controller.association] : []),
      ],
    },
  );

  const discovery = { "karpenter.sh/discovery": s.clusterName };
  const nodeClass = new k8s.apiextensions.CustomResource(
    `${s.name}-node-class`,
    {
      apiVersion: "karpenter.k8s.aws/v1",
      kind: "EC2NodeClass",
      metadata: { name: "general" },
      spec: {
        role: nodeRole.name,
        amiSelectorTerms: [{ alias: s.amiAlias }],
        subnetSelectorTerms: [{ tags: discovery }],
        securityGroupSelectorTerms: [
          { tags: discovery },
          { tags: { "aws:eks:cluster-name": s.clusterName } },
        ],
        metadataOptions: {
          httpEndpoint: "enabled",
          httpProtocolIPv6: "disabled",
          // 1: pods cannot reach the node role's credentials (see the system launch template).
          httpPutResponseHopLimit: 1,
          httpTokens: "required",
        },
        blockDeviceMappings: [
          {
            deviceName: "/dev/xvda",
            ebs: {
              volumeSize: "50Gi",
              volumeType: "gp3",
              encrypted: true,
              kmsKeyID: s.volumeKeyArn,
              deleteOnTermination: true,
            },
          },
        ],
        // Prefix delegation (podDensity.ts): the same maxPods as the system node group, instead of
        // the ENI-limited value Karpenter would compute (karpenter-provider-aws v1.8.1,
        // pkg/apis/v1/ec2nodeclass.go: `Kubelet *KubeletConfiguration` with `MaxPods`).
        kubelet: { maxPods: MAX_PODS },
        // Karpenter adds kubernetes.io/cluster/<name> itself (its CRD forbids setting it here).
        tags: discovery,
      },
    },
    { ...k8sOpts, dependsOn: [release, nodeAccess] },
  );
  const nodePool = new k8s.apiextensions.CustomResource(
    `${s.name}-node-pool`,
    {
      apiVersion: "karpenter.sh/v1",
      kind: "NodePool",
      metadata: { name: "general" },
      spec: {
        template: {
          spec: {
            nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "general" },
            // Application pods wait until the Istio CNI agent is ready on the node (istiod
            // removes this taint), or they would start without traffic capture.
            startupTaints: [CNI_NOT_READY_TAINT],
            requirements: [
              { key: "kubernetes.io/arch", operator: "In", values: s.architectures },
              { key: "karpenter.sh/capacity-type", operator: "In", values: s.capacityTypes },
              {
                key: "karpenter.k8s.aws/instance-category",
                operator: "In",
                values: ["c", "m", "r"],
              },
              { key: "karpenter.k8s.aws/instance-generation", operator: "Gt", values: ["6"] },
            ],
            expireAfter: "720h",
          },
        },
        limits: { cpu: String(s.limits.cpu), memory: `${s.limits.memoryGiB}Gi` },
        disruption: {
          consolidationPolicy: "WhenEmptyOrUnderutilized",
          consolidateAfter: "1m",
          budgets: [{ nodes: "10%" }],
        },
      },
    },
    { ...k8sOpts, dependsOn: [nodeClass] },
  );
  return { nodeRole, queue, release, nodeClass, nodePool };
}
