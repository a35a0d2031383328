import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument, policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";

export interface ChaosDrillsArgs {
  /** The stack's region (the templates' target ARNs and the stop alarm). */
  region: string;
  /** Account of the experiment role's trust policy and of the targets' ARNs. */
  accountId: pulumi.Input<string>;
  /** Prefix of the templates' `Name` tags. */
  namePrefix: string;
  /** The EKS cluster the pod drill targets (FIS `aws:eks:pod-delete`). */
  clusterName: string;
  /** The AZ whose power the AZ drill cuts (its instances stop for ten minutes). */
  availabilityZone: string;
  /** The shop's namespace, where the pod drill deletes pods. */
  namespace: string;
  /** The cluster's Kubernetes provider (the FIS service account and its RBAC). */
  provider: k8s.Provider;
  /** What the drills' Kubernetes objects wait for (the cluster's readiness). */
  dependsOn: pulumi.Resource[];
  /** This region's Aurora cluster (the failover drill's target when it is a writer). */
  auroraClusterArn: pulumi.Input<string>;
  /**
   * Whether this region's Aurora cluster accepts writes (a primary, or a detached and promoted
   * standby). FailoverDBCluster promotes a reader to the cluster's writer; a global database's
   * secondary has no writer to replace (its role changes only through the global cluster's
   * switchover or failover), so a read-only secondary gets no Aurora template and no RDS rights.
   */
  auroraWriter: boolean;
  /** The observability alarm that stops every drill (the regional API's 5xx rate). */
  stopAlarmArn: pulumi.Input<string>;
  /** The cluster's volume key: restarting stopped nodes grants EC2 the use of it. */
  volumeKeyArn: pulumi.Input<string>;
}

/**
 * The FIS role's permissions: for each action the templates use, what the AWS FIS actions
 * reference lists (kept as `upstream/fis-actions.json` and compared by a test), narrowed to this
 * cluster's instances, this Aurora cluster and this cluster's volume key.
 */
export function fisPolicy(s: {
  region: string;
  account: string;
  /** This region's Aurora cluster, when it is a writer (the failover drill's only target). */
  aurora?: string;
  cluster: string;
  clusterName: string;
  volumeKey: string;
}): PolicyDocument {
  const viaEc2 = { "kms:ViaService": `ec2.${s.region}.amazonaws.com` };
  return policyDocument([
    {
      Sid: "StopClusterInstances",
      Effect: "Allow",
      Action: ["ec2:StopInstances", "ec2:StartInstances"],
      Resource: `arn:aws:ec2:${s.region}:${s.account}:instance/*`,
      // Both managed-node-group and Karpenter instances carry this tag (their own cluster tags
      // differ: eks:cluster-name vs eks:eks-cluster-name).
      Condition: {
        StringEquals: { [`aws:ResourceTag/kubernetes.io/cluster/${s.clusterName}`]: "owned" },
      },
    },
    // Starting an instance whose volumes use a customer managed key makes the caller create a
    // grant for EC2; without it the restarted nodes go from pending back to stopped.
    {
      Sid: "StartEncryptedInstances",
      Effect: "Allow",
      Action: "kms:CreateGrant",
      Resource: s.volumeKey,
      Condition: { StringEquals: viaEc2, Bool: { "kms:GrantIsForAWSResource": "true" } },
    },
    // Target resolution (tag:GetResources, listed for pod-delete and the Aurora failover), and
    // aws:eks:pod-delete, which finds the FIS pod's subnets at start.
    {
      Sid: "Describe",
      Effect: "Allow",
      Action: ["ec2:DescribeInstances", "ec2:DescribeSubnets", "tag:GetResources"],
      Resource: "*",
    },
    ...(s.aurora === undefined
      ? []
      : [
          {
            Sid: "FailoverAurora",
            Effect: "Allow" as const,
            Action: "rds:FailoverDBCluster",
            Resource: s.aurora,
          },
          {
            Sid: "DescribeAurora",
            Effect: "Allow" as const,
            Action: "rds:DescribeDBClusters",
            Resource: s.aurora,
          },
        ]),
    { Sid: "ReachCluster", Effect: "Allow", Action: "eks:DescribeCluster", Resource: s.cluster },
  ]);
}

