/**
 * `ecommerce:cluster`: the EKS cluster's version and add-ons, system nodes, capacity levels and
 * Karpenter. Who may reach the cluster (admin roles, endpoint CIDRs, operator paths, the deploy
 * runner) is read in clusterAccess.ts.
 */
import { AddonVersions } from "../../components/cluster/addons";
import { CapacityConfig, CapacityProfile, Scaling } from "../../components/cluster/capacity";
import { OperatorSource } from "../../components/cluster/operatorAccess";
import { CLUSTER_ACCESS_SPEC, RunnerConfig, readAccess, readRunner } from "./clusterAccess";
import { ParseContext, RawSection, int, list, readObject, section, text } from "./readers";
import { KeySpec } from "./spec";

export { RunnerConfig } from "./clusterAccess";

/**
 * Kubernetes versions this program is tested against that EKS still creates clusters on (standard
 * or extended support; 1.31's extended support ended on 26 November 2026). A version in extended
 * support costs more per cluster-hour: move on with `ecommerce:cluster.version` and the add-on
 * builds below.
 */
export const SUPPORTED_KUBERNETES_VERSIONS = ["1.32", "1.33", "1.34"];

export const CLUSTER_DEFAULTS = {
  version: "1.33",
  // EKS add-on builds for Kubernetes 1.33; `aws eks describe-addon-versions` lists newer ones.
  addonVersions: {
    vpcCni: "v1.19.5-eksbuild.1",
    coredns: "v1.12.1-eksbuild.2",
    kubeProxy: "v1.33.0-eksbuild.2",
    podIdentityAgent: "v1.3.7-eksbuild.2",
    ebsCsiDriver: "v1.44.0-eksbuild.1",
  } as AddonVersions,
  systemInstanceTypes: ["m7g.large", "m7g.xlarge"],
  capacity: {
    full: { system: { min: 3, desired: 3, max: 6 }, karpenter: { cpu: 256, memoryGiB: 1024 } },
    // Floors only: a resting standby's ceilings are the full level's (components/cluster/capacity.ts).
    reduced: { system: { min: 2, desired: 2 } },
  } as CapacityConfig,
  karpenter: {
    capacityTypes: ["on-demand", "spot"],
    architectures: ["arm64"],
    amiAlias: "al2023@latest",
  },
};

const d = CLUSTER_DEFAULTS;

/** Two system nodes at least, in any posture: critical add-ons must survive one node's loss. */
const MIN_SYSTEM_NODES = 2;

const nodes = (value: number, doc: string): KeySpec => ({
  type: "int",
  default: value,
  doc: `\`${MIN_SYSTEM_NODES}\`–\`100\` system nodes, min ≤ desired ≤ max: ${doc}`,
});

export const CLUSTER_SPEC = {
  keys: {
    version: {
      type: "string",
      default: d.version,
      doc: SUPPORTED_KUBERNETES_VERSIONS.map((v) => `\`${v}\``).join(" \\| "),
    },
    addonVersions: {
      keys: Object.fromEntries(
        Object.entries(d.addonVersions).map(([addon, version]) => [
          addon,
          {
            type: "string",
            default: version,
            doc: `the \`${addon}\` EKS add-on build, \`vX.Y.Z-eksbuild.N\` (the default is a build for Kubernetes 1.33); list them with \`aws eks describe-addon-versions\``,
          },
        ]),
      ) as Record<keyof AddonVersions, KeySpec>,
    },
    systemInstanceTypes: {
      type: "list",
      default: d.systemInstanceTypes,
      doc: "Graviton instance types of the system node group",
    },
    capacity: {
      keys: {
        full: {
          keys: {
            system: {
              keys: {
                min: nodes(d.capacity.full.system.min, "the floor while serving traffic"),
                desired: nodes(d.capacity.full.system.desired, "the count while serving traffic"),
                max: nodes(d.capacity.full.system.max, "the ceiling, in every DR mode"),
              },
            },
            karpenter: {
              keys: {
                cpu: {
                  type: "int",
                  default: d.capacity.full.karpenter.cpu,
                  doc: "NodePool CPU limit, `1`–`100000` vCPUs, the same in every DR mode (ceilings never wait for `pulumi up`)",
                },
                memoryGiB: {
                  type: "int",
                  default: d.capacity.full.karpenter.memoryGiB,
                  doc: "NodePool memory limit, `1`–`1000000` GiB, the same in every DR mode",
                },
              },
            },
          },
        },
        reduced: {
          keys: {
            system: {
              keys: {
                min: nodes(
                  d.capacity.reduced.system.min,
                  "the resting standby's floor (its `max` stays the full level's)",
                ),
                desired: nodes(d.capacity.reduced.system.desired, "the resting standby's count"),
              },
            },
          },
        },
      },
    },
    karpenter: {
      keys: {
        capacityTypes: {
          type: "list",
          default: d.karpenter.capacityTypes,
          doc: "a non-empty subset of `on-demand`, `spot`",
        },
        architectures: {
          type: "list",
          default: d.karpenter.architectures,
          doc: "a non-empty subset of `arm64`, `amd64`",
        },
        amiAlias: {
          type: "string",
          default: d.karpenter.amiAlias,
          doc: "`al2023@…` or `bottlerocket@…`; pin a release (`al2023@v2025…`) to control node AMI rollouts",
        },
      },
    },
    ...CLUSTER_ACCESS_SPEC,
  },
} as const satisfies KeySpec;

