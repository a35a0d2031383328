import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument } from "../shared/iamDocuments";

export interface PodIdentityArgs {
  /** The EKS cluster the association belongs to. */
  clusterName: pulumi.Input<string>;
  /** Account in the role's trust policy (`aws:SourceAccount`). */
  accountId: pulumi.Input<string>;
  /** Kubernetes namespace of the service account. */
  namespace: string;
  /** Name of the Kubernetes service account whose pods get the role. */
  serviceAccount: string;
  /** Inline least-privilege policy for the role. Default: none (managed policies only). */
  policy?: pulumi.Input<PolicyDocument>;
  /** AWS managed policies to attach (for add-ons AWS publishes one for). Default: none. */
  managedPolicyArns?: string[];
  /**
   * Create the `aws.eks.PodIdentityAssociation`. Off for managed add-ons, which take the role in
   * their own `podIdentityAssociations` setting. Default true.
   */
  associate?: boolean;
  /** The role's description, shown in IAM. */
  description: string;
}

export interface PodIdentity {
  role: aws.iam.Role;
  association?: aws.eks.PodIdentityAssociation;
}

/** The trust policy EKS Pod Identity needs, limited to this account's clusters. */
export function podIdentityTrust(accountId: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
      },
    ],
  };
}

/**
 * An IAM role for one Kubernetes service account through EKS Pod Identity: trusted by
 * `pods.eks.amazonaws.com`, with its own policy, associated with `namespace/serviceAccount`.
 * Used for the add-ons here and by every microservice.
 */
export function podIdentityRole(
  name: string,
  args: PodIdentityArgs,
  opts: pulumi.CustomResourceOptions,
): PodIdentity {
  const role = new aws.iam.Role(
    name,
    {
      description: args.description,
      assumeRolePolicy: pulumi
        .output(args.accountId)
        .apply((account) => JSON.stringify(podIdentityTrust(account))),
      tags: { "eks-pod-identity": `${args.namespace}/${args.serviceAccount}` },
    },
    opts,
  );
  if (args.policy) {
    new aws.iam.RolePolicy(
      name,
      { role: role.id, policy: pulumi.output(args.policy).apply((p) => JSON.stringify(p)) },
      opts,
    );
  }
  (args.managedPolicyArns ?? []).forEach((arn) => {
    const short = arn.split("/").pop() ?? arn;
    new aws.iam.RolePolicyAttachment(`${name}-${short}`, { role: role.name, policyArn: arn }, opts);
  });
  const association =
    args.associate === false
      ? undefined
      : new aws.eks.PodIdentityAssociation(
          name,
          {
            clusterName: args.clusterName,
            namespace: args.namespace,
            serviceAccount: args.serviceAccount,
            roleArn: role.arn,
          },
          opts,
        );
  return { role, association };
}
