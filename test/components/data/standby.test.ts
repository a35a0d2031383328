import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";
import { T, inData, keyArn } from "./fixtures";

const STATEFUL = [
  T.key,
  T.replicaKey,
  T.global,
  T.cluster,
  T.table,
  T.tableReplica,
  T.bucket,
  T.secret,
  T.cache,
];

describe("components/data: the standby, the RPO, DR modes, protect (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  describe("dr-singapore (standby) wired to the primary's synthesized outputs", () => {
    it("replicates the primary's keys (but secrets, replicated by the primary) into Singapore", () => {
      const replicas = ofType(dr, T.replicaKey);
      expect(replicas.map((r) => r.name)).to.have.members([
        "data-database",
        "data-cache",
        "data-messaging",
        "data-logs",
        "data-storage",
      ]);
      const primaryKeys = prod.outputs.keyArns as Record<string, string>;
      for (const r of replicas) {
        const purpose = r.name.replace("data-", "");
        expect(r.inputs.primaryKeyArn).to.equal(primaryKeys[purpose]);
        expect(r.outputs.arn).to.equal(
          primaryKeys[purpose].replace("ap-south-1", "ap-southeast-1"),
        );
        expect(r.protect).to.equal(true);
      }
      expect(ofType(dr, T.key).filter(inData)).to.deep.equal([]);
    });

    it("joins a read-only secondary cluster to the primary's global cluster, encrypted with the replica key", () => {
      const [cluster] = ofType(dr, T.cluster);
      expect(ofType(dr, T.global)).to.deep.equal([]);
      expect(cluster.inputs.globalClusterIdentifier).to.equal(prod.outputs.globalClusterId);
      expect(cluster.inputs.kmsKeyId).to.equal(keyArn(dr, "database"));
      // The global cluster manages the replication source and the membership (a managed
      // switchover or failover must survive pulumi up); upgrades go through its engineVersion.
      expect(cluster.ignoreChanges).to.have.members([
        "engineVersion",
        "replicationSourceIdentifier",
        "globalClusterIdentifier",
        "enableGlobalWriteForwarding",
      ]);
      expect(cluster.inputs).to.not.have.any.keys(
        "masterPassword",
        "masterUsername",
        "enableGlobalWriteForwarding",
      );
      expect(ofType(dr, T.instance)).to.have.length(2);
      expect(dr.outputs.dbSecretArn).to.equal(
        String(prod.outputs.dbSecretArn).replace("ap-south-1", "ap-southeast-1"),
      );
    });

    it("adds this region as a replica of each global table", () => {
      const tableArns = prod.outputs.tableArns as Record<string, string>;
      const replicas = ofType(dr, T.tableReplica);
      expect(replicas.map((r) => r.inputs.globalTableArn)).to.have.members([
        tableArns.carts,
        tableArns.sessions,
      ]);
      for (const r of replicas) {
        expect(r.inputs).to.include({
          kmsKeyArn: keyArn(dr, "database"),
          pointInTimeRecovery: true,
          deletionProtectionEnabled: true,
        });
        expect(r.protect).to.equal(true);
      }
      expect(dr.outputs.tableNames).to.deep.equal(prod.outputs.tableNames);
    });

    it("replicates the primary's buckets into its own with RTC and delete markers, declared in the primary's region", () => {
      const primaryBuckets = prod.outputs.buckets as Record<string, { name: string }>;
      // The inbound direction; the rules back to the primary are in replication.test.ts.
      const configs = ofType(dr, T.replication).filter((c) => !c.name.endsWith("-back"));
      expect(configs.map((c) => c.inputs.bucket)).to.have.members([
        primaryBuckets.assets.name,
        primaryBuckets.web.name,
      ]);
      for (const c of configs) {
        expect(c.inputs.region).to.equal("ap-south-1");
        const [rule] = c.inputs.rules as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(rule.deleteMarkerReplication).to.deep.equal({ status: "Enabled" });
        // Every object is SSE-KMS encrypted: without this criterion none would replicate.
        // Replica modification sync: metadata changed on a replica flows back.
        expect(rule.sourceSelectionCriteria).to.deep.equal({
          sseKmsEncryptedObjects: { status: "Enabled" },
          replicaModifications: { status: "Enabled" },
        });
        expect(rule.destination.metrics).to.deep.equal({
          status: "Enabled",
          eventThreshold: { minutes: 15 },
        });
        expect(rule.destination.replicationTime).to.deep.equal({
          status: "Enabled",
          time: { minutes: 15 },
        });
        expect(rule.destination.encryptionConfiguration.replicaKmsKeyId).to.equal(
          keyArn(dr, "storage"),
        );
        const purpose = String(c.name).replace("data-", "").replace("-replication", "");
        expect(rule.destination.bucket).to.equal(the(dr, T.bucket, `data-${purpose}`).outputs.arn);
      }
      const policy = JSON.parse(
        String(
          ofType(dr, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "data-replication")
            ?.inputs.policy,
        ),
      );
      const resources = policy.Statement.flatMap((s: { Resource: string | string[] }) =>
        [s.Resource].flat(),
      );
      expect(resources).to.not.include("*");
      const sid = (id: string) => policy.Statement.find((st: { Sid: string }) => st.Sid === id);
      expect(sid("DecryptSource").Resource).to.equal(
        (prod.outputs.keyArns as Record<string, string>).storage,
      );
      expect(sid("EncryptReplica").Resource).to.equal(keyArn(dr, "storage"));
    });

    it("refuses to run when the primary does not replicate its secrets to this region", async () => {
      const err = await plan("dr-singapore", [
        "prod-mumbai:ecommerce:dr.replicaRegions=[eu-west-1]",
      ]).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).to.match(
        /ecommerce:dr.replicaRegions \(on the primary stack\): \["eu-west-1"\] does not include ap-southeast-1/,
      );
    });
  });

  describe("the enforced relational RPO (ecommerce:data.aurora.maxRpoSeconds)", () => {
    const rpoParameter = (p: StackPlan) =>
      (ofType(p, T.params)[0].inputs.parameters as { name: string }[]).filter(
        (x) => x.name === "rds.global_db_rpo",
      );

    it("is not enforced by default, in either region", () => {
      expect(rpoParameter(prod)).to.deep.equal([]);
      expect(rpoParameter(dr)).to.deep.equal([]);
    });

    it("sets rds.global_db_rpo (seconds, applied immediately) on the primary's cluster parameter group only", async () => {
      const overrides = ["prod-mumbai:ecommerce:data.aurora.maxRpoSeconds=20"];
      const enforced = await plan("prod-mumbai", overrides);
      expect(rpoParameter(enforced)).to.deep.equal([
        { name: "rds.global_db_rpo", value: "20", applyMethod: "immediate" },
      ]);
      const [cluster] = ofType(enforced, T.cluster);
      expect(cluster.inputs.dbClusterParameterGroupName).to.equal(
        ofType(enforced, T.params)[0].outputs.name,
      );
      // The standby's own group stays at the default (AWS's advice for two Regions).
      expect(rpoParameter(await plan("dr-singapore", overrides))).to.deep.equal([]);
    });
  });

  describe("DR modes change exactly the relational posture", () => {
    const dataUrns = (p: StackPlan) =>
      p.resources
        .filter(inData)
        .map((r) => r.urn)
        .sort();

    it("drill and failover declare the same member cluster as the writer the plan made it, leaving membership and forwarding to the plan", async () => {
      for (const mode of ["drill", "failover"]) {
        const p = await plan("dr-singapore", [`dr-singapore:ecommerce:dr.mode=${mode}`]);
        const [cluster] = ofType(p, T.cluster);
        expect(cluster.ignoreChanges, mode).to.include.members([
          "globalClusterIdentifier",
          "enableGlobalWriteForwarding",
        ]);
        // A switchover or failover keeps the cluster in the global cluster (as its writer).
        expect(cluster.inputs.globalClusterIdentifier, mode).to.equal(prod.outputs.globalClusterId);
        expect(cluster.inputs.enableGlobalWriteForwarding, mode).to.equal(undefined);
        expect((cluster.inputs.tags as Record<string, string>).writer, mode).to.equal("true");
        expect(dataUrns(p), mode).to.deep.equal(dataUrns(dr));
        expect(p.policy?.violations, mode).to.deep.equal([]);
      }
    });
  });

  it("turns protect off for every stateful resource only when ecommerce:protect is false", async () => {
    const p = await plan("prod-mumbai", ["prod-mumbai:ecommerce:protect=false"]);
    const stateful = p.resources.filter((r) => STATEFUL.includes(r.type));
    expect(stateful.length).to.be.greaterThan(10);
    expect(stateful.filter((r) => r.protect).map((r) => r.name)).to.deep.equal([]);
    expect(
      prod.resources.filter((r) => STATEFUL.includes(r.type) && !r.protect).map((r) => r.name),
    ).to.deep.equal([]);
    // AWS deletion protection stays on regardless.
    expect(ofType(p, T.cluster)[0].inputs.deletionProtection).to.equal(true);
  });
});
