/** `ecommerce:mesh`: the Istio Gateway's hosts, where the mesh sends traces, and JWT validation. */
import { NAMESPACES } from "../../components/cluster/platform";
import { MAX_RELEASE_NAME, OTLP_HTTP_PORT, RELEASES } from "../../components/observability/values";
import { ParseContext, RawSection, int, list, readObject, section, text } from "./readers";
import { KeySpec } from "./spec";

export const MESH_DEFAULTS = {
  tracing: { service: "otel-collector.observability.svc.cluster.local", port: 4317 },
};

const d = MESH_DEFAULTS;

export const MESH_SPEC = {
  keys: {
    hosts: {
      type: "list",
      defaultText: "`api.<domain>`, `api-<region>.<domain>`",
      doc: "hosts the shop's Istio Gateway serves",
    },
    tracing: {
      keys: {
        service: {
          type: "string",
          default: d.tracing.service,
          doc: `where the mesh sends traces (OTLP gRPC): \`<name>.${NAMESPACES.observability.name}.svc.cluster.local\`; the observability component deploys its collector under that name (at most ${MAX_RELEASE_NAME} characters, not ${Object.values(
            RELEASES,
          )
            .map((r) => `\`${r}\``)
            .join(", ")} or a name starting with one of them and \`-\`)`,
        },
        port: {
          type: "int",
          default: d.tracing.port,
          doc: `the collector's OTLP gRPC port: \`1\`–\`65535\`, not \`${OTLP_HTTP_PORT}\` (its OTLP/HTTP port)`,
        },
      },
    },
    jwtIssuer: {
      type: "string",
      defaultText: "the shop's identity (`ecommerce:identity`)",
      doc: "the JWT issuer, an `https://` URL; set with `jwksUri`, or neither (another identity provider)",
    },
    jwksUri: {
      type: "string",
      defaultText: "the shop's identity (`ecommerce:identity`)",
      doc: "the issuer's JWKS, an `https://` URL; set with `jwtIssuer`, or neither",
    },
  },
} as const satisfies KeySpec;

export interface MeshConfig {
  /** Hosts the shop's Istio Gateway serves; default: `api.<domain>` and `api-<region>.<domain>`. */
  hosts?: string[];
  /** OpenTelemetry collector (OTLP gRPC) for the mesh's traces. */
  tracing: { service: string; port: number };
  /** JWT issuer and JWKS URI (the edge's Cognito pool); without them protected paths stay closed. */
  jwt?: { issuer: string; jwksUri: string };
}

const HOSTNAME = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)$/;

/**
 * `<name>.observability.svc.cluster.local`: the collector's in-cluster DNS name. The name is also
 * the collector's Helm release, so it is at most a release name long.
 */
const COLLECTOR_SERVICE = new RegExp(
  `^[a-z]([a-z0-9-]{0,${MAX_RELEASE_NAME - 2}}[a-z0-9])?\\.${NAMESPACES.observability.name}\\.svc\\.cluster\\.local$`,
);

/** Where the mesh sends traces: the collector the observability component deploys there. */
function parseTracing(raw: RawSection): MeshConfig["tracing"] {
  const tracing = section(raw, "tracing");
  const service = text(tracing, "service", {
    pattern: COLLECTOR_SERVICE,
    example: `${d.tracing.service} (a Service in the ${NAMESPACES.observability.name} namespace, where the collector is deployed; its first label at most ${MAX_RELEASE_NAME} characters)`,
    default: d.tracing.service,
  });
  const [name] = service.split(".");
  const taken = Object.values(RELEASES).find((r) => name === r || name.startsWith(`${r}-`));
  if (taken) {
    tracing.add(
      "service",
      `"${service}" is not accepted: "${name}" would clash with the ${taken} release and the objects its chart names after it; choose another name, e.g. ${d.tracing.service}`,
    );
  }
  const port = int(tracing, "port", { min: 1, max: 65535, default: d.tracing.port });
  if (port === OTLP_HTTP_PORT) {
    tracing.add(
      "port",
      `${port} is not accepted: the collector's Service already serves OTLP/HTTP there; the mesh sends OTLP/gRPC, use e.g. ${d.tracing.port}`,
    );
  }
  return { service, port };
}

export function parseMesh(ctx: ParseContext): MeshConfig {
  const raw = readObject(ctx, "ecommerce:mesh", MESH_SPEC);
  const hosts =
    raw.get("hosts") === undefined
      ? undefined
      : list(raw, "hosts", {
          accepts: (h) => HOSTNAME.test(h),
          what: "host names, e.g. [api.shop.example.com]",
          default: [],
        });
  const tracing = parseTracing(raw);
  const https = /^https:\/\/[^\s]+$/;
  const issuer = raw.get("jwtIssuer");
  const jwks = raw.get("jwksUri");
  if ((issuer === undefined) !== (jwks === undefined)) {
    raw.add(
      issuer === undefined ? "jwtIssuer" : "jwksUri",
      "is required with the other: set both jwtIssuer and jwksUri, or neither",
    );
    return { hosts, tracing };
  }
  if (issuer === undefined) return { hosts, tracing };
  const ok =
    typeof issuer === "string" &&
    https.test(issuer) &&
    typeof jwks === "string" &&
    https.test(jwks);
  if (!ok) {
    raw.add(
      "jwtIssuer",
      "jwtIssuer and jwksUri must be https:// URLs, e.g. https://cognito-idp.ap-south-1.amazonaws.com/<pool-id>",
    );
    return { hosts, tracing };
  }
  return { hosts, tracing, jwt: { issuer: issuer as string, jwksUri: jwks as string } };
}
