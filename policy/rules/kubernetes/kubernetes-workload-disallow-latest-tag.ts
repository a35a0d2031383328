import { WORKLOADS, containers } from "../../lib/kubernetes";
import { resourceRule } from "../../lib/rule";

/** Pinned means a tag other than `latest`, or a digest. */
export function isPinned(image: string): boolean {
  if (image.includes("@sha256:")) return true;
  const lastSegment = image.split("/").pop() ?? "";
  const tag = lastSegment.includes(":") ? lastSegment.split(":").pop() : undefined;
  return tag !== undefined && tag !== "" && tag !== "latest";
}

export default resourceRule(
  {
    name: "kubernetes-workload-disallow-latest-tag",
    description: "Every container image is pinned by tag or digest; never `:latest` or untagged.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: [],
    topic: "kubernetes",
    types: WORKLOADS,
    remediation: "Use image:tag (a release tag) or image@sha256:digest.",
  },
  (props) =>
    containers(props).map((c) =>
      isPinned(String(c.image ?? ""))
        ? undefined
        : `container ${c.name} image ${c.image} is not pinned`,
    ),
);
