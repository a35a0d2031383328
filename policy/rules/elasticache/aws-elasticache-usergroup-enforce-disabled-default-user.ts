import type { PolicyResource } from "@pulumi/policy";
import { isComputed, peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { stackRule } from "../../lib/rule";

const GROUP = "aws:elasticache/userGroup:UserGroup";
const USER = "aws:elasticache/user:User";

/** Access strings start with `on` or `off` (the ElastiCache RBAC access-string syntax). */
const disabled = (u: PolicyResource) => /^\s*off(\s|$)/.test(String(u.props?.accessString ?? ""));

export default stackRule(
  {
    name: "aws-elasticache-usergroup-enforce-disabled-default-user",
    description:
      "ElastiCache user groups include a user named `default` (AWS requires one) that is switched off, so a client that does not authenticate gets no access.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §8.2.2"],
    topic: "iam",
    types: [GROUP, USER],
    remediation:
      "Create an aws.elasticache.User with userName `default` and an access string starting `off`, and list its userId in the group's userIds.",
  },
  // The ElastiCache API refuses a group without one (DefaultUserRequired: "You must add default
  // user to a user group"), so the question is only whether it is switched off.
  (stack) =>
    stack.ofType(GROUP).flatMap((group) => {
      // userIds are the users' userId inputs; during a preview an id may be computed, and the
      // group's property dependencies then name the users.
      const ids = asArray(peek(group.props, "userIds"));
      const deps = new Set(group.propertyDependencies?.userIds?.map((d) => d.urn) ?? []);
      const members = stack.ofType(USER).filter((u) => {
        const id = peek(u.props, "userId");
        return typeof id === "string" && !isComputed(id) && ids.length > 0 && !ids.some(isComputed)
          ? ids.includes(id)
          : deps.has(u.urn);
      });
      const defaults = members.filter((u) => u.props?.userName === "default");
      if (defaults.length === 0)
        return [{ resource: group, message: "has no `default` user of this stack" }];
      return defaults.some(disabled)
        ? []
        : [
            {
              resource: group,
              message: "its `default` user is on (access string must start `off`)",
            },
          ];
    }),
);
