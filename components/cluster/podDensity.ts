/**
 * Pod density under VPC CNI prefix delegation, one value for every node the cluster runs.
 *
 * With `ENABLE_PREFIX_DELEGATION` each ENI slot holds a /28 (16 addresses), so the ENI formula
 * (29 pods on an m7g.large) no longer bounds pods; the kubelet's `maxPods` does. EKS documents 110
 * as the default and the ceiling for instances under 30 vCPUs ("Assign more IP addresses to
 * Amazon EKS nodes with prefixes", docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses.html).
 * Karpenter, left alone, computes the ENI-limited value for its nodes, and a managed node group
 * reads the CNI's settings when it is created: both are told the same number explicitly.
 */
export const MAX_PODS = 110;

/**
 * The vpc-cni add-on's settings (`configurationValues`). EKS checks them on CreateAddon against
 * the schema `aws eks describe-addon-configuration` prints; the keys and their string types are
 * the aws-vpc-cni chart's (charts/aws-vpc-cni/values.yaml at v1.19.5: `enableNetworkPolicy`, `env`).
 */
export const VPC_CNI_CONFIGURATION = {
  enableNetworkPolicy: "true",
  env: { ENABLE_PREFIX_DELEGATION: "true", WARM_PREFIX_TARGET: "1" },
};

const BOUNDARY = "//";

/**
 * Launch-template user data for an AL2023 managed node group: a MIME multipart document with one
 * nodeadm `NodeConfig` part (content type `application/node.eks.aws`) setting the kubelet's
 * `maxPods`. EKS adds the cluster's own NodeConfig part for EKS-optimized AMIs, so this part
 * carries only what differs (NodeConfig API: awslabs.github.io/amazon-eks-ami/nodeadm/doc/api/).
 */
export function nodeadmUserData(maxPods: number): string {
  if (!Number.isInteger(maxPods) || maxPods < 1 || maxPods > 250) {
    throw new Error(`maxPods ${maxPods} is outside 1–250 (the EKS ceiling)`);
  }
  return [
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
    "",
    `--${BOUNDARY}`,
    "Content-Type: application/node.eks.aws",
    "",
    "apiVersion: node.eks.aws/v1alpha1",
    "kind: NodeConfig",
    "spec:",
    "  kubelet:",
    "    config:",
    `      maxPods: ${maxPods}`,
    "",
    `--${BOUNDARY}--`,
    "",
  ].join("\n");
}
