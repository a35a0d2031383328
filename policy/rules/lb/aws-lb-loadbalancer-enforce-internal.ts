import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule<{ publicLoadBalancerAllowList: string[] }>(
  {
    name: "aws-lb-loadbalancer-enforce-internal",
    description:
      "Load balancers are internal (reached through API Gateway's VPC link or CloudFront) unless allow-listed.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.4.1"],
    topic: "network-exposure",
    types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    remediation:
      "Set internal: true, or add the load balancer's name to publicLoadBalancerAllowList.",
    configSchema: {
      properties: {
        publicLoadBalancerAllowList: { type: "array", items: { type: "string" }, default: [] },
      },
    },
  },
  (props, { name, config }) =>
    isTrue(props.internal) || config.publicLoadBalancerAllowList.includes(name)
      ? undefined
      : "internet-facing load balancer not on the allow-list",
);
