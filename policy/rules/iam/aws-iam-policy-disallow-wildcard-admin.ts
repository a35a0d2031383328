import { asArray, statements } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

/** Findings for one policy document. */
function wildcardAdmin(document: unknown, where: string): (string | undefined)[] {
  return statements(document).map((s, i) =>
    s.Effect === "Allow" &&
    asArray(s.Action).some((a) => a === "*" || a === "*:*") &&
    asArray(s.Resource).includes("*")
      ? `${where}statement ${i} allows "*" on "*"`
      : undefined,
  );
}

export default resourceRule(
  {
    name: "aws-iam-policy-disallow-wildcard-admin",
    description:
      "No policy the program creates (managed, inline, or a role's inlinePolicies) allows every action (`*`) on every resource (`*`).",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §1.16", "PCI-DSS 4.0 §7.2.2"],
    topic: "iam",
    types: [
      "aws:iam/policy:Policy",
      "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/userPolicy:UserPolicy",
      "aws:iam/groupPolicy:GroupPolicy",
      "aws:iam/role:Role",
    ],
    remediation: "Name the actions and the resources the role needs.",
    previewLimit:
      "A document that embeds the ARN of a resource created in the same run (a key, a table, a queue) is unknown as a whole during a first preview: the AWS provider's Check turns a policy object holding an unknown into one unknown string. Those documents are checked during `pulumi up`, before the policy is created.",
  },
  (props, { type }) =>
    type === "aws:iam/role:Role"
      ? asArray<{ name?: string; policy?: unknown }>(props.inlinePolicies).flatMap((p) =>
          wildcardAdmin(p.policy, `inline policy ${p.name ?? "?"}: `),
        )
      : wildcardAdmin(props.policy, ""),
);
