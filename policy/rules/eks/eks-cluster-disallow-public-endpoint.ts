import { endpointFindings } from "../../lib/eks";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "eks-cluster-disallow-public-endpoint",
    description:
      "EKS API endpoints are private; a public endpoint needs an operator CIDR allow-list without 0.0.0.0/0.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §5.4.2"],
    topic: "network-exposure",
    types: ["aws:eks/cluster:Cluster"],
    remediation:
      "Set vpcConfig.endpointPrivateAccess: true and endpointPublicAccess: false (or publicAccessCidrs: operator CIDRs).",
  },
  (props) => {
    const vpc = props.vpcConfig ?? {};
    return endpointFindings(
      vpc.endpointPrivateAccess,
      vpc.endpointPublicAccess,
      vpc.publicAccessCidrs,
    );
  },
);
