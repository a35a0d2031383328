import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

/** The parameter that refuses unencrypted connections, per engine family. */
const TLS_PARAMETER: [RegExp, string, string[]][] = [
  [/postgres/, "rds.force_ssl", ["1"]],
  [/mysql/, "require_secure_transport", ["1", "ON"]],
];

export default resourceRule(
  {
    name: "aws-rds-clusterparametergroup-enforce-tls",
    description:
      "Aurora cluster parameter groups refuse connections without TLS (rds.force_ssl, require_secure_transport).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:rds/clusterParameterGroup:ClusterParameterGroup"],
    remediation:
      "Set rds.force_ssl = 1 (PostgreSQL families) or require_secure_transport = ON (MySQL families).",
  },
  (props) => {
    const family = String(props.family ?? "");
    const match = TLS_PARAMETER.find(([re]) => re.test(family));
    if (!match) return undefined;
    const [, name, accepted] = match;
    const value = asArray<{ name?: string; value?: unknown }>(props.parameters).find(
      (p) => p.name === name,
    )?.value;
    return accepted.includes(String(value).toUpperCase())
      ? undefined
      : `${name} is ${value ?? "unset"}: connections without TLS are accepted`;
  },
);
