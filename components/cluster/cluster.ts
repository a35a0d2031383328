import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { DataPosture } from "../data/posture";
import { AddonVersions, NetworkAddons, createNetworkAddons, createNodeAddons } from "./addons";
import { CapacityConfig, capacityFor } from "./capacity";
import { createKarpenter } from "./karpenter";
import { OperatorSource, operatorIngressRules, resolverInboundEndpoint } from "./operatorAccess";
import { MAX_PODS, nodeadmUserData } from "./podDensity";
import { NamespaceRole, createControllers, createNamespaces, createStorageClass } from "./platform";
import { CRITICAL_ADDONS_TOLERATION, SYSTEM_LABEL } from "../shared/helm";
import { encryptedLogGroup } from "../shared/logGroup";
import { volumeKeyPolicy } from "./volumeKey";

export const CONTROL_PLANE_LOG_TYPES = [
  "api",
  "audit",
  "authenticator",
  "controllerManager",
  "scheduler",
];

/** The log group EKS writes control-plane logs to (EKS user guide, "Control plane logs"). */
export function controlPlaneLogGroupName(clusterName: string): string {
  return `/aws/eks/${clusterName}/cluster`;
}

export interface ClusterArgs {
  /** Sizes the cluster: full for `active`/`drill`/`failover`, reduced for `standby`. */
  posture: DataPosture;
  /** The stack's region (node volume key policy, Karpenter, the controllers' AWS endpoints). */
  region: string;
  /** Account that owns the cluster's keys and roles (key policies, Pod Identity trust). */
  accountId: pulumi.Input<string>;
  /** The EKS cluster's name (the network tagged its subnets for discovery with it). */
  clusterName: string;
  /** The VPC of the cluster, its nodes and its security groups. */
  vpcId: pulumi.Input<string>;
  /** The VPC's CIDR: workloads' network policies admit the data stores (5432, 6379) only there. */
  vpcCidr: pulumi.Input<string>;
  /** Private subnets of every AZ: control-plane ENIs, system nodes and Karpenter nodes. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** The network's workloads group: every node carries it, and data stores admit it. */
  workloadSecurityGroupId: pulumi.Input<string>;
  /** Pinned Kubernetes minor version, e.g. "1.33". */
  kubernetesVersion: string;
  /** Pinned EKS add-on versions (VPC CNI, CoreDNS, kube-proxy, Pod Identity agent, EBS CSI). */
  addonVersions: AddonVersions;
  /** Graviton instance types for the system node group. */
  systemInstanceTypes: string[];
  /**
   * Node capacity per level: production floors and ceilings (`full`), a resting standby's floors
   * (`reduced`).
   */
  capacity: CapacityConfig;
  /**
   * Karpenter's NodePool requirements: capacity types (`on-demand`, `spot`), architectures
   * (`arm64`, `amd64`) and the EC2NodeClass AMI alias (e.g. `al2023@latest`).
   */
  karpenter: { capacityTypes: string[]; architectures: string[]; amiAlias: string };
  /** IAM role ARNs granted cluster admin through access entries. */
  adminRoleArns: string[];
  /** Operator CIDRs for a public endpoint; empty keeps the endpoint private only. */
  publicAccessCidrs: string[];
  /**
   * Who may reach the private endpoint on 443 besides the cluster's own members: VPN or bastion
   * CIDRs and security groups (the deploy runner adds its own rule). Default none.
   */
  operatorAccess?: OperatorSource[];
  /** A Route 53 Resolver inbound endpoint for the operator paths' DNS. Default false. */
  resolverEndpoint?: boolean;
  /** CMK for the interruption queue (the data layer's messaging key). */
  messagingKeyArn: pulumi.Input<string>;
  /** CMK for the control-plane log group (the data layer's logs key). */
  logsKeyArn: pulumi.Input<string>;
  /** Retention of the control-plane log group, in days. */
  controlPlaneLogRetentionDays: number;
  /** Pulumi `protect` for the secrets key. Default true. */
  protect?: boolean;
}

