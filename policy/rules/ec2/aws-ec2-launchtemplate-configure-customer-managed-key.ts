import { isSet } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-ec2-launchtemplate-configure-customer-managed-key",
    description:
      "Launch templates encrypt every EBS volume with a customer managed key (kmsKeyId), not aws/ebs.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.6.1"],
    topic: "encryption-at-rest",
    types: ["aws:ec2/launchTemplate:LaunchTemplate"],
    remediation: "Set blockDeviceMappings[].ebs.kmsKeyId to a customer managed key's ARN.",
  },
  // Presence only: the key's ARN is unknown until it exists (first preview).
  (props) =>
    asArray<{ deviceName?: string; ebs?: { kmsKeyId?: unknown } }>(props.blockDeviceMappings).map(
      (m) =>
        m.ebs && !isSet(m.ebs, "kmsKeyId")
          ? `volume ${m.deviceName ?? "?"} uses the AWS managed key (no kmsKeyId)`
          : undefined,
    ),
);
