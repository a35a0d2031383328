import { ANYWHERE, asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-targetgroupbinding-enforce-scoped-targets",
    description:
      "TargetGroupBindings register pods (targetType ip), not every node's NodePort, and any security-group rule the controller manages for them admits a security group or a private block, never the internet.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.3.1"],
    topic: "network-exposure",
    types: ["kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding"],
    remediation:
      "Set spec.targetType: ip, and in spec.networking.ingress use from.securityGroup (the load balancer's) rather than a 0.0.0.0/0 ipBlock.",
  },
  (props) => {
    const spec = props.spec ?? {};
    // The aws-load-balancer-controller's TargetGroupBinding: `networking.ingress[].from[]` holds
    // `securityGroup` or `ipBlock` peers it turns into node/pod security-group rules.
    const peers = asArray<{ from?: unknown }>(spec.networking?.ingress).flatMap((rule) =>
      asArray<{ ipBlock?: { cidr?: string } }>(rule.from),
    );
    return [
      spec.targetType === "ip" ? undefined : `targetType ${spec.targetType ?? "(unset)"} is not ip`,
      ...peers
        .filter((p) => ANYWHERE.includes(String(p.ipBlock?.cidr ?? "")))
        .map((p) => `admits ${p.ipBlock?.cidr} to the targets`),
    ];
  },
);
