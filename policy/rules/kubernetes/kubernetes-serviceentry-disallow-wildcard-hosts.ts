import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule<{ wildcardHostPatterns: string[] }>(
  {
    name: "kubernetes-serviceentry-disallow-wildcard-hosts",
    description:
      "Istio ServiceEntries for MESH_EXTERNAL services name exact hosts; a wildcard host must match an allowed pattern (S3's virtual-hosted bucket addresses, DynamoDB's account-based endpoints), so the mesh opens no egress to whole domains.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.3.2"],
    topic: "kubernetes",
    types: ["kubernetes:networking.istio.io/v1:ServiceEntry"],
    remediation:
      "List the exact hostnames the workloads call, or add an anchored pattern to wildcardHostPatterns for a service that can only be addressed by wildcard.",
    configSchema: {
      properties: {
        // S3 addresses buckets as <bucket>.s3.<region>.amazonaws.com (virtual-hosted style), and
        // DynamoDB an account as <account-id>.ddb.<region>.amazonaws.com (account-based
        // endpoints, which the AWS SDKs prefer when they know the account).
        wildcardHostPatterns: {
          type: "array",
          items: { type: "string" },
          default: [
            "^\\*\\.s3\\.[a-z0-9-]+\\.amazonaws\\.com$",
            "^\\*\\.ddb\\.[a-z0-9-]+\\.amazonaws\\.com$",
          ],
        },
      },
    },
  },
  (props, { config }) => {
    // Unset, location is MESH_EXTERNAL: enum value 0 of ServiceEntry.Location in istio/api's
    // service_entry.proto (MESH_EXTERNAL = 0, MESH_INTERNAL = 1).
    if ((props.spec?.location ?? "MESH_EXTERNAL") !== "MESH_EXTERNAL") return undefined;
    const patterns = config.wildcardHostPatterns.map((p) => new RegExp(p));
    return asArray<string>(props.spec?.hosts)
      .filter((h) => typeof h === "string" && h.includes("*"))
      .filter((h) => !patterns.some((p) => p.test(h)))
      .map((h) => `MESH_EXTERNAL host ${h} is a wildcard outside wildcardHostPatterns`);
  },
);
