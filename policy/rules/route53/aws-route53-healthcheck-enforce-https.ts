import { resourceRule } from "../../lib/rule";

const ENDPOINT_TYPES = ["HTTP", "HTTP_STR_MATCH", "HTTPS", "HTTPS_STR_MATCH", "TCP"];

export default resourceRule(
  {
    name: "aws-route53-healthcheck-enforce-https",
    description:
      "Route 53 endpoint health checks probe over HTTPS with SNI, as shoppers reach the endpoint.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["aws:route53/healthCheck:HealthCheck"],
    remediation: "Use type HTTPS (or HTTPS_STR_MATCH) on port 443 with enableSni: true.",
  },
  // Calculated and CloudWatch-metric checks probe nothing themselves.
  (props) =>
    !ENDPOINT_TYPES.includes(props.type)
      ? undefined
      : [
          String(props.type).startsWith("HTTPS") ? undefined : `probes over ${props.type}`,
          props.enableSni === false ? "SNI is off" : undefined,
        ],
);