/** The Kubernetes user FIS acts as inside the cluster (bound to a namespaced role below). */
export const FIS_KUBERNETES_USER = "fis-experiment";

/**
 * AWS FIS experiment templates for rehearsing failures: an AZ power interruption on the
 * cluster's instances, pod termination in the shop namespace, and, where the Aurora cluster is a
 * writer, an Aurora cluster failover.
 * Every template stops when the API's 5xx alarm fires; the FIS role can touch only this
 * cluster's instances, this Aurora cluster and, in Kubernetes, the shop's pods.
 */
export class ChaosDrills extends pulumi.ComponentResource {
  public readonly templateIds: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: ChaosDrillsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:drills:ChaosDrills", name, {}, opts);
    const parent = { parent: this };
    const clusterOwnershipTag = `kubernetes.io/cluster/${args.clusterName}`;
    const clusterArn = pulumi.interpolate`arn:aws:eks:${args.region}:${args.accountId}:cluster/${args.clusterName}`;

    const role = new aws.iam.Role(
      `${name}-fis`,
      {
        description: "AWS FIS chaos drills",
        assumeRolePolicy: pulumi
          .output(args.accountId)
          .apply((a) => JSON.stringify(serviceTrustPolicy("fis.amazonaws.com", a))),
      },
      parent,
    );
    new aws.iam.RolePolicy(
      `${name}-fis`,
      {
        role: role.id,
        policy: pulumi
          .all([args.accountId, args.auroraClusterArn, clusterArn, args.volumeKeyArn])
          .apply(([account, aurora, cluster, volumeKey]) =>
            JSON.stringify(
              fisPolicy({
                region: args.region,
                account,
                aurora: args.auroraWriter ? aurora : undefined,
                cluster,
                clusterName: args.clusterName,
                volumeKey,
              }),
            ),
          ),
      },
      parent,
    );
    // Inside the cluster FIS is a user that may only delete the shop's pods.
    new aws.eks.AccessEntry(
      `${name}-fis`,
      {
        clusterName: args.clusterName,
        principalArn: role.arn,
        userName: FIS_KUBERNETES_USER,
        type: "STANDARD",
      },
      { parent: this, dependsOn: args.dependsOn },
    );
    const k8sOpts = { parent: this, provider: args.provider, dependsOn: args.dependsOn };
    new k8s.core.v1.ServiceAccount(
      `${name}-fis`,
      { metadata: { name: FIS_KUBERNETES_USER, namespace: args.namespace } },
      k8sOpts,
    );
    new k8s.rbac.v1.Role(
      `${name}-fis`,
      {
        metadata: { name: FIS_KUBERNETES_USER, namespace: args.namespace },
        // What the FIS pod needs in the target namespace (AWS FIS user guide, EKS pod actions):
        // it runs as a pod there, lists and deletes the targets, and keeps its state in a
        // ConfigMap; ephemeral containers and exec serve the other aws:eks:pod-* actions.
        rules: [
          { apiGroups: [""], resources: ["serviceaccounts"], verbs: ["get"] },
          {
            apiGroups: [""],
            resources: ["pods"],
            verbs: ["create", "get", "list", "delete", "deletecollection"],
          },
          { apiGroups: [""], resources: ["pods/ephemeralcontainers"], verbs: ["update"] },
          { apiGroups: [""], resources: ["pods/exec"], verbs: ["create"] },
          { apiGroups: ["apps"], resources: ["deployments"], verbs: ["get"] },
          {
            apiGroups: [""],
            resources: ["configmaps"],
            verbs: ["get", "create", "patch", "delete"],
          },
        ],
      },
      k8sOpts,
    );
    new k8s.rbac.v1.RoleBinding(
      `${name}-fis`,
      {
        metadata: { name: FIS_KUBERNETES_USER, namespace: args.namespace },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: FIS_KUBERNETES_USER },
        // The experiment's access entry user, and the service account the FIS pod runs as.
        subjects: [
          { kind: "User", name: FIS_KUBERNETES_USER, apiGroup: "rbac.authorization.k8s.io" },
          { kind: "ServiceAccount", name: FIS_KUBERNETES_USER, namespace: args.namespace },
        ],
      },
      k8sOpts,
    );

    const stopConditions = [{ source: "aws:cloudwatch:alarm", value: args.stopAlarmArn }];
    const template = (
      id: string,
      description: string,
      spec: Pick<aws.fis.ExperimentTemplateArgs, "actions" | "targets">,
    ) =>
      new aws.fis.ExperimentTemplate(
        `${name}-${id}`,
        {
          description,
          roleArn: role.arn,
          stopConditions,
          ...spec,
          tags: { Name: `${args.namePrefix}-${id}` },
        },
        parent,
      );
    const templates: Record<string, aws.fis.ExperimentTemplate> = {
      "az-power-interruption": template(
        "az-power-interruption",
        `Power interruption in ${args.availabilityZone}: the cluster's instances there stop for 10 minutes`,
        {
          targets: [
            {
              name: "az-instances",
              resourceType: "aws:ec2:instance",
              resourceTags: [{ key: clusterOwnershipTag, value: "owned" }],
              filters: [
                { path: "Placement.AvailabilityZone", values: [args.availabilityZone] },
                { path: "State.Name", values: ["running"] },
              ],
              selectionMode: "ALL",
            },
          ],
          actions: [
            {
              name: "stop-az",
              actionId: "aws:ec2:stop-instances",
              parameters: [
                { key: "startInstancesAfterDuration", value: "PT10M" },
                // The node group's Auto Scaling group and Karpenter replace stopped nodes; the
                // restart step must not fail on instances that were terminated meanwhile.
                { key: "completeIfInstancesTerminated", value: "true" },
              ],
              target: { key: "Instances", value: "az-instances" },
            },
          ],
        },
      ),
      "pod-termination": template(
        "pod-termination",
        `Delete a third of the pods in the ${args.namespace} namespace`,
        {
          targets: [
            {
              name: "shop-pods",
              resourceType: "aws:eks:pod",
              parameters: {
                clusterIdentifier: clusterArn,
                namespace: args.namespace,
                selectorType: "labelSelector",
                selectorValue: "version=stable",
              },
              selectionMode: "PERCENT(33)",
            },
          ],
          actions: [
            {
              name: "delete-pods",
              actionId: "aws:eks:pod-delete",
              parameters: [
                { key: "kubernetesServiceAccount", value: FIS_KUBERNETES_USER },
                // The FIS pod runs in the shop's namespace, which enforces the restricted Pod
                // Security Standard; pod-delete can build its pod to that level when asked
                // (FIS actions reference, aws:eks:pod-delete, fisPodSecurityPolicy).
                { key: "fisPodSecurityPolicy", value: "restricted" },
              ],
              target: { key: "Pods", value: "shop-pods" },
            },
          ],
        },
      ),
    };
    if (args.auroraWriter) {
      templates["aurora-failover"] = template(
        "aurora-failover",
        "Fail the Aurora cluster over to another instance",
        {
          targets: [
            {
              name: "aurora",
              resourceType: "aws:rds:cluster",
              resourceArns: [args.auroraClusterArn],
              selectionMode: "ALL",
            },
          ],
          actions: [
            {
              name: "failover",
              actionId: "aws:rds:failover-db-cluster",
              target: { key: "Clusters", value: "aurora" },
            },
          ],
        },
      );
    }
    this.templateIds = pulumi.output(
      Object.fromEntries(Object.entries(templates).map(([k, t]) => [k, t.id])),
    );
    this.registerOutputs({ templateIds: this.templateIds });
  }
}
