import { endpointFindings } from "../../lib/eks";
import { resourceRule } from "../../lib/rule";

// The remote eks.Cluster component hides its aws:eks/cluster child from the offline run; these
// component-level rules read its inputs, and a real preview sees both levels.
export default resourceRule(
  {
    name: "eks-component-enforce-private-endpoint",
    description:
      "eks.Cluster components enable the private endpoint and keep the public one off or CIDR-restricted.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §5.4.2"],
    topic: "network-exposure",
    types: ["eks:index:Cluster"],
    remediation:
      "Set endpointPrivateAccess: true and endpointPublicAccess: false (or publicAccessCidrs: operator CIDRs).",
  },
  (props) =>
    endpointFindings(
      props.endpointPrivateAccess,
      props.endpointPublicAccess,
      props.publicAccessCidrs,
    ),
);
