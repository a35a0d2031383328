import { isComputed, peek } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

const EBS_CSI = "ebs.csi.aws.com";

export default resourceRule(
  {
    name: "kubernetes-storageclass-configure-customer-managed-key",
    description:
      "EBS StorageClasses encrypt volumes with a customer managed key (the driver's kmsKeyId parameter).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §3.6.1"],
    topic: "encryption-at-rest",
    types: ["kubernetes:storage.k8s.io/v1:StorageClass"],
    remediation: `For provisioner ${EBS_CSI}, set parameters.encrypted: "true" and parameters.kmsKeyId to the key's ARN.`,
  },
  (props) => {
    if (props.provisioner !== EBS_CSI) return undefined;
    const p = props.parameters ?? {};
    // Parameter names are case-insensitive for the driver (docs/parameters.md).
    const get = (name: string) => {
      const key = Object.keys(p).find((k) => k.toLowerCase() === name.toLowerCase());
      return key === undefined ? undefined : peek(p, key);
    };
    if (!isTrue(get("encrypted"))) return "volumes are not encrypted (parameters.encrypted)";
    // The key is another resource: during a first preview its ARN is unknown, so presence decides.
    const key = get("kmsKeyId");
    return isComputed(key) || key
      ? undefined
      : "volumes use the AWS managed key (no parameters.kmsKeyId)";
  },
);
