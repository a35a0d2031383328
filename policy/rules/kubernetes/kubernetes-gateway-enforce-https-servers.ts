import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule<{ tlsTerminatedUpstreamAllowList: string[] }>(
  {
    name: "kubernetes-gateway-enforce-https-servers",
    description:
      "Istio Gateways serve HTTPS or TLS only; a plain HTTP server is allowed when it redirects to HTTPS, or on an allow-listed gateway whose only client is a load balancer that terminates TLS (the ALB forwards to shop-gateway inside the VPC).",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["kubernetes:networking.istio.io/v1:Gateway"],
    remediation:
      "Use port protocol HTTPS (or TLS) with tls settings, set tls.httpsRedirect on an HTTP server, or add `<namespace>/<name>` to tlsTerminatedUpstreamAllowList when a TLS-terminating load balancer is the only way in.",
    configSchema: {
      properties: {
        tlsTerminatedUpstreamAllowList: {
          type: "array",
          items: { type: "string" },
          default: ["istio-system/shop-gateway"],
        },
      },
    },
  },
  (props, { config }) => {
    const id = `${props.metadata?.namespace ?? "default"}/${props.metadata?.name ?? "?"}`;
    if (config.tlsTerminatedUpstreamAllowList.includes(id)) return undefined;
    // Istio Server.Port.protocol: HTTP|HTTPS|GRPC|GRPC-WEB|HTTP2|MONGO|TCP|TLS.
    return asArray<Record<string, any>>(props.spec?.servers) // eslint-disable-line @typescript-eslint/no-explicit-any
      .filter((s) => {
        const protocol = String(s.port?.protocol ?? "").toUpperCase();
        if (protocol === "HTTPS" || protocol === "TLS") return false;
        return !(s.tls?.httpsRedirect === true);
      })
      .map(
        (s) =>
          `server on port ${s.port?.number ?? "?"} speaks ${s.port?.protocol ?? "?"} without TLS or an HTTPS redirect`,
      );
  },
);
