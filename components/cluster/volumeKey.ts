/**
 * Key policy for the cluster's volume key, which encrypts node root volumes (system launch
 * template, Karpenter's EC2NodeClass) and the EBS CSI driver's persistent volumes.
 *
 * Use is granted the way the AWS managed `aws/ebs` key grants it: to any principal of this account,
 * only through EC2 in this region. Naming principals instead would not work: the Auto Scaling
 * service-linked role that launches the managed node group's instances cannot be given IAM
 * policies, and a key policy naming it fails while that role does not yet exist (Karpenter v1.8
 * troubleshooting, "Node terminates before ready on failed encrypted EBS volume", gives the same
 * statement). The IAM statements of Karpenter, the EBS CSI driver and FIS name the key as well.
 */
import { accountAdministers } from "../data/keyPolicy";
import { PolicyDocument, policyDocument } from "../shared/iamDocuments";

export function volumeKeyPolicy(accountId: string, region: string): PolicyDocument {
  return policyDocument([
    accountAdministers(accountId),
    {
      Sid: "UseThroughEc2",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:CreateGrant",
        "kms:DescribeKey",
      ],
      Resource: "*",
      Condition: {
        StringEquals: {
          "kms:CallerAccount": accountId,
          "kms:ViaService": `ec2.${region}.amazonaws.com`,
        },
      },
    },
  ]);
}
