import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "eks-component-configure-api-authentication",
    description:
      "eks.Cluster components authenticate with EKS access entries only (authenticationMode API, no aws-auth ConfigMap).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topic: "iam",
    types: ["eks:index:Cluster"],
    remediation: 'Set authenticationMode: "API" and manage access with access entries.',
  },
  (props) =>
    props.authenticationMode === "API"
      ? undefined
      : `authenticationMode is ${props.authenticationMode ?? "CONFIG_MAP (default)"}`,
);
