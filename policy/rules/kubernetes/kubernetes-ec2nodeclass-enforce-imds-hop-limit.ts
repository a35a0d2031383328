import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-ec2nodeclass-enforce-imds-hop-limit",
    description:
      "Karpenter EC2NodeClasses require IMDSv2 tokens with a hop limit of 1 (pods cannot reach the node role).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §7.2.1"],
    topic: "iam",
    types: ["kubernetes:karpenter.k8s.aws/v1:EC2NodeClass"],
    remediation:
      "Omit spec.metadataOptions (the CRD defaults to tokens required, hop limit 1) or set httpTokens: required and httpPutResponseHopLimit: 1.",
  },
  (props) => {
    const m = props.spec?.metadataOptions;
    // The v1 CRD's default for the whole block is { httpTokens: required, hop limit 1 }.
    if (m === undefined) return undefined;
    return [
      m.httpTokens === "required"
        ? undefined
        : `IMDSv2 is not required (httpTokens: ${m.httpTokens})`,
      m.httpPutResponseHopLimit === 1
        ? undefined
        : `IMDS hop limit is ${m.httpPutResponseHopLimit ?? "unset"}, not 1`,
    ];
  },
);
