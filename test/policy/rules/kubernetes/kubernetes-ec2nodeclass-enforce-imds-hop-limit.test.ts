import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "kubernetes-ec2nodeclass-enforce-imds-hop-limit";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
      "metadata options left to the CRD default (required, hop limit 1)",
      (p) => delete p.spec.metadataOptions,
    ),
  ],
  violations: [
    violates(
      "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
      "hop limit 2",
      (p) => (p.spec.metadataOptions.httpPutResponseHopLimit = 2),
      /IMDS hop limit is 2, not 1/,
    ),
    violates(
      "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
      "IMDSv1 allowed",
      (p) => (p.spec.metadataOptions.httpTokens = "optional"),
      /IMDSv2 is not required/,
    ),
    violates(
      "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
      "a block that leaves the hop limit out",
      (p) => delete p.spec.metadataOptions.httpPutResponseHopLimit,
      /IMDS hop limit is unset, not 1/,
    ),
  ],
});
