import { isTrue } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

/** Access strings start with `on` or `off` (the ElastiCache RBAC access-string syntax). */
const disabled = (accessString: unknown) => /^\s*off(\s|$)/.test(String(accessString ?? ""));

export default resourceRule(
  {
    name: "aws-elasticache-user-disallow-open-access",
    description:
      "An ElastiCache user that needs no password is switched off: a user group with such a user (typically `default`) lets any client in.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §8.3.1"],
    topic: "iam",
    types: ["aws:elasticache/user:User"],
    remediation:
      "Authenticate the user with IAM or a password (authenticationMode), or disable it with an access string starting `off`.",
  },
  (props) => {
    const open =
      isTrue(props.noPasswordRequired) || props.authenticationMode?.type === "no-password-required";
    return open && !disabled(props.accessString)
      ? `user ${props.userName ?? "?"} needs no password and is on (accessString ${props.accessString ?? "?"})`
      : undefined;
  },
);
