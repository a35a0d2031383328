import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Per-stack facts derived once (not config): names and the account the stack deploys into. */
export interface StackContext {
  stackName: string;
  /** Prefix for physical AWS names and `Name` tags: unique per stack. */
  namePrefix: string;
  /** The EKS cluster's name; the network tags its subnets for discovery with it. */
  clusterName: string;
  accountId: pulumi.Output<string>;
}

export function stackContext(): StackContext {
  const stackName = pulumi.getStack();
  const namePrefix = `ecommerce-${stackName}`;
  return {
    stackName,
    namePrefix,
    clusterName: namePrefix,
    accountId: aws.getCallerIdentityOutput({}).accountId,
  };
}
