import { isComputed, peek } from "../../lib/known";
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
  // An ARN computed by another resource (a role this stack creates, unknown in a first preview)
  // names that one role: neither an account root nor a wildcard.
  (props) => {
    const raw = peek(props, "principalArn");
    if (isComputed(raw)) return undefined;
    const arn = String(raw ?? "");
    return /:root$/.test(arn) || arn.includes("*")
      ? `principal ${arn} stands for more than one identity`
      : undefined;
  },
);
