import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-launchtemplate-configure-imds-hop-limit",
    description:
      "Launch templates set the IMDS hop limit to 1, so containers cannot reach the instance role's credentials.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §7.2.1"],
    topic: "iam",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    remediation:
      "Set metadataOptions.httpPutResponseHopLimit: 1 and give pods credentials through EKS Pod Identity.",
  },
  // Explicit: without it the AMI decides (EKS AL2023 AMIs default to 2).
  (props) =>
    props.metadataOptions?.httpPutResponseHopLimit === 1
      ? undefined
      : `IMDS hop limit is ${props.metadataOptions?.httpPutResponseHopLimit ?? "unset"}, not 1`,
);
