import { isSet } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-route53-record-missing-failover-health-check",
    description:
      "Route 53 PRIMARY failover records carry a health check, or failover can never happen.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:route53/record:Record"],
    remediation: "Set healthCheckId on the PRIMARY record.",
  },
  (props) => {
    const primary = asArray<{ type?: string }>(props.failoverRoutingPolicies).some(
      (p) => p.type === "PRIMARY",
    );
    return primary && !isSet(props, "healthCheckId")
      ? "PRIMARY failover record without a health check"
      : undefined;
  },
);
