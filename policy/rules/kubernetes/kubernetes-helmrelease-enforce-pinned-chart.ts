import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "kubernetes-helmrelease-enforce-pinned-chart",
    description:
      "Helm releases pin a chart version and fetch it over HTTPS or from an OCI registry.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §6.3.2"],
    topic: "kubernetes",
    types: ["kubernetes:helm.sh/v3:Release"],
    remediation:
      "Set version to an exact chart version and repositoryOpts.repo to an https:// URL (or chart to oci://…).",
  },
  (props) => {
    const chart = String(props.chart ?? "");
    const repo = props.repositoryOpts?.repo;
    const version = String(props.version ?? "");
    return [
      /^v?\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(version)
        ? undefined
        : `chart version "${version}" is not an exact version`,
      chart.startsWith("oci://") || (typeof repo === "string" && repo.startsWith("https://"))
        ? undefined
        : `chart ${chart} is fetched from ${repo ?? "no repository"}, not HTTPS or OCI`,
    ];
  },
);
