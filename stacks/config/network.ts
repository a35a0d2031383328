/** `ecommerce:network`: the VPC's CIDR, its AZs, NAT gateways and flow-log retention. */
import {
  MAX_AZS,
  MAX_VPC_PREFIX,
  MIN_VPC_PREFIX,
  formatCidr,
  tryParseCidr,
} from "../../components/network/cidr";
import { Role } from "./common";
import { DrMode } from "./dr";
import { ParseContext, asInteger, oneOf, readObject, retention } from "./readers";
import { KeySpec } from "./spec";

export type NatGatewayMode = "perAz" | "single";
export const NAT_GATEWAY_MODES: readonly NatGatewayMode[] = ["perAz", "single"];

export const NETWORK_DEFAULTS = {
  azCount: 3,
  flowLogRetentionDays: 365,
};

export const NETWORK_SPEC = {
  keys: {
    cidr: {
      type: "string",
      defaultText: "— (required)",
      doc: "IPv4 CIDR `/16`–`/20`, no host bits; the standby's must not overlap the primary's",
    },
    azCount: {
      type: "int",
      default: NETWORK_DEFAULTS.azCount,
      doc: "`2`–`6` (`3`–`6` for the primary)",
    },
    availabilityZones: {
      type: "list",
      defaultText: "`<region>a, b, c`",
      doc: "AZ names in the stack's region; at least `azCount` (required above 3); the first `azCount` are used",
    },
    natGateways: {
      type: "string",
      defaultText:
        "primary: `perAz`; standby: `single` in `standby` mode, `perAz` in `drill`/`failover`",
      doc: "`perAz` \\| `single`",
    },
    flowLogRetentionDays: {
      type: "int",
      default: NETWORK_DEFAULTS.flowLogRetentionDays,
      doc: "retention of the VPC flow-log group, days: a CloudWatch retention value ≥ 90",
    },
  },
} as const satisfies KeySpec;

export interface NetworkConfig {
  /** VPC CIDR, /16–/20. */
  cidr: string;
  /** Number of AZs used, 2–6 (3–6 for the primary). */
  azCount: number;
  /** Exactly `azCount` AZ names in the stack's region. */
  availabilityZones: string[];
  /** `perAz` (default for the primary and for a standby in drill/failover) or `single`. */
  natGateways: NatGatewayMode;
  /** Retention of the VPC flow-log group, days (a CloudWatch-accepted value). */
  flowLogRetentionDays: number;
}

export function parseNetwork(
  ctx: ParseContext & {
    region: string | undefined;
    role: Role | undefined;
    mode: DrMode | undefined;
  },
): NetworkConfig {
  const { region, role, mode } = ctx;
  const raw = readObject(ctx, "ecommerce:network", NETWORK_SPEC);

  let cidr = "";
  const cidrRaw = raw.get("cidr");
  if (typeof cidrRaw !== "string") {
    raw.add(
      "cidr",
      `is required; use an IPv4 CIDR from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}, e.g. 10.10.0.0/16`,
    );
  } else {
    const parsed = tryParseCidr(cidrRaw);
    if (!parsed) {
      raw.add(
        "cidr",
        `"${cidrRaw}" is not a valid IPv4 CIDR; use a.b.c.d/p with no host bits set, e.g. 10.10.0.0/16`,
      );
    } else if (parsed.prefix < MIN_VPC_PREFIX || parsed.prefix > MAX_VPC_PREFIX) {
      raw.add(
        "cidr",
        `"${cidrRaw}" has prefix /${parsed.prefix}; accepted prefixes are /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}`,
      );
    } else {
      cidr = formatCidr(parsed);
    }
  }

  const minAz = role === "primary" ? 3 : 2;
  let azCount: number = NETWORK_DEFAULTS.azCount;
  const azCountRaw = raw.get("azCount");
  if (azCountRaw !== undefined) {
    const n = asInteger(azCountRaw);
    if (n === undefined || n < minAz || n > MAX_AZS) {
      const why = role === "primary" ? " (the primary needs at least 3 AZs)" : "";
      raw.add(
        "azCount",
        `${JSON.stringify(azCountRaw)} is not accepted; use an integer from ${minAz} to ${MAX_AZS}${why}`,
      );
    } else {
      azCount = n;
    }
  }

  let availabilityZones: string[] = [];
  const zonesRaw = raw.get("availabilityZones");
  if (region !== undefined) {
    if (zonesRaw === undefined) {
      if (azCount > 3) {
        raw.add(
          "availabilityZones",
          `is required when azCount is above 3: list ${azCount} AZ names of ${region} (not every region has a fourth AZ)`,
        );
      }
      // Every commercial region has AZs a, b and c; beyond that the names must be listed.
      availabilityZones = Array.from(
        { length: azCount },
        (_, i) => `${region}${String.fromCharCode(97 + i)}`,
      );
    } else if (!Array.isArray(zonesRaw) || zonesRaw.some((z) => typeof z !== "string")) {
      raw.add(
        "availabilityZones",
        `must be a list of AZ names in ${region}, e.g. [${region}a, ${region}b, ${region}c]`,
      );
    } else {
      const zones = zonesRaw as string[];
      const foreign = zones.filter((z) => !new RegExp(`^${region}[a-z]$`).test(z));
      if (foreign.length > 0) {
        raw.add(
          "availabilityZones",
          `${foreign.join(", ")} ${foreign.length === 1 ? "is" : "are"} not AZ names in ${region}; use names like ${region}a`,
        );
      } else if (new Set(zones).size !== zones.length) {
        raw.add("availabilityZones", `lists an AZ twice; each AZ once`);
      } else if (zones.length < azCount) {
        raw.add(
          "availabilityZones",
          `lists ${zones.length} AZs but azCount is ${azCount}; list at least azCount AZs`,
        );
      } else {
        availabilityZones = zones.slice(0, azCount);
      }
    }
  }

  // A standby at rest saves two NAT gateways; once it takes traffic it needs one per AZ again.
  let natGateways: NatGatewayMode = role === "standby" && mode === "standby" ? "single" : "perAz";
  const natRaw = raw.get("natGateways");
  if (natRaw !== undefined) {
    natGateways =
      oneOf(
        natRaw,
        { accepted: NAT_GATEWAY_MODES, key: "ecommerce:network.natGateways" },
        ctx.problems,
      ) ?? natGateways;
  }

  const flowLogRetentionDays = retention(raw, "flowLogRetentionDays", {
    default: NETWORK_DEFAULTS.flowLogRetentionDays,
  });

  return { cidr, azCount, availabilityZones, natGateways, flowLogRetentionDays };
}
