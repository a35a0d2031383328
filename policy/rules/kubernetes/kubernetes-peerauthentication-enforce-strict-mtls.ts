import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-peerauthentication-enforce-strict-mtls",
    description:
      "Istio PeerAuthentications require mutual TLS (STRICT), for the workload and every port they name.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §4.2.1"],
    topic: "encryption-in-transit",
    types: ["kubernetes:security.istio.io/v1:PeerAuthentication"],
    remediation: "Set spec.mtls.mode: STRICT and no portLevelMtls mode other than STRICT.",
  },
  (props) => {
    const mode = props.spec?.mtls?.mode;
    const ports = Object.entries(props.spec?.portLevelMtls ?? {}) as [string, { mode?: string }][];
    return [
      mode === "STRICT" ? undefined : `mTLS mode is ${mode ?? "unset (inherited)"}, not STRICT`,
      ...ports.map(([port, p]) =>
        p.mode && p.mode !== "STRICT" ? `port ${port} allows ${p.mode}` : undefined,
      ),
    ];
  },
);
