import { isComputed, peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

const ADMIN = /:policy\/AdministratorAccess$/;

/**
 * An element of a known list computed by another resource (a policy this stack creates, unknown
 * during a first preview) is never the AWS managed AdministratorAccess, whose ARN is a literal:
 * that policy's own document is aws-iam-policy-disallow-wildcard-admin's to judge. A value unknown
 * as a whole is read normally, so the check says it could not run.
 */
function isAdministratorAccess(arn: unknown): boolean {
  return !isComputed(arn) && ADMIN.test(String(arn ?? ""));
}

export default resourceRule(
  {
    name: "aws-iam-role-disallow-administrator-access",
    description:
      "Nothing the program creates is attached to the AdministratorAccess managed policy.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §1.16", "PCI-DSS 4.0 §7.2.2"],
    topic: "iam",
    types: [
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "aws:iam/policyAttachment:PolicyAttachment",
      "aws:iam/userPolicyAttachment:UserPolicyAttachment",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
      "aws:iam/role:Role",
    ],
    remediation:
      "Attach a least-privilege policy; for EKS access entries use a scoped access policy.",
  },
  (props, { type }) => {
    if (type === "aws:iam/role:Role") {
      // Read normally first: a list unknown as a whole throws (undecided), not passes.
      const arns = props.managedPolicyArns === undefined ? [] : peek(props, "managedPolicyArns");
      return asArray<unknown>(arns).some(isAdministratorAccess)
        ? "has AdministratorAccess in managedPolicyArns"
        : undefined;
    }
    // A policy ARN computed during a preview is a policy this stack creates, not the AWS one.
    return isAdministratorAccess(peek(props, "policyArn"))
      ? "attaches AdministratorAccess"
      : undefined;
  },
);
