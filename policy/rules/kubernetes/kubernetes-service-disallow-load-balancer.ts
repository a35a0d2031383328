import { resourceRule } from "../../lib/rule";

export default resourceRule<{ loadBalancerServiceAllowList: string[] }>(
  {
    name: "kubernetes-service-disallow-load-balancer",
    description:
      "Services of type LoadBalancer only on an allow-list: traffic enters through the regional ALB and the Istio gateway.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.4.1"],
    topic: "kubernetes",
    types: ["kubernetes:core/v1:Service"],
    remediation:
      "Use ClusterIP (bound to the ALB with a TargetGroupBinding), or allow-list the Service's name.",
    configSchema: {
      properties: {
        loadBalancerServiceAllowList: { type: "array", items: { type: "string" }, default: [] },
      },
    },
  },
  (props, { name, config }) =>
    props.spec?.type === "LoadBalancer" && !config.loadBalancerServiceAllowList.includes(name)
      ? "Service of type LoadBalancer not on the allow-list"
      : undefined,
);
