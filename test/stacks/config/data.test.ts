import { expect } from "chai";
import { Raw, boundTests, rejectTests, parse, primaryRaw, standbyRaw } from "./fixtures";

describe("stacks/config/data (ecommerce:data)", () => {
  it("defaults: two Graviton Aurora instances on 16.4 with 14 days of backups, two Valkey 8.0 nodes, five receives", () => {
    for (const raw of [primaryRaw, standbyRaw]) {
      expect(parse(raw).data).to.deep.equal({
        aurora: {
          instanceClass: "db.r7g.large",
          instances: 2,
          engineVersion: "16.4",
          backupDays: 14,
        },
        cache: { nodeType: "cache.r7g.large", nodes: 2, engineVersion: "8.0" },
        queues: { maxReceiveCount: 5 },
      });
    }
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

  describe("bounds, on both sides", () => {
    for (const [title, run] of boundTests([
      {
        key: "ecommerce:data.aurora.instances",
        label: "primary",
        min: 2,
        max: 15,
        read: (c) => c.data.aurora.instances,
        why: " (the primary needs at least 2 for a failover target in another AZ)",
      },
      {
        key: "ecommerce:data.aurora.instances",
        label: "standby",
        base: standbyRaw,
        min: 1,
        max: 15,
        read: (c) => c.data.aurora.instances,
      },
      {
        key: "ecommerce:data.aurora.backupDays",
        min: 1,
        max: 35,
        read: (c) => c.data.aurora.backupDays,
      },
      {
        key: "ecommerce:data.aurora.maxRpoSeconds",
        min: 20,
        max: 2147483647,
        read: (c) => c.data.aurora.maxRpoSeconds,
      },
      {
        key: "ecommerce:data.cache.nodes",
        min: 2,
        max: 6,
        read: (c) => c.data.cache.nodes,
        why: " (Multi-AZ failover needs a replica)",
      },
      {
        key: "ecommerce:data.queues.maxReceiveCount",
        min: 1,
        max: 1000,
        read: (c) => c.data.queues.maxReceiveCount,
      },
    ]))
      it(title, run);

    it("accepts Valkey 7.2, refuses 7.1", () => {
      const cache = (engineVersion: string): Raw => ({
        ...primaryRaw,
        "ecommerce:data": { cache: { engineVersion } },
      });
      expect(parse(cache("7.2")).data.cache.engineVersion).to.equal("7.2");
      expect(() => parse(cache("7.1"))).to.throw(
        /ecommerce:data.cache.engineVersion: 7.1 is not accepted; the services' IAM-authenticated Valkey users need Valkey 7.2 or later/,
      );
    });
  });

  describe("bad configs name the key and what is accepted", () => {
    for (const [title, run] of rejectTests([
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
    ]))
      it(title, run);
  });
});
