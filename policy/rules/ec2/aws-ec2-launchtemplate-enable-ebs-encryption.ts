import { asArray, isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-launchtemplate-enable-ebs-encryption",
    description: "Launch templates encrypt every EBS volume they define.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §2.2.1", "PCI-DSS 4.0 §3.5.1"],
    topic: "encryption-at-rest",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    remediation: "Set blockDeviceMappings[].ebs.encrypted: true.",
  },
  (props) =>
    asArray<{ deviceName?: string; ebs?: { encrypted?: unknown } }>(props.blockDeviceMappings).map(
      (m) =>
        m.ebs && !isTrue(m.ebs.encrypted)
          ? `volume ${m.deviceName ?? "?"} is not encrypted`
          : undefined,
    ),
);
