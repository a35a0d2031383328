import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-eks-accessentry-disallow-broad-principal",
    description:
      "EKS access entries name one role or user, never an account root or a wildcard principal.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["CIS EKS 1.5 §4.1.1", "PCI-DSS 4.0 §7.2.1"],
    topic: "iam",
    types: ["aws:eks/accessEntry:AccessEntry"],
    remediation: "Set principalArn to the ARN of the one IAM role (or user) that needs access.",
  },
  // Presence-safe: an unknown ARN (first preview) is a string without these shapes.
  (props) => {
    const arn = String(props.principalArn ?? "");
    return /:root$/.test(arn) || arn.includes("*")
      ? `principal ${arn} stands for more than one identity`
      : undefined;
  },
);