/**
 * A private EKS cluster: secrets encrypted with its own key, all control-plane logs, access
 * entries only, no default node group; a Graviton system node group (IMDSv2, encrypted gp3) for
 * critical add-ons; the EKS managed add-ons; Karpenter for everything else; the load balancer
 * controller, metrics-server, an encrypted default StorageClass and the platform's namespaces.
 */
export class Cluster extends pulumi.ComponentResource {
  public readonly clusterName: pulumi.Output<string>;
  public readonly endpoint: pulumi.Output<string>;
  public readonly kubeconfig: pulumi.Output<string>;
  public readonly oidcIssuer: pulumi.Output<string>;
  public readonly clusterSecurityGroupId: pulumi.Output<string>;
  public readonly systemNodeRoleArn: pulumi.Output<string>;
  public readonly karpenterNodeRoleArn: pulumi.Output<string>;
  /** The customer managed key of node and persistent volumes. */
  public readonly volumeKeyArn: pulumi.Output<string>;
  public readonly provider: k8s.Provider;
  public readonly namespaces: Record<NamespaceRole, k8s.core.v1.Namespace>;
  /** What workloads must wait for: the system nodes, the add-ons and Karpenter's NodePool. */
  public readonly ready: pulumi.Resource[];

  constructor(name: string, args: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:cluster:Cluster", name, {}, opts);
    const parent = { parent: this };
    const capacity = capacityFor(args.posture, args.capacity);

    const secretsKey = new aws.kms.Key(
      `${name}-secrets`,
      {
        description: `${args.clusterName} Kubernetes secrets`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        tags: { Name: `${args.clusterName}-secrets` },
      },
      { parent: this, protect: args.protect ?? true },
    );

    // Node root volumes and persistent volumes: a key of the cluster's own, not aws/ebs.
    const volumeKey = new aws.kms.Key(
      `${name}-volumes`,
      {
        description: `${args.clusterName} node and persistent volumes`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: pulumi
          .output(args.accountId)
          .apply((account) => JSON.stringify(volumeKeyPolicy(account, args.region))),
        tags: { Name: `${args.clusterName}-volumes` },
      },
      { parent: this, protect: args.protect ?? true },
    );
    // EKS writes control-plane logs to this group, creating it (no retention, no key) if it is
    // missing when logging is enabled: created first, the cluster writes into ours.
    const controlPlaneLogs = encryptedLogGroup(
      `${name}-control-plane`,
      {
        logGroupName: controlPlaneLogGroupName(args.clusterName),
        retentionInDays: args.controlPlaneLogRetentionDays,
        key: { kind: "shared", arn: args.logsKeyArn },
        tags: { Name: `${args.clusterName}-control-plane` },
        protectGroup: true,
      },
      { parent: this, protect: args.protect ?? true },
    ).group;

    const cluster = new eks.Cluster(
      name,
      {
        name: args.clusterName,
        version: args.kubernetesVersion,
        vpcId: args.vpcId,
        privateSubnetIds: args.privateSubnetIds,
        endpointPrivateAccess: true,
        endpointPublicAccess: args.publicAccessCidrs.length > 0,
        publicAccessCidrs: args.publicAccessCidrs.length > 0 ? args.publicAccessCidrs : undefined,
        authenticationMode: "API",
        accessEntries: Object.fromEntries(
          args.adminRoleArns.map((arn, i) => [
            `admin-${i}`,
            {
              principalArn: arn,
              accessPolicies: {
                admin: {
                  policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                  accessScope: { type: "cluster" },
                },
              },
            },
          ]),
        ),
        encryptionConfigKeyArn: secretsKey.arn,
        enabledClusterLogTypes: CONTROL_PLANE_LOG_TYPES,
        skipDefaultNodeGroup: true,
        // EKS's own cluster security group only; nodes add the network's workloads group.
        skipDefaultSecurityGroups: true,
        // The only vpc-cni add-on is ours (createNetworkAddons). pulumi-eks v4.3.0 creates its own
        // VpcCniAddon unless this is set: nodejs/eks/cluster/cluster.ts computes
        // `vpcCniAddonEnabled = args.useDefaultVpcCni !== undefined ? !args.useDefaultVpcCni :
        // !args.autoMode?.enabled` (lines 1089-1110, addons/cni-addon.ts), so it is on by default
        // whatever the typings' "Defaults to true" suggests, and a second vpc-cni add-on fails
        // with ResourceInUseException.
        useDefaultVpcCni: true,
        // Add-ons are the managed ones below, pinned; nothing is bootstrapped self-managed.
        bootstrapSelfManagedAddons: false,
        corednsAddonOptions: { enabled: false },
        kubeProxyAddonOptions: { enabled: false },
        nodeAssociatePublicIpAddress: false,
        createOidcProvider: false,
        deletionProtection: true,
        tags: { Name: args.clusterName },
      },
      { parent: this, dependsOn: [controlPlaneLogs] },
    );

    const addonScope = {
      name,
      parent: this,
      clusterName: args.clusterName,
      accountId: args.accountId,
      region: args.region,
      cluster,
    };
    const networkAddons = createNetworkAddons(addonScope, args.addonVersions);
    const system = this.createSystemNodes(
      name,
      args,
      cluster,
      capacity.system,
      networkAddons,
      volumeKey.arn,
    );
    const addons = [
      ...Object.values(networkAddons),
      ...createNodeAddons(
        { ...addonScope, nodes: system.nodeGroup, volumeKeyArn: volumeKey.arn },
        args.addonVersions,
        networkAddons,
      ),
    ];
    operatorIngressRules(
      `${name}-operator`,
      { securityGroupId: cluster.clusterSecurityGroupId, sources: args.operatorAccess ?? [] },
      { parent: this },
    );
    if (args.resolverEndpoint) {
      resolverInboundEndpoint(
        `${name}-resolver`,
        {
          vpcId: args.vpcId,
          subnetIds: args.privateSubnetIds,
          sources: args.operatorAccess ?? [],
          namePrefix: args.clusterName,
        },
        { parent: this },
      );
    }

    this.provider = new k8s.Provider(
      `${name}-k8s`,
      { kubeconfig: cluster.kubeconfigJson, enableServerSideApply: true },
      parent,
    );
    const platform = {
      name,
      parent: this,
      provider: this.provider,
      region: args.region,
      accountId: args.accountId,
      clusterName: args.clusterName,
      cluster,
      vpcId: args.vpcId,
      vpcCidr: args.vpcCidr,
      dependsOn: [system.nodeGroup, ...addons],
    };
    this.namespaces = createNamespaces(platform);
    createStorageClass(platform, volumeKey.arn);
    const controllers = createControllers(platform);
    const karpenter = createKarpenter({
      name,
      parent: this,
      region: args.region,
      accountId: args.accountId,
      clusterName: args.clusterName,
      cluster,
      provider: this.provider,
      dependsOn: [system.nodeGroup, ...addons],
      queueKeyArn: args.messagingKeyArn,
      volumeKeyArn: volumeKey.arn,
      ...args.karpenter,
      limits: capacity.karpenter,
    });

    // The load balancer controller installs the TargetGroupBinding CRD and its admission webhook:
    // the edge's binding must not be applied before it.
    this.ready = [
      system.nodeGroup,
      ...addons,
      karpenter.nodePool,
      controllers.loadBalancerController,
      controllers.metricsServer,
    ];
    this.clusterName = pulumi.output(args.clusterName);
    this.endpoint = cluster.core.endpoint;
    this.kubeconfig = pulumi.secret(cluster.kubeconfigJson);
    this.oidcIssuer = cluster.oidcIssuer;
    this.clusterSecurityGroupId = cluster.clusterSecurityGroupId;
    this.systemNodeRoleArn = system.role.arn;
    this.karpenterNodeRoleArn = karpenter.nodeRole.arn;
    this.volumeKeyArn = volumeKey.arn;
    this.registerOutputs({
      clusterName: this.clusterName,
      endpoint: this.endpoint,
      kubeconfig: this.kubeconfig,
      oidcIssuer: this.oidcIssuer,
      clusterSecurityGroupId: this.clusterSecurityGroupId,
      systemNodeRoleArn: this.systemNodeRoleArn,
      karpenterNodeRoleArn: this.karpenterNodeRoleArn,
      volumeKeyArn: this.volumeKeyArn,
    });
  }

