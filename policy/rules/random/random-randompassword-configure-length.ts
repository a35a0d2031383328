import { resourceRule } from "../../lib/rule";

export default resourceRule<{ minimumLength: number }>(
  {
    name: "random-randompassword-configure-length",
    description: "Generated passwords are long enough to stand alone (32 characters by default).",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §8.3.6"],
    topic: "iam",
    types: ["random:index/randomPassword:RandomPassword"],
    remediation: "Set length to at least minimumLength (and keep upper, lower and numeric on).",
    configSchema: { properties: { minimumLength: { type: "number", default: 32 } } },
  },
  (props, { config }) => [
    (props.length ?? 0) >= config.minimumLength
      ? undefined
      : `length ${props.length ?? "unset"} is below ${config.minimumLength}`,
    ...["upper", "lower", "numeric"].map((k) =>
      props[k] === false ? `${k} characters are turned off` : undefined,
    ),
  ],
);
