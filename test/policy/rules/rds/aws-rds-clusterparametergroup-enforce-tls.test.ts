import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-rds-clusterparametergroup-enforce-tls";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "MySQL requiring secure transport (ON)",
      (p) => {
        p.family = "aurora-mysql8.0";
        p.parameters = [{ name: "require_secure_transport", value: "ON" }];
      },
    ),
    passes(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "MySQL requiring secure transport (1, lower-case on also)",
      (p) => {
        p.family = "aurora-mysql8.0";
        p.parameters = [{ name: "require_secure_transport", value: "on" }];
      },
    ),
    passes(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "a family without a TLS parameter of its own",
      (p) => {
        p.family = "docdb5.0";
        p.parameters = [];
      },
    ),
  ],
  violations: [
    violates(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "plaintext connections",
      (p) => (p.parameters = []),
      /rds.force_ssl is unset/,
    ),
    violates(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "MySQL without secure transport",
      (p) => {
        p.family = "aurora-mysql8.0";
        p.parameters = [{ name: "require_secure_transport", value: "OFF" }];
      },
      /require_secure_transport is OFF/,
    ),
    violates(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "rds.force_ssl 0",
      (p) => (p.parameters = [{ name: "rds.force_ssl", value: "0" }]),
      /rds.force_ssl is 0: connections without TLS are accepted/,
    ),
    violates(
      "aws:rds/clusterParameterGroup:ClusterParameterGroup",
      "MySQL without the parameter",
      (p) => {
        p.family = "aurora-mysql8.0";
        p.parameters = [{ name: "rds.force_ssl", value: "1" }];
      },
      /require_secure_transport is unset/,
    ),
  ],
});