  private createSystemNodes(
    name: string,
    args: ClusterArgs,
    cluster: eks.Cluster,
    scaling: { min: number; desired: number; max: number },
    networkAddons: NetworkAddons,
    volumeKeyArn: pulumi.Output<string>,
  ) {
    const role = new aws.iam.Role(
      `${name}-system-node`,
      {
        description: "System node group",
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "ec2.amazonaws.com" },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      },
      { parent: this },
    );
    // EKS checks the node role's managed policies when it creates the node group.
    const attachments = [
      "AmazonEKSWorkerNodePolicy",
      "AmazonEC2ContainerRegistryPullOnly",
      "AmazonSSMManagedInstanceCore",
    ].map(
      (policy) =>
        new aws.iam.RolePolicyAttachment(
          `${name}-system-node-${policy}`,
          { role: role.name, policyArn: `arn:aws:iam::aws:policy/${policy}` },
          { parent: this },
        ),
    );
    const launchTemplate = new aws.ec2.LaunchTemplate(
      `${name}-system`,
      {
        description: "System nodes: IMDSv2 only, encrypted gp3 root volume",
        // Hop limit 1: a token response cannot cross the extra hop into a pod's network
        // namespace, so pods never get the node role's credentials. Host-network pods (the VPC
        // CNI, kube-proxy) still reach IMDS; every controller gets credentials from Pod Identity
        // and is given its region (and VPC) explicitly, so none needs IMDS.
        metadataOptions: {
          httpEndpoint: "enabled",
          httpTokens: "required",
          httpPutResponseHopLimit: 1,
        },
        blockDeviceMappings: [
          {
            deviceName: "/dev/xvda",
            ebs: {
              volumeSize: 50,
              volumeType: "gp3",
              encrypted: "true",
              kmsKeyId: volumeKeyArn,
              deleteOnTermination: "true",
            },
          },
        ],
        vpcSecurityGroupIds: [cluster.clusterSecurityGroupId, args.workloadSecurityGroupId],
        tagSpecifications: [
          {
            resourceType: "instance",
            tags: { Name: `${args.clusterName}-system`, ...SYSTEM_LABEL },
          },
        ],
        // Same maxPods as the EC2NodeClass (karpenter.ts): prefix delegation is on (podDensity.ts).
        userData: Buffer.from(nodeadmUserData(MAX_PODS)).toString("base64"),
        updateDefaultVersion: true,
      },
      { parent: this },
    );
    const nodeGroup = new eks.ManagedNodeGroup(
      `${name}-system`,
      {
        cluster,
        nodeGroupNamePrefix: "system-",
        nodeRoleArn: role.arn,
        subnetIds: args.privateSubnetIds,
        instanceTypes: args.systemInstanceTypes,
        amiType: "AL2023_ARM_64_STANDARD",
        // Stated, not left to pulumi-eks: with a launch template it leaves the version unset
        // (nodes/nodegroup.ts at v4.3.0), and the provider then never moves the nodes when the
        // control plane is upgraded, which EKS requires before the next upgrade. The template
        // names no AMI, so EKS accepts a version with it.
        version: args.kubernetesVersion,
        capacityType: "ON_DEMAND",
        scalingConfig: { minSize: scaling.min, desiredSize: scaling.desired, maxSize: scaling.max },
        launchTemplate: {
          id: launchTemplate.id,
          version: pulumi.interpolate`${launchTemplate.latestVersion}`,
        },
        labels: SYSTEM_LABEL,
        taints: [{ key: CRITICAL_ADDONS_TOLERATION.key, value: "true", effect: "NO_SCHEDULE" }],
      },
      // Nodes turn Ready only once the CNI (and kube-proxy) run on them: those add-ons come first.
      {
        parent: this,
        dependsOn: [role, ...attachments, ...Object.values(networkAddons)],
      },
    );
    return { role, nodeGroup };
  }
}
