import { expect } from "chai";
import { Raw, boundTests, rejectTests, parse, primaryRaw, standbyRaw } from "./fixtures";

const capacity = (c: Raw): Raw => ({ ...standbyRaw, "ecommerce:cluster": { capacity: c } });

describe("stacks/config/cluster (ecommerce:cluster)", () => {
  it("defaults: Kubernetes 1.33 with its add-on builds, Graviton system nodes 3/3/6 (2/2 at rest), Karpenter on AL2023", () => {
    for (const raw of [primaryRaw, standbyRaw]) {
      expect(parse(raw).cluster).to.deep.equal({
        version: "1.33",
        addonVersions: {
          vpcCni: "v1.19.5-eksbuild.1",
          coredns: "v1.12.1-eksbuild.2",
          kubeProxy: "v1.33.0-eksbuild.2",
          podIdentityAgent: "v1.3.7-eksbuild.2",
          ebsCsiDriver: "v1.44.0-eksbuild.1",
        },
        systemInstanceTypes: ["m7g.large", "m7g.xlarge"],
        capacity: {
          full: {
            system: { min: 3, desired: 3, max: 6 },
            karpenter: { cpu: 256, memoryGiB: 1024 },
          },
          reduced: { system: { min: 2, desired: 2 } },
        },
        karpenter: {
          capacityTypes: ["on-demand", "spot"],
          architectures: ["arm64"],
          amiAlias: "al2023@latest",
        },
        adminRoleArns: [],
        publicAccessCidrs: [],
        deployRoleArn: undefined,
        operatorAccess: [],
        resolverEndpoint: false,
        runner: undefined,
      });
    }
  });

  describe("bounds, on both sides", () => {
    const full = (system: Raw) => capacity({ full: { system } });
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:cluster.capacity.full.system.min",
        base: full({ desired: 100, max: 100 }),
        min: 2,
        max: 100,
        read: (c) => c.cluster.capacity.full.system.min,
      },
      {
        key: "ecommerce:cluster.capacity.full.system.desired",
        base: full({ min: 2, max: 100 }),
        min: 2,
        max: 100,
        read: (c) => c.cluster.capacity.full.system.desired,
      },
      {
        key: "ecommerce:cluster.capacity.full.system.max",
        base: capacity({
          full: { system: { min: 2, desired: 2 } },
          reduced: { system: { min: 2, desired: 2 } },
        }),
        min: 2,
        max: 100,
        read: (c) => c.cluster.capacity.full.system.max,
      },
      {
        key: "ecommerce:cluster.capacity.reduced.system.min",
        base: capacity({ full: { system: { max: 100 } }, reduced: { system: { desired: 100 } } }),
        min: 2,
        max: 100,
        read: (c) => c.cluster.capacity.reduced.system.min,
      },
      {
        key: "ecommerce:cluster.capacity.reduced.system.desired",
        base: capacity({ full: { system: { max: 100 } }, reduced: { system: { min: 2 } } }),
        min: 2,
        max: 100,
        read: (c) => c.cluster.capacity.reduced.system.desired,
      },
      {
        key: "ecommerce:cluster.capacity.full.karpenter.cpu",
        min: 1,
        max: 100000,
        read: (c) => c.cluster.capacity.full.karpenter.cpu,
      },
      {
        key: "ecommerce:cluster.capacity.full.karpenter.memoryGiB",
        min: 1,
        max: 1000000,
        read: (c) => c.cluster.capacity.full.karpenter.memoryGiB,
      },
    ]))
      it(title, run);

    it("accepts min = desired = max, refuses desired one above max", () => {
      expect(
        parse(capacity({ full: { system: { min: 4, desired: 4, max: 4 } } })).cluster.capacity.full
          .system,
      ).to.deep.equal({ min: 4, desired: 4, max: 4 });
      expect(() => parse(capacity({ full: { system: { min: 4, desired: 5, max: 4 } } }))).to.throw(
        /ecommerce:cluster.capacity.full.system: min 4, desired 5, max 4: need min <= desired <= max/,
      );
    });

    it("accepts every supported Kubernetes version, refuses the ones either side", () => {
      for (const version of ["1.32", "1.34"]) {
        expect(parse({ ...primaryRaw, "ecommerce:cluster": { version } }).cluster.version).to.equal(
          version,
        );
      }
      // 1.31: EKS no longer creates clusters on it (its extended support has ended).
      for (const version of ["1.31", "1.35"]) {
        expect(() => parse({ ...primaryRaw, "ecommerce:cluster": { version } })).to.throw(
          new RegExp(
            `ecommerce:cluster.version: "${version}" is not a supported Kubernetes version`,
          ),
        );
      }
    });
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
      [
        "public endpoint open to the world",
        { ...primaryRaw, "ecommerce:cluster": { publicAccessCidrs: ["0.0.0.0/0"] } },
        /^ecommerce:cluster.publicAccessCidrs: \["0.0.0.0\/0"\] is not accepted; use operator CIDRs no wider than \/8 \(never 0.0.0.0\/0\)/,
      ],
      [
        "unsupported Kubernetes version",
        { ...primaryRaw, "ecommerce:cluster": { version: "1.25" } },
        /^ecommerce:cluster.version: "1.25" is not a supported Kubernetes version; use one of 1.32 \| 1.33 \| 1.34/,
      ],
      [
        "system min above max",
        {
          ...primaryRaw,
          "ecommerce:cluster": { capacity: { full: { system: { min: 5, desired: 5, max: 4 } } } },
        },
        /^ecommerce:cluster.capacity.full.system: min 5, desired 5, max 4: need min <= desired <= max/,
      ],
      [
        "one system node at rest",
        { ...standbyRaw, "ecommerce:cluster": { capacity: { reduced: { system: { min: 1 } } } } },
        /^ecommerce:cluster.capacity.reduced.system.min: 1 is not accepted; use an integer from 2 to 100/,
      ],
      [
        "a ceiling at rest (the standby's ceilings are production size)",
        {
          ...standbyRaw,
          "ecommerce:cluster": { capacity: { reduced: { karpenter: { cpu: 16 } } } },
        },
        /^ecommerce:cluster.capacity.reduced.karpenter: unknown key; accepted keys: system/,
      ],
      [
        "a system max at rest",
        { ...standbyRaw, "ecommerce:cluster": { capacity: { reduced: { system: { max: 3 } } } } },
        /^ecommerce:cluster.capacity.reduced.system.max: unknown key; accepted keys: min, desired/,
      ],
      [
        "resting floor above the production ceiling",
        {
          ...standbyRaw,
          "ecommerce:cluster": { capacity: { reduced: { system: { min: 7, desired: 7 } } } },
        },
        /^ecommerce:cluster.capacity.reduced.system: min 7, desired 7, max 6: need min <= desired <= max/,
      ],
      [
        "x86 system instance type",
        { ...primaryRaw, "ecommerce:cluster": { systemInstanceTypes: ["m7i.large"] } },
        /^ecommerce:cluster.systemInstanceTypes: \["m7i.large"\] is not accepted; use Graviton instance types/,
      ],
      [
        "unknown capacity type",
        { ...primaryRaw, "ecommerce:cluster": { karpenter: { capacityTypes: ["reserved"] } } },
        /^ecommerce:cluster.karpenter.capacityTypes: \["reserved"\] is not accepted; use a non-empty subset of \[on-demand, spot\]/,
      ],
      [
        "add-on version format",
        { ...primaryRaw, "ecommerce:cluster": { addonVersions: { coredns: "latest" } } },
        /^ecommerce:cluster.addonVersions.coredns: "latest" is not accepted; use a value like v1.12.1-eksbuild.2/,
      ],
      [
        "admin that is not a role ARN",
        { ...primaryRaw, "ecommerce:cluster": { adminRoleArns: ["admin"] } },
        /^ecommerce:cluster.adminRoleArns: \["admin"\] is not accepted; use IAM role ARNs/,
      ],
      [
        "unknown cluster key",
        { ...primaryRaw, "ecommerce:cluster": { verison: "1.33" } },
        /^ecommerce:cluster.verison: unknown key/,
      ],
    ]))
      it(title, run);
  });
});
