import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-lb-listener-enforce-https";
const L = "aws:lb/listener:Listener";
const http = (defaultActions?: unknown[]) => (p: Record<string, unknown>) => {
  p.protocol = "HTTP";
  p.port = 80;
  delete p.sslPolicy;
  delete p.certificateArn;
  if (defaultActions) p.defaultActions = defaultActions;
};
const toHttps = {
  type: "redirect",
  redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
};

describeResourceRule(RULE, {
  passes: [
    passes(L, "an HTTP listener that redirects to HTTPS", http([toHttps])),
    passes(
      "aws:alb/listener:Listener",
      "a TLS listener on an allowed policy",
      (p) => (p.protocol = "TLS"),
    ),
    passes(L, "a TCP listener (TLS end to end or out of scope)", (p) => {
      p.protocol = "TCP";
      delete p.sslPolicy;
    }),
    passes(
      L,
      "an HTTPS listener on a policy the config allows",
      (p) => (p.sslPolicy = "ELBSecurityPolicy-2016-08"),
      {
        config: { allowedSslPolicies: ["ELBSecurityPolicy-2016-08"] },
      },
    ),
  ],
  violations: [
    violates(
      L,
      "TLS 1.0 policy",
      (p) => (p.sslPolicy = "ELBSecurityPolicy-2016-08"),
      /allows protocols below TLS 1.2/,
    ),
    violates(
      "aws:alb/listener:Listener",
      "HTTP forwarding",
      (p) => {
        p.protocol = "HTTP";
        p.defaultActions = [{ type: "forward" }];
      },
      /plain HTTP listener that does not redirect/,
    ),
    violates(
      L,
      "an HTTPS listener on the default policy",
      (p) => delete p.sslPolicy,
      /TLS policy \(default\) allows protocols below TLS 1.2/,
    ),
    violates(
      L,
      "an HTTP listener with no actions",
      http(),
      /plain HTTP listener that does not redirect to HTTPS/,
    ),
    violates(
      L,
      "protocol left to the default (HTTP), forwarding",
      (p) => {
        http([{ type: "forward" }])(p);
        delete p.protocol;
      },
      /plain HTTP listener that does not redirect/,
    ),
    violates(
      L,
      "a redirect that stays on HTTP",
      http([{ type: "redirect", redirect: { protocol: "HTTP", port: "8080" } }]),
      /plain HTTP listener/,
    ),
    violates(
      L,
      "a redirect beside a forward",
      http([toHttps, { type: "forward" }]),
      /plain HTTP listener/,
    ),
  ],
});
