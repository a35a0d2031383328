import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-lb-targetgroup-enforce-https";
const TG = "aws:lb/targetGroup:TargetGroup";

describeResourceRule(RULE, {
  passes: [
    passes(
      TG,
      "the gateway's target group on HTTP (on the default allow-list)",
      (p) => (p.protocol = "HTTP"),
      { name: "edge-gateway" },
    ),
    passes(TG, "Lambda targets, which have no protocol", (p) => {
      p.targetType = "lambda";
      delete p.protocol;
      delete p.port;
    }),
    passes(TG, "QUIC targets (TLS 1.3 always)", (p) => (p.protocol = "QUIC")),
    passes("aws:alb/targetGroup:TargetGroup", "TLS targets", (p) => (p.protocol = "TLS")),
  ],
  violations: [
    violates(
      TG,
      "plain HTTP targets",
      (p) => (p.protocol = "HTTP"),
      /targets are reached over HTTP, not HTTPS or TLS/,
    ),
    violates(TG, "protocol left out", (p) => delete p.protocol, /over HTTP,/),
    violates(TG, "the allow-listed name off the list", (p) => (p.protocol = "HTTP"), /over HTTP,/, {
      name: "edge-gateway",
      config: { plaintextTargetGroupAllowList: [] },
    }),
    violates(
      "aws:alb/targetGroup:TargetGroup",
      "TCP targets",
      (p) => (p.protocol = "TCP"),
      /targets are reached over TCP, not HTTPS or TLS/,
    ),
    violates(
      TG,
      "TCP_QUIC targets (plain TCP too)",
      (p) => (p.protocol = "TCP_QUIC"),
      /over TCP_QUIC/,
    ),
  ],
});
