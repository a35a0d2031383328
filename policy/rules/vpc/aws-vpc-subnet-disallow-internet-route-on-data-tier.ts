import { stackRule } from "../../lib/rule";
import { T } from "../../lib/stackView";

export default stackRule(
  {
    name: "aws-vpc-subnet-disallow-internet-route-on-data-tier",
    description:
      "Subnets of the private and data tiers (tag `tier`) have no route to an internet gateway.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.4.4"],
    topic: "network-exposure",
    types: [T.subnet],
    remediation:
      "Remove the internet-gateway route from the route table of the private/data subnets.",
  },
  (stack) =>
    stack
      .ofType(T.subnet)
      .filter((s) => ["private", "data"].includes(s.props?.tags?.tier) && stack.routesToInternet(s))
      .map((resource) => ({
        resource,
        message: `a ${resource.props.tags.tier}-tier subnet routes to an internet gateway`,
      })),
);
