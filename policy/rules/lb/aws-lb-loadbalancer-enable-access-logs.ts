import { isSet } from "../../lib/known";
import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-lb-loadbalancer-enable-access-logs",
    description: "Application load balancers write access logs and drop invalid header fields.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §10.2.1"],
    topic: "logging",
    types: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
    remediation: "Set accessLogs { enabled: true, bucket } and dropInvalidHeaderFields: true.",
  },
  (props) => [
    // The bucket is another resource's output: a preview may not know its name, so presence decides.
    isTrue(props.accessLogs?.enabled) && isSet(props.accessLogs, "bucket")
      ? undefined
      : "access logs are off",
    (props.loadBalancerType ?? "application") === "application" &&
    !isTrue(props.dropInvalidHeaderFields)
      ? "invalid header fields are not dropped"
      : undefined,
  ],
);
