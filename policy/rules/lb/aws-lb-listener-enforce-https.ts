import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule<{ allowedSslPolicies: string[] }>(
  {
    name: "aws-lb-listener-enforce-https",
    description:
      "Load balancer listeners serve HTTPS/TLS with a TLS 1.2+ policy; plain HTTP only redirects to HTTPS.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:lb/listener:Listener", "aws:alb/listener:Listener"],
    remediation:
      "Use protocol HTTPS with sslPolicy ELBSecurityPolicy-TLS13-1-2-2021-06; make HTTP listeners redirect (HTTP_301) to HTTPS.",
    configSchema: {
      properties: {
        allowedSslPolicies: {
          type: "array",
          items: { type: "string" },
          default: [
            "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
            "ELBSecurityPolicy-TLS13-1-3-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
            "ELBSecurityPolicy-TLS-1-2-2017-01",
            "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
          ],
        },
      },
    },
  },
  (props, { config }) => {
    const protocol = String(props.protocol ?? "HTTP").toUpperCase();
    if (protocol === "HTTPS" || protocol === "TLS") {
      return config.allowedSslPolicies.includes(props.sslPolicy)
        ? undefined
        : `TLS policy ${props.sslPolicy ?? "(default)"} allows protocols below TLS 1.2`;
    }
    if (protocol === "HTTP") {
      const actions = asArray<{ type?: string; redirect?: { protocol?: string } }>(
        props.defaultActions,
      );
      const redirects =
        actions.length > 0 &&
        actions.every((a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS");
      return redirects ? undefined : "plain HTTP listener that does not redirect to HTTPS";
    }
    return undefined; // TCP/UDP listeners carry TLS end to end or are out of scope.
  },
);
