import { resourceRule } from "../../lib/rule";

const TYPES = ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"];

export default resourceRule<{ plaintextTargetGroupAllowList: string[] }>(
  {
    name: "aws-lb-targetgroup-enforce-https",
    description:
      "Load balancer target groups reach their targets over HTTPS (or TLS), except allow-listed groups whose next hop encrypts: the Istio gateway's group is HTTP inside the VPC, and the mesh carries every request on in STRICT mTLS.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: TYPES,
    remediation:
      "Set protocol HTTPS (or TLS for a network load balancer), or add the target group's name to plaintextTargetGroupAllowList with the reason in a comment where it is created.",
    configSchema: {
      properties: {
        // edge-gateway: the ALB terminates TLS and forwards to the Istio ingress gateway's pod IPs
        // (components/edge/regional.ts); past the gateway, PeerAuthentication STRICT applies.
        plaintextTargetGroupAllowList: {
          type: "array",
          items: { type: "string" },
          default: ["edge-gateway"],
        },
      },
    },
  },
  (props, { name, config }) => {
    // @pulumi/aws 7.48.0 TargetGroupArgs.protocol: GENEVE, HTTP, HTTPS, TCP, TCP_UDP, TLS, UDP,
    // QUIC or TCP_QUIC, required for instance, ip and alb targets and not applying to lambda ones
    // (invoked through the Lambda API). QUIC always carries TLS 1.3; TCP_QUIC also plain TCP.
    if (props.targetType === "lambda") return undefined;
    const protocol = props.protocol ?? "HTTP";
    if (
      ["HTTPS", "TLS", "QUIC"].includes(protocol) ||
      config.plaintextTargetGroupAllowList.includes(name)
    )
      return undefined;
    return `targets are reached over ${protocol}, not HTTPS or TLS`;
  },
);
