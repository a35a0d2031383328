import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-iam-role-disallow-administrator-access";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:iam/role:Role",
      "a managed policy ARN computed during a preview",
      (p) => (p.managedPolicyArns = [UNKNOWN]),
    ),
    passes(
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "an attached policy ARN computed during a preview",
      (p) => (p.policyArn = UNKNOWN),
    ),
    passes(
      "aws:iam/role:Role",
      "a role without managed policies",
      (p) => delete p.managedPolicyArns,
    ),
  ],
  violations: [
    violates(
      "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "AdministratorAccess attached",
      (p) => (p.policyArn = "arn:aws:iam::aws:policy/AdministratorAccess"),
      /attaches AdministratorAccess/,
    ),
    violates(
      "aws:iam/role:Role",
      "AdministratorAccess inline on the role",
      (p) => (p.managedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"]),
      /has AdministratorAccess/,
    ),
    ...[
      "aws:iam/policyAttachment:PolicyAttachment",
      "aws:iam/userPolicyAttachment:UserPolicyAttachment",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    ].map((type) =>
      violates(
        type,
        `AdministratorAccess by ${type.split(":")[2]}`,
        (p) => (p.policyArn = ADMIN),
        /attaches AdministratorAccess/,
      ),
    ),
    violates(
      "aws:iam/role:Role",
      "AdministratorAccess among other managed policies",
      (p) => (p.managedPolicyArns = [UNKNOWN, "arn:aws:iam::aws:policy/ReadOnlyAccess", ADMIN]),
      /has AdministratorAccess in managedPolicyArns/,
    ),
  ],
});