export interface ClusterConfig {
  version: string;
  addonVersions: AddonVersions;
  systemInstanceTypes: string[];
  capacity: CapacityConfig;
  karpenter: { capacityTypes: string[]; architectures: string[]; amiAlias: string };
  /** IAM role ARNs granted cluster admin through access entries (never the deploy role). */
  adminRoleArns: string[];
  publicAccessCidrs: string[];
  /**
   * The role `pulumi up` runs as: it creates the cluster and holds admin through EKS's
   * creator bootstrap, so it may not also have an access entry. Optional; README "Deploying".
   */
  deployRoleArn?: string;
  /** VPN/bastion CIDRs and security groups admitted to the private API endpoint on 443. */
  operatorAccess: OperatorSource[];
  /** A Route 53 Resolver inbound endpoint for the operator paths (VPN DNS forwarding). */
  resolverEndpoint: boolean;
  /** The region's deploy runner (a CodeBuild-hosted GitHub Actions runner); none when unset. */
  runner?: RunnerConfig;
}

const ADDON_VERSION = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;
/** Graviton families carry a "g" after the generation: m7g, c7gn, r8g. */
const GRAVITON_TYPE = /^[a-z]+\d+g[a-z]*\.[a-z0-9]+$/;
const AMI_ALIAS = /^(al2023|bottlerocket)@(latest|v\d+(\.\d+)*)$/;

/** A level's system node floors: `min` and `desired`, each `MIN_SYSTEM_NODES`–100. */
function readFloors(system: RawSection, fallback: Omit<Scaling, "max">): Omit<Scaling, "max"> {
  const bounds = { min: MIN_SYSTEM_NODES, max: 100 };
  const min = int(system, "min", { ...bounds, default: fallback.min });
  const desired = int(system, "desired", { ...bounds, default: fallback.desired });
  return { min, desired };
}

function checkOrder(s: Scaling, at: RawSection): void {
  if (!(s.min <= s.desired && s.desired <= s.max)) {
    at.problems.add(
      at.key,
      `min ${s.min}, desired ${s.desired}, max ${s.max}: need min <= desired <= max`,
    );
  }
}

/**
 * `capacity.full` (floors and ceilings) and `capacity.reduced` (a resting standby's floors: its
 * ceilings are full's, so it scales up without a `pulumi up`).
 */
function readCapacity(raw: RawSection): CapacityConfig {
  const fallback = d.capacity;
  const fullRaw = section(raw, "full");
  const system = section(fullRaw, "system");
  const karpenter = section(fullRaw, "karpenter");
  const full: CapacityProfile = {
    system: {
      ...readFloors(system, fallback.full.system),
      max: int(system, "max", {
        min: MIN_SYSTEM_NODES,
        max: 100,
        default: fallback.full.system.max,
      }),
    },
    karpenter: {
      cpu: int(karpenter, "cpu", { min: 1, max: 100000, default: fallback.full.karpenter.cpu }),
      memoryGiB: int(karpenter, "memoryGiB", {
        min: 1,
        max: 1000000,
        default: fallback.full.karpenter.memoryGiB,
      }),
    },
  };
  checkOrder(full.system, system);
  // Only floors: a reduced ceiling (system.max, karpenter) is refused as an unknown key.
  const reducedRaw = section(raw, "reduced");
  const reducedSystem = section(reducedRaw, "system");
  const reduced = { system: readFloors(reducedSystem, fallback.reduced.system) };
  checkOrder({ ...reduced.system, max: full.system.max }, reducedSystem);
  return { full, reduced };
}

export function parseCluster(ctx: ParseContext): ClusterConfig {
  const raw = readObject(ctx, "ecommerce:cluster", CLUSTER_SPEC);

  let version: string = d.version;
  const versionRaw = raw.get("version");
  if (versionRaw !== undefined) {
    if (typeof versionRaw !== "string" || !SUPPORTED_KUBERNETES_VERSIONS.includes(versionRaw)) {
      raw.add(
        "version",
        `${JSON.stringify(versionRaw)} is not a supported Kubernetes version; use one of ${SUPPORTED_KUBERNETES_VERSIONS.join(" | ")}`,
      );
    } else {
      version = versionRaw;
    }
  }
  const addonKeys = Object.keys(d.addonVersions) as (keyof AddonVersions)[];
  const addonRaw = section(raw, "addonVersions");
  const addonVersions = Object.fromEntries(
    addonKeys.map((k) => [
      k,
      text(addonRaw, k, {
        pattern: ADDON_VERSION,
        example: d.addonVersions[k],
        default: d.addonVersions[k],
      }),
    ]),
  ) as unknown as AddonVersions;

  const capacityRaw = section(raw, "capacity");
  const karpenter = section(raw, "karpenter");
  return {
    version,
    addonVersions,
    systemInstanceTypes: list(raw, "systemInstanceTypes", {
      accepts: (t) => GRAVITON_TYPE.test(t),
      what: "Graviton instance types, e.g. [m7g.large, m7g.xlarge]",
      default: [...d.systemInstanceTypes],
    }),
    capacity: readCapacity(capacityRaw),
    karpenter: {
      capacityTypes: list(karpenter, "capacityTypes", {
        accepts: (v) => ["on-demand", "spot"].includes(v),
        what: "a non-empty subset of [on-demand, spot]",
        default: [...d.karpenter.capacityTypes],
      }),
      architectures: list(karpenter, "architectures", {
        accepts: (v) => ["arm64", "amd64"].includes(v),
        what: "a non-empty subset of [arm64, amd64]",
        default: [...d.karpenter.architectures],
      }),
      amiAlias: text(karpenter, "amiAlias", {
        pattern: AMI_ALIAS,
        example: "al2023@latest or al2023@v20251117",
        default: d.karpenter.amiAlias,
      }),
    },
    ...readAccess(raw),
    runner: readRunner(raw),
  };
}
