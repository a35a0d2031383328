import { isSet } from "../../lib/known";
import { asArray, isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-ec2nodeclass-configure-customer-managed-key",
    description:
      "Karpenter EC2NodeClasses encrypt every node volume with a customer managed key (kmsKeyID).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.6.1"],
    topic: "encryption-at-rest",
    types: ["kubernetes:karpenter.k8s.aws/v1:EC2NodeClass"],
    remediation:
      "List spec.blockDeviceMappings with ebs.encrypted: true and ebs.kmsKeyID set to a customer managed key's ARN.",
  },
  (props) => {
    const mappings = asArray<{
      deviceName?: string;
      ebs?: { encrypted?: unknown; kmsKeyID?: unknown };
    }>(props.spec?.blockDeviceMappings);
    // Without mappings Karpenter uses the AMI family's default volume, encrypted with aws/ebs.
    if (mappings.length === 0)
      return "no blockDeviceMappings: the default root volume uses aws/ebs";
    return mappings.map((m) =>
      !m.ebs || !isTrue(m.ebs.encrypted) || !isSet(m.ebs, "kmsKeyID")
        ? `volume ${m.deviceName ?? "?"} is not encrypted with a customer managed key`
        : undefined,
    );
  },
);
