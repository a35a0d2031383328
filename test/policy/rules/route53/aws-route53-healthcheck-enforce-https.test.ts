import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-route53-healthcheck-enforce-https";

describeResourceRule(RULE, {
  passes: [
    passes(
      "aws:route53/healthCheck:HealthCheck",
      "HTTPS with a string match",
      (p) => (p.type = "HTTPS_STR_MATCH"),
    ),
    passes(
      "aws:route53/healthCheck:HealthCheck",
      "a calculated check, which probes nothing",
      (p) => (p.type = "CALCULATED"),
    ),
    passes(
      "aws:route53/healthCheck:HealthCheck",
      "SNI left to the provider default",
      (p) => delete p.enableSni,
    ),
  ],
  violations: [
    violates(
      "aws:route53/healthCheck:HealthCheck",
      "plain HTTP",
      (p) => (p.type = "HTTP"),
      /probes over HTTP/,
    ),
    violates(
      "aws:route53/healthCheck:HealthCheck",
      "SNI off",
      (p) => (p.enableSni = false),
      /SNI is off/,
    ),
    violates(
      "aws:route53/healthCheck:HealthCheck",
      "a TCP probe",
      (p) => (p.type = "TCP"),
      /probes over TCP/,
    ),
    violates(
      "aws:route53/healthCheck:HealthCheck",
      "HTTP with a string match",
      (p) => (p.type = "HTTP_STR_MATCH"),
      /probes over HTTP_STR_MATCH/,
    ),
  ],
});
