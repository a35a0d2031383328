import { expect } from "chai";
import {
  ConfigError,
  NETWORK_DEFAULTS,
  ECOMMERCE_KEYS,
  assertNoOverlapWithPrimary,
  assertReplicatedHere,
} from "../../stacks/config";
import { nearest } from "../../stacks/config/readers";
import { Raw, parse, primaryRaw, problemsOf, standbyRaw } from "./config/fixtures";

function withNetwork(base: Raw, network: Raw): Raw {
  return { ...base, "ecommerce:network": { ...(base["ecommerce:network"] as Raw), ...network } };
}

describe("stacks/config", () => {
  describe("unknown ecommerce: keys", () => {
    it("names a misspelled section and the nearest known key", () => {
      expect(
        problemsOf({ ...primaryRaw, "ecommerce:netwrok": { cidr: "10.30.0.0/16" } }),
      ).to.deep.equal([
        "ecommerce:netwrok: is not a key of this program; did you mean ecommerce:network? The ecommerce: keys are role, protect, network, data, cluster, mesh, services, edge, dr, observability, governance",
      ]);
    });

    it("names a key with no near neighbour without guessing", () => {
      const [problem] = problemsOf({ ...standbyRaw, "ecommerce:typo": "1" });
      expect(problem).to.match(
        /^ecommerce:typo: is not a key of this program\. The ecommerce: keys are role, /,
      );
      expect(problem).to.not.include("did you mean");
    });

    it("leaves other namespaces and every known key alone", () => {
      expect(() =>
        parse({
          ...primaryRaw,
          "aws:defaultTags": { tags: { project: "ecommerce-platform" } },
          "ecommerce:protect": "true",
        }),
      ).to.not.throw();
    });

    it("suggests within a small edit distance only", () => {
      const names = ECOMMERCE_KEYS.map((k) => k.slice("ecommerce:".length));
      expect(nearest("servces", names)).to.equal("services");
      expect(nearest("Data", names)).to.equal("data");
      expect(nearest("netwrok", names)).to.equal("network");
      expect(nearest("typo", names)).to.equal(undefined);
      expect(nearest("xyz", names)).to.equal(undefined);
    });
  });

  describe("valid configs", () => {
    it("parses the primary with defaults filled in", () => {
      const cfg = parse(primaryRaw);
      expect(cfg.role).to.equal("primary");
      expect(cfg.region).to.equal("ap-south-1");
      expect(cfg.network).to.deep.equal({
        cidr: "10.10.0.0/16",
        azCount: 3,
        availabilityZones: ["ap-south-1a", "ap-south-1b", "ap-south-1c"],
        natGateways: "perAz",
        flowLogRetentionDays: NETWORK_DEFAULTS.flowLogRetentionDays,
      });
      expect(cfg.protect).to.equal(true);
      expect(cfg.role === "primary" && cfg.dr).to.deep.equal({ drill: false, replicaRegions: [] });
      expect(cfg.data).to.deep.equal({
        aurora: {
          instanceClass: "db.r7g.large",
          instances: 2,
          engineVersion: "16.4",
          backupDays: 14,
        },
        cache: { nodeType: "cache.r7g.large", nodes: 2, engineVersion: "8.0" },
        queues: { maxReceiveCount: 5 },
      });
    });

    it("gives a resting standby a single NAT gateway and a failed-over one a NAT per AZ", () => {
      const resting = parse(standbyRaw);
      expect(resting.role === "standby" && resting.dr.mode).to.equal("standby");
      expect(resting.network.natGateways).to.equal("single");
      const failover = parse({
        ...standbyRaw,
        "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), mode: "failover" },
      });
      expect(failover.network.natGateways).to.equal("perAz");
    });

    it("accepts the string forms `pulumi config set --path` stores", () => {
      const cfg = parse({
        ...withNetwork(primaryRaw, {
          azCount: "4",
          availabilityZones: ["ap-south-1a", "ap-south-1b", "ap-south-1c", "ap-south-1d"],
        }),
        "ecommerce:protect": "false",
        "ecommerce:dr": { drill: "true" },
      });
      expect(cfg.network.azCount).to.equal(4);
      expect(cfg.protect).to.equal(false);
      expect(cfg.role === "primary" && cfg.dr.drill).to.equal(true);
    });

    it("reads the enforced Aurora RPO on the primary, from a number or `--path`'s string", () => {
      for (const value of [20, "300", 2147483647]) {
        const cfg = parse({
          ...primaryRaw,
          "ecommerce:data": { aurora: { maxRpoSeconds: value } },
        });
        expect(cfg.data.aurora.maxRpoSeconds).to.equal(Number(value));
      }
    });

    it("uses the first azCount of a longer AZ list", () => {
      const cfg = parse(
        withNetwork(primaryRaw, {
          availabilityZones: ["ap-south-1c", "ap-south-1a", "ap-south-1b"],
          azCount: 3,
        }),
      );
      expect(cfg.network.availabilityZones).to.deep.equal([
        "ap-south-1c",
        "ap-south-1a",
        "ap-south-1b",
      ]);
    });
  });

  describe("bad configs name the key and what is accepted", () => {
    const cases: [string, Raw, RegExp][] = [
      [
        "missing aws:region",
        { ...primaryRaw, "aws:region": undefined },
        /^aws:region: is required; set the stack's AWS region/,
      ],
      [
        "malformed aws:region",
        { ...primaryRaw, "aws:region": "mumbai" },
        /^aws:region: "mumbai" is not an AWS region name/,
      ],
      [
        "unknown role",
        { ...primaryRaw, "ecommerce:role": "secondary" },
        /^ecommerce:role: "secondary" is not accepted; use one of primary \| standby/,
      ],
      [
        "missing role",
        { ...primaryRaw, "ecommerce:role": undefined },
        /^ecommerce:role: is required; use one of primary \| standby/,
      ],
      [
        "bad CIDR",
        withNetwork(primaryRaw, { cidr: "10.10.0/16" }),
        /^ecommerce:network.cidr: "10.10.0\/16" is not a valid IPv4 CIDR/,
      ],
      [
        "CIDR with host bits",
        withNetwork(primaryRaw, { cidr: "10.10.1.0/16" }),
        /^ecommerce:network.cidr: "10.10.1.0\/16" is not a valid IPv4 CIDR; use a.b.c.d\/p with no host bits set/,
      ],
      [
        "prefix too large",
        withNetwork(primaryRaw, { cidr: "10.0.0.0/8" }),
        /^ecommerce:network.cidr: "10.0.0.0\/8" has prefix \/8; accepted prefixes are \/16 to \/20/,
      ],
      [
        "prefix too small",
        withNetwork(primaryRaw, { cidr: "10.10.0.0/24" }),
        /has prefix \/24; accepted prefixes are \/16 to \/20/,
      ],
      [
        "missing CIDR",
        { ...primaryRaw, "ecommerce:network": { azCount: 3 } },
        /^ecommerce:network.cidr: is required/,
      ],
      [
        "azCount above 6",
        withNetwork(primaryRaw, { azCount: 7 }),
        /^ecommerce:network.azCount: 7 is not accepted; use an integer from 3 to 6/,
      ],
      [
        "primary with 2 AZs",
        withNetwork(primaryRaw, { azCount: 2 }),
        /^ecommerce:network.azCount: 2 is not accepted; use an integer from 3 to 6 \(the primary needs at least 3 AZs\)/,
      ],
      [
        "standby with 1 AZ",
        withNetwork(standbyRaw, { azCount: 1 }),
        /^ecommerce:network.azCount: 1 is not accepted; use an integer from 2 to 6/,
      ],
      [
        "AZ outside the region",
        withNetwork(primaryRaw, {
          availabilityZones: ["ap-south-1a", "ap-southeast-1b", "ap-south-1c"],
        }),
        /^ecommerce:network.availabilityZones: ap-southeast-1b is not AZ names in ap-south-1/,
      ],
      [
        "fewer AZs than azCount",
        withNetwork(primaryRaw, { availabilityZones: ["ap-south-1a", "ap-south-1b"] }),
        /^ecommerce:network.availabilityZones: lists 2 AZs but azCount is 3/,
      ],
      [
        "duplicate AZ",
        withNetwork(primaryRaw, {
          availabilityZones: ["ap-south-1a", "ap-south-1a", "ap-south-1b"],
        }),
        /lists an AZ twice/,
      ],
      [
        "four AZs without their names",
        withNetwork(primaryRaw, { azCount: 4 }),
        /^ecommerce:network.availabilityZones: is required when azCount is above 3: list 4 AZ names of ap-south-1/,
      ],
      [
        "unknown NAT mode",
        withNetwork(primaryRaw, { natGateways: "none" }),
        /^ecommerce:network.natGateways: "none" is not accepted; use one of perAz \| single/,
      ],
      [
        "flow-log retention CloudWatch rejects",
        withNetwork(primaryRaw, { flowLogRetentionDays: 100 }),
        /^ecommerce:network.flowLogRetentionDays: 100 is not accepted; use a CloudWatch retention of at least 90 days/,
      ],
      [
        "unknown network key",
        withNetwork(primaryRaw, { azcount: 3 }),
        /^ecommerce:network.azcount: unknown key; accepted keys: cidr, azCount/,
      ],
      [
        "unknown DR mode",
        {
          ...standbyRaw,
          "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), mode: "active" },
        },
        /^ecommerce:dr.mode: "active" is not accepted; use one of standby \| drill \| failover/,
      ],
      [
        "standby without primaryStack",
        { ...standbyRaw, "ecommerce:dr": { mode: "standby" } },
        /^ecommerce:dr.primaryStack: is required for a standby/,
      ],
      [
        "primaryStack not fully qualified",
        { ...standbyRaw, "ecommerce:dr": { primaryStack: "prod-mumbai" } },
        /^ecommerce:dr.primaryStack: "prod-mumbai" is not accepted; use org\/project\/stack/,
      ],
      [
        "primary with a mode",
        { ...primaryRaw, "ecommerce:dr": { mode: "failover" } },
        /^ecommerce:dr.mode: is for the standby only/,
      ],
      [
        "standby with the drill flag",
        { ...standbyRaw, "ecommerce:dr": { ...(standbyRaw["ecommerce:dr"] as Raw), drill: true } },
        /^ecommerce:dr.drill: is for the primary only; on the standby use ecommerce:dr.mode/,
      ],
      [
        "non-boolean drill",
        { ...primaryRaw, "ecommerce:dr": { drill: "yes" } },
        /^ecommerce:dr.drill: "yes" is not accepted; use true \| false/,
      ],
      [
        "non-boolean protect",
        { ...primaryRaw, "ecommerce:protect": "maybe" },
        /^ecommerce:protect: "maybe" is not accepted; use true \| false/,
      ],
      [
        "network not an object",
        { ...primaryRaw, "ecommerce:network": "10.10.0.0/16" },
        /^ecommerce:network: must be an object with the keys cidr, azCount/,
      ],
      [
        "an enforced RPO below Aurora's 20 s minimum",
        { ...primaryRaw, "ecommerce:data": { aurora: { maxRpoSeconds: 19 } } },
        /^ecommerce:data.aurora.maxRpoSeconds: 19 is not accepted; use an integer from 20 to 2147483647/,
      ],
      [
        "an enforced RPO above the parameter's maximum",
        { ...primaryRaw, "ecommerce:data": { aurora: { maxRpoSeconds: 2147483648 } } },
        /^ecommerce:data.aurora.maxRpoSeconds: 2147483648 is not accepted; use an integer from 20/,
      ],
      [
        "a fractional enforced RPO",
        { ...primaryRaw, "ecommerce:data": { aurora: { maxRpoSeconds: 20.5 } } },
        /^ecommerce:data.aurora.maxRpoSeconds: 20.5 is not accepted; use an integer from 20/,
      ],
      [
        "an enforced RPO that is not a number",
        { ...primaryRaw, "ecommerce:data": { aurora: { maxRpoSeconds: "20s" } } },
        /^ecommerce:data.aurora.maxRpoSeconds: "20s" is not accepted; use an integer from 20/,
      ],
      [
        "an enforced RPO on the standby",
        { ...standbyRaw, "ecommerce:data": { aurora: { maxRpoSeconds: 60 } } },
        /^ecommerce:data.aurora.maxRpoSeconds: is set on the primary stack only/,
      ],
      [
        "one Aurora instance in the primary",
        { ...primaryRaw, "ecommerce:data": { aurora: { instances: 1 } } },
        /^ecommerce:data.aurora.instances: 1 is not accepted; use an integer from 2 to 15 \(the primary needs at least 2/,
      ],
      [
        "one cache node",
        { ...standbyRaw, "ecommerce:data": { cache: { nodes: 1 } } },
        /^ecommerce:data.cache.nodes: 1 is not accepted; use an integer from 2 to 6 \(Multi-AZ failover needs a replica\)/,
      ],
      [
        "backups beyond 35 days",
        { ...primaryRaw, "ecommerce:data": { aurora: { backupDays: 40 } } },
        /^ecommerce:data.aurora.backupDays: 40 is not accepted; use an integer from 1 to 35/,
      ],
      [
        "backups of 0 days",
        { ...primaryRaw, "ecommerce:data": { aurora: { backupDays: 0 } } },
        /^ecommerce:data.aurora.backupDays: 0 is not accepted/,
      ],
      [
        "instance class",
        { ...primaryRaw, "ecommerce:data": { aurora: { instanceClass: "r7g.large" } } },
        /^ecommerce:data.aurora.instanceClass: "r7g.large" is not accepted; use a value like db.r7g.large/,
      ],
      [
        "cache node type",
        { ...primaryRaw, "ecommerce:data": { cache: { nodeType: "r7g.large" } } },
        /^ecommerce:data.cache.nodeType: "r7g.large" is not accepted; use a value like cache.r7g.large/,
      ],
      [
        "redrive count",
        { ...primaryRaw, "ecommerce:data": { queues: { maxReceiveCount: 0 } } },
        /^ecommerce:data.queues.maxReceiveCount: 0 is not accepted; use an integer from 1 to 1000/,
      ],
      [
        "unknown data key",
        { ...primaryRaw, "ecommerce:data": { aurora: { instance: 2 } } },
        /^ecommerce:data.aurora.instance: unknown key; accepted keys: instanceClass, instances/,
      ],
      [
        "replica regions on the standby",
        {
          ...standbyRaw,
          "ecommerce:dr": {
            ...(standbyRaw["ecommerce:dr"] as Raw),
            replicaRegions: ["ap-south-1"],
          },
        },
        /^ecommerce:dr.replicaRegions: is for the primary only/,
      ],
      [
        "replica region equal to its own",
        { ...primaryRaw, "ecommerce:dr": { replicaRegions: ["ap-south-1"] } },
        /^ecommerce:dr.replicaRegions: \["ap-south-1"\] is not accepted; use a list of other AWS regions/,
      ],
      [
        "public endpoint open to the world",
        { ...primaryRaw, "ecommerce:cluster": { publicAccessCidrs: ["0.0.0.0/0"] } },
        /^ecommerce:cluster.publicAccessCidrs: \["0.0.0.0\/0"\] is not accepted; use operator CIDRs no wider than \/8 \(never 0.0.0.0\/0\)/,
      ],
      [
        "unsupported Kubernetes version",
        { ...primaryRaw, "ecommerce:cluster": { version: "1.25" } },
        /^ecommerce:cluster.version: "1.25" is not a supported Kubernetes version; use one of 1.31 \| 1.32 \| 1.33 \| 1.34/,
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
      [
        "unknown service",
        { ...primaryRaw, "ecommerce:services": { basket: { replicas: 3 } } },
        /^ecommerce:services.basket: unknown key; accepted keys: product, user, cart, order, payment, inventory, auth/,
      ],
      [
        "canary weight above 100",
        {
          ...primaryRaw,
          "ecommerce:services": {
            cart: { canary: { image: "ghcr.io/acme/cart:2.0.0", weight: 120 } },
          },
        },
        /^ecommerce:services.cart.canary.weight: 120 is not accepted; use an integer from 0 to 100/,
      ],
      [
        "canary without an image",
        { ...primaryRaw, "ecommerce:services": { cart: { canary: { weight: 10 } } } },
        /^ecommerce:services.cart.canary.image: is required; use a pinned image/,
      ],
      [
        "mirror percent below 0",
        {
          ...primaryRaw,
          "ecommerce:services": {
            product: { mirror: { image: "ghcr.io/acme/product:3.0.0", percent: -5 } },
          },
        },
        /^ecommerce:services.product.mirror.percent: -5 is not accepted; use a number from 0 to 100/,
      ],
      [
        "one replica in the primary",
        { ...primaryRaw, "ecommerce:services": { order: { replicas: 1 } } },
        /^ecommerce:services.order.replicas: 1 is not accepted; use an integer from 2 to 100 \(at least 2 while the stack serves traffic\)/,
      ],
      [
        "unpinned image",
        { ...primaryRaw, "ecommerce:services": { user: { image: "ghcr.io/acme/user:latest" } } },
        /^ecommerce:services.user.image: "ghcr.io\/acme\/user:latest" is not accepted; use an image pinned by tag \(not latest\) or digest/,
      ],
      [
        "untagged image",
        { ...primaryRaw, "ecommerce:services": { user: { image: "ghcr.io/acme/user" } } },
        /^ecommerce:services.user.image: "ghcr.io\/acme\/user" is not accepted/,
      ],
      [
        "JWT issuer without JWKS",
        { ...primaryRaw, "ecommerce:mesh": { jwtIssuer: "https://issuer.example.com" } },
        /^ecommerce:mesh.jwksUri: is required with the other/,
      ],
      [
        "plain-HTTP issuer",
        {
          ...primaryRaw,
          "ecommerce:mesh": {
            jwtIssuer: "http://issuer.example.com",
            jwksUri: "http://issuer.example.com/jwks",
          },
        },
        /^ecommerce:mesh.jwtIssuer: jwtIssuer and jwksUri must be https:\/\/ URLs/,
      ],
      [
        "bad gateway host",
        { ...primaryRaw, "ecommerce:mesh": { hosts: ["api..example.com"] } },
        /^ecommerce:mesh.hosts: \["api..example.com"\] is not accepted; use host names/,
      ],
      [
        "health-check interval Route 53 does not offer",
        { ...primaryRaw, "ecommerce:edge": { healthCheck: { intervalSeconds: 20 } } },
        /^ecommerce:edge.healthCheck.intervalSeconds: 20 is not accepted; Route 53 checks every 10 or 30 seconds/,
      ],
      [
        "failover record TTL above 60",
        { ...primaryRaw, "ecommerce:edge": { recordTtlSeconds: 300 } },
        /^ecommerce:edge.recordTtlSeconds: 300 is not accepted; use an integer from 1 to 60 \(a failover record's TTL bounds how fast clients move\)/,
      ],
      [
        "domain that is not a DNS name",
        { ...primaryRaw, "ecommerce:edge": { domain: "Shop Example" } },
        /^ecommerce:edge.domain: "Shop Example" is not accepted; use a lower-case DNS name/,
      ],
      [
        "operator estimate on the primary",
        { ...primaryRaw, "ecommerce:dr": { operatorMinutes: 5 } },
        /^ecommerce:dr.operatorMinutes: is for the standby only/,
      ],
      [
        "primary without a domain",
        { ...primaryRaw, "ecommerce:edge": {} },
        /^ecommerce:edge.domain: is required on the primary; use the shop's DNS name/,
      ],
      [
        "domain on the standby",
        { ...standbyRaw, "ecommerce:edge": { domain: "shop.example.com" } },
        /^ecommerce:edge.domain: is set on the primary only; the standby reads it through the StackReference/,
      ],
      [
        "hosted zone id format",
        { ...primaryRaw, "ecommerce:edge": { domain: "shop.example.com", zoneId: "zone-1" } },
        /^ecommerce:edge.zoneId: "zone-1" is not accepted; use a Route 53 hosted zone id/,
      ],
    ];
    for (const [title, raw, pattern] of cases) {
      it(title, () => {
        const problems = problemsOf(raw);
        expect(
          problems.some((p) => pattern.test(p)),
          problems.join("\n"),
        ).to.equal(true);
      });
    }

    it("reports every problem at once", () => {
      const problems = problemsOf({
        ...withNetwork(primaryRaw, { azCount: 9, natGateways: "x" }),
        "ecommerce:role": "primary",
        "ecommerce:protect": "no",
      });
      expect(problems).to.have.length(3);
      expect(
        (() => {
          try {
            parse({});
          } catch (e) {
            return (e as Error).message;
          }
          return "";
        })(),
      ).to.match(/^Invalid stack configuration:\n  - aws:region/);
    });
  });

  describe("assertReplicatedHere", () => {
    it("accepts a standby region the primary replicates to, rejects one it does not", () => {
      expect(() => assertReplicatedHere("ap-southeast-1", ["ap-southeast-1"])).not.to.throw();
      expect(() => assertReplicatedHere("ap-southeast-1", [])).to.throw(
        ConfigError,
        /ecommerce:dr.replicaRegions \(on the primary stack\): \[\] does not include ap-southeast-1/,
      );
    });
  });

  describe("assertNoOverlapWithPrimary", () => {
    it("accepts disjoint VPCs", () => {
      expect(() => assertNoOverlapWithPrimary("10.20.0.0/16", "10.10.0.0/16")).not.to.throw();
    });

    it("rejects an overlapping standby VPC, naming the key", () => {
      expect(() => assertNoOverlapWithPrimary("10.10.128.0/17", "10.10.0.0/16")).to.throw(
        ConfigError,
        /ecommerce:network.cidr: 10.10.128.0\/17 overlaps the primary's VPC 10.10.0.0\/16/,
      );
    });
  });
});
