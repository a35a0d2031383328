import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-launchtemplate-enforce-imdsv2",
    description:
      "Launch templates require IMDSv2 session tokens (no IMDSv1 credential theft through SSRF).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §5.6"],
    topic: "network-exposure",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    remediation: "Set metadataOptions.httpTokens: required.",
  },
  (props) =>
    props.metadataOptions?.httpTokens === "required"
      ? undefined
      : "IMDSv2 is not required (metadataOptions.httpTokens)",
);
