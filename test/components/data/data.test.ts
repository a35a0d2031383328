import { expect } from "chai";
import { mockResourceOutputs } from "../../../offline/outputs";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";
import { T, inData, keyArn } from "./fixtures";

const dataKeys = (p: StackPlan) => ofType(p, T.key).filter(inData);
describe("components/data (recorded offline runs)", () => {
  let prod: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
  });

  describe("prod-mumbai (primary)", () => {
    it("creates six multi-region customer keys, rotating, protected, scoped to their services", () => {
      const keys = dataKeys(prod);
      expect(keys.map((k) => k.name)).to.have.members([
        "data-database",
        "data-cache",
        "data-messaging",
        "data-logs",
        "data-secrets",
        "data-storage",
      ]);
      for (const k of keys) {
        expect(k.inputs).to.include({
          multiRegion: true,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
        });
        expect(k.protect, k.name).to.equal(true);
        const use = JSON.parse(String(k.inputs.policy)).Statement.find(
          (s: { Sid: string }) => s.Sid === "UseThroughServices",
        );
        expect(use.Condition.StringEquals["kms:CallerAccount"]).to.equal("123456789012");
        expect(
          use.Condition.StringEquals["kms:ViaService"].every((v: string) =>
            v.endsWith(".ap-south-1.amazonaws.com"),
          ),
        ).to.equal(true);
      }
      expect(
        JSON.parse(String(the(prod, T.key, "data-database").inputs.policy)).Statement[1].Condition
          .StringEquals["kms:ViaService"],
      ).to.deep.equal(["rds.ap-south-1.amazonaws.com", "dynamodb.ap-south-1.amazonaws.com"]);
    });

    it("replicates the secrets key into the standby's region itself, so secret replicas have a key", () => {
      const [replica] = ofType(prod, T.replicaKey);
      expect(replica.name).to.equal("data-secrets-ap-southeast-1");
      expect(replica.inputs.region).to.equal("ap-southeast-1");
      expect(replica.inputs.primaryKeyArn).to.equal(keyArn(prod, "secrets"));
      const master = the(prod, T.secret, "data-aurora-master");
      expect(master.inputs.kmsKeyId).to.equal(keyArn(prod, "secrets"));
      expect(master.inputs.replicas).to.deep.equal([
        { region: "ap-southeast-1", kmsKeyId: replica.outputs.arn },
      ]);
      // The replica key is a dependency, not only a string: no first-deploy race.
      expect(master.dependencies).to.include(replica.urn);
    });

    it("creates the Aurora global database: encrypted, IAM auth, 14-day backups, logs, protection, final snapshot", () => {
      const [global] = ofType(prod, T.global);
      expect(global.inputs).to.include({
        engine: "aurora-postgresql",
        storageEncrypted: true,
        deletionProtection: true,
      });
      const [cluster] = ofType(prod, T.cluster);
      expect(cluster.inputs).to.include({
        globalClusterIdentifier: global.id,
        storageEncrypted: true,
        kmsKeyId: keyArn(prod, "database"),
        iamDatabaseAuthenticationEnabled: true,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        skipFinalSnapshot: false,
        copyTagsToSnapshot: true,
        masterPassword: "[secret]",
      });
      expect(cluster.inputs.finalSnapshotIdentifier).to.be.a("string");
      expect(cluster.inputs.enabledCloudwatchLogsExports).to.deep.equal(["postgresql"]);
      expect(cluster.inputs.enableGlobalWriteForwarding).to.equal(undefined);
      expect([global.protect, cluster.protect]).to.deep.equal([true, true]);
      const params = ofType(prod, T.params)[0];
      expect(cluster.inputs.dbClusterParameterGroupName).to.equal(params.outputs.name);
      expect(params.inputs.parameters).to.deep.include({ name: "rds.force_ssl", value: "1" });
    });

    it("runs two Aurora instances in different AZs with Performance Insights on the customer key", () => {
      const instances = ofType(prod, T.instance);
      expect(instances).to.have.length(2);
      expect(new Set(instances.map((i) => i.inputs.availabilityZone)).size).to.equal(2);
      for (const i of instances) {
        expect(i.inputs).to.include({
          publiclyAccessible: false,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: keyArn(prod, "database"),
          instanceClass: "db.r7g.large",
          // Both Regions stay on the configured version: a switchover needs them equal.
          autoMinorVersionUpgrade: false,
        });
      }
    });

    it("places the database and the cache in the data subnets only", () => {
      const dataSubnets = prod.outputs.dataSubnetIds;
      expect(ofType(prod, T.dbSubnets)[0].inputs.subnetIds).to.deep.equal(dataSubnets);
      expect(ofType(prod, T.cacheSubnets)[0].inputs.subnetIds).to.deep.equal(dataSubnets);
      expect(ofType(prod, T.cluster)[0].inputs.dbSubnetGroupName).to.equal(
        ofType(prod, T.dbSubnets)[0].outputs.name,
      );
      expect(ofType(prod, T.cache)[0].inputs.subnetGroupName).to.equal(
        ofType(prod, T.cacheSubnets)[0].outputs.name,
      );
    });

    it("opens the database and cache ports only to the workloads security group, with no egress", () => {
      for (const [store, port] of [
        ["aurora", 5432],
        ["cache", 6379],
      ] as const) {
        const sg = the(prod, T.sg, `data-${store}`);
        expect(sg.inputs.egress).to.deep.equal([]);
        const rules = ofType(prod, T.ingress).filter((r) => r.inputs.securityGroupId === sg.id);
        expect(
          rules.map((r) => [
            r.inputs.referencedSecurityGroupId,
            r.inputs.fromPort,
            r.inputs.toPort,
            r.inputs.cidrIpv4,
          ]),
        ).to.deep.equal([[prod.outputs.workloadSecurityGroupId, port, port, undefined]]);
      }
    });

    it("runs Valkey Multi-AZ with failover, TLS, role-based access, CMK at rest, snapshots", () => {
      const [cache] = ofType(prod, T.cache);
      expect(cache.inputs).to.include({
        engine: "valkey",
        numCacheClusters: 2,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        atRestEncryptionEnabled: true,
        kmsKeyId: keyArn(prod, "cache"),
        transitEncryptionEnabled: true,
        snapshotRetentionLimit: 7,
      });
      // No shared token: clients authenticate as their own user in the group.
      expect(cache.inputs).to.not.have.property("authToken");
      const [group] = ofType(prod, "aws:elasticache/userGroup:UserGroup");
      expect(cache.inputs.userGroupIds).to.deep.equal([group.outputs.userGroupId]);
      expect(cache.inputs.maintenanceWindow).to.match(/^sun:/);
      expect(cache.inputs.preferredCacheClusterAzs).to.deep.equal(["ap-south-1a", "ap-south-1b"]);
      expect(the(prod, T.secret, "data-cache-auth").inputs.kmsKeyId).to.equal(
        keyArn(prod, "secrets"),
      );
    });

    it("gives each cache-bound service an IAM Valkey user limited to its key prefix, and disables the default user", async () => {
      for (const p of [prod, await plan("dr-singapore")]) {
        const users = ofType(p, "aws:elasticache/user:User");
        const [group] = ofType(p, "aws:elasticache/userGroup:UserGroup");
        expect(group.inputs.engine).to.equal("valkey");
        // Every user group must contain a user named "default"; here it is off (cannot log in).
        const defaults = users.filter((u) => u.inputs.userName === "default");
        expect(defaults).to.have.length(1);
        expect(defaults[0].inputs).to.deep.include({
          accessString: "off -@all",
          authenticationMode: { type: "password", passwords: ["[secret]"] },
        });
        const services = users.filter((u) => u.inputs.userName !== "default");
        expect(
          services.map((u) => u.inputs.tags && (u.inputs.tags as Record<string, string>).service),
        ).to.have.members(["product", "cart", "inventory", "auth"]);
        for (const u of services) {
          const svc = (u.inputs.tags as Record<string, string>).service;
          // IAM auth requires the user id and user name to be identical.
          expect(u.inputs.userId).to.equal(u.inputs.userName);
          expect(u.inputs).to.deep.include({
            engine: "valkey",
            authenticationMode: { type: "iam" },
          });
          const access = String(u.inputs.accessString).split(" ");
          expect(access.slice(0, 2)).to.deep.equal(["on", `~${svc}:*`]);
          expect(access.filter((a) => a.startsWith("~"))).to.have.length(1);
          expect(access).to.include.members(["-@dangerous", "-flushall", "-flushdb", "-keys"]);
          expect(access).to.not.include("+@all");
        }
        expect(group.inputs.userIds).to.have.members(users.map((u) => u.inputs.userId));
      }
    });

    it("creates the carts and sessions tables: on demand, PITR, CMK, TTL, streams, protection", () => {
      const tables = ofType(prod, T.table);
      expect(tables.map((t) => t.inputs.name)).to.have.members([
        "ecommerce-prod-mumbai-carts",
        "ecommerce-prod-mumbai-sessions",
      ]);
      for (const t of tables) {
        expect(t.inputs).to.deep.include({
          billingMode: "PAY_PER_REQUEST",
          pointInTimeRecovery: { enabled: true },
          serverSideEncryption: { enabled: true, kmsKeyArn: keyArn(prod, "database") },
          deletionProtectionEnabled: true,
          ttl: { attributeName: "expiresAt", enabled: true },
          streamEnabled: true,
          streamViewType: "NEW_AND_OLD_IMAGES",
        });
        expect(t.protect).to.equal(true);
        // The standby adds replicas with aws.dynamodb.TableReplica; the table must not remove them.
        expect(t.ignoreChanges).to.deep.equal(["replicas"]);
      }
    });

    it("creates assets, web and log buckets: versioned, encrypted, private, logged, with lifecycle and TLS-only policies", () => {
      const buckets = ofType(prod, T.bucket).filter(inData);
      expect(buckets.map((b) => b.name)).to.have.members(["data-assets", "data-web", "data-logs"]);
      const companions = (b: PlannedResource, type: string) =>
        prod.resources.filter((r) => r.type === type && r.inputs.bucket === b.id);
      for (const b of buckets) {
        expect(b.protect).to.equal(true);
        expect(
          companions(b, "aws:s3/bucketVersioning:BucketVersioning")[0].inputs
            .versioningConfiguration,
        ).to.deep.equal({ status: "Enabled" });
        expect(
          companions(b, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")[0].inputs,
        ).to.include({
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        });
        expect(
          companions(b, "aws:s3/bucketOwnershipControls:BucketOwnershipControls")[0].inputs.rule,
        ).to.deep.equal({ objectOwnership: "BucketOwnerEnforced" });
        const sse = companions(
          b,
          "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        )[0];
        const byDefault = (
          sse.inputs.rules as { applyServerSideEncryptionByDefault: Record<string, string> }[]
        )[0].applyServerSideEncryptionByDefault;
        const policy = JSON.parse(
          String(companions(b, "aws:s3/bucketPolicy:BucketPolicy")[0].inputs.policy),
        );
        expect(policy.Statement[0]).to.include({ Sid: "DenyInsecureTransport", Effect: "Deny" });
        expect(
          companions(b, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"),
        ).to.have.length(1);
        if (b.name === "data-logs") {
          // AWS delivers server access logs only to SSE-S3 buckets.
          expect(byDefault).to.deep.equal({ sseAlgorithm: "AES256" });
        } else {
          expect(byDefault).to.deep.equal({
            sseAlgorithm: "aws:kms",
            kmsMasterKeyId: keyArn(prod, "storage"),
          });
          expect(
            companions(b, "aws:s3/bucketLogging:BucketLogging")[0].inputs.targetBucket,
          ).to.equal(the(prod, T.bucket, "data-logs").id);
        }
      }
    });

    it("creates order-events with a CMK-encrypted dead-letter queue and the configured redrive count", () => {
      const queue = the(prod, T.queue, "data-order-events");
      const dlq = the(prod, T.queue, "data-order-events-dlq");
      expect(JSON.parse(String(queue.inputs.redrivePolicy))).to.deep.equal({
        deadLetterTargetArn: dlq.outputs.arn,
        maxReceiveCount: 5,
      });
      expect([queue.inputs.kmsMasterKeyId, dlq.inputs.kmsMasterKeyId]).to.deep.equal([
        keyArn(prod, "messaging"),
        keyArn(prod, "messaging"),
      ]);
      const policies = ofType(prod, "aws:sqs/queuePolicy:QueuePolicy")
        .filter(inData)
        .map((p) => JSON.parse(String(p.inputs.policy)).Statement[0].Condition);
      expect(policies).to.deep.equal([
        { Bool: { "aws:SecureTransport": "false" } },
        { Bool: { "aws:SecureTransport": "false" } },
      ]);
    });

    it("keeps generated passwords and tokens out of the plan file", () => {
      const passwords = ofType(prod, T.password).filter(inData);
      expect(passwords).to.have.length(2);
      const text = JSON.stringify(prod);
      for (const p of passwords) {
        expect(p.outputs.result).to.equal("[secret]");
        const plain = mockResourceOutputs(
          { type: p.type, name: p.name, inputs: p.inputs },
          { stack: "prod-mumbai", region: "ap-south-1", accountId: "123456789012" },
        ).state.result;
        expect(text.includes(String(plain)), `${p.name}'s value`).to.equal(false);
      }
      expect(ofType(prod, T.secretVersion).map((v) => v.inputs.secretString)).to.deep.equal([
        "[secret]",
        "[secret]",
      ]);
    });

    it("exports what the services and the standby bind to, secrets only by ARN", () => {
      expect(prod.outputs).to.include.keys(
        "auroraEndpoint",
        "auroraReaderEndpoint",
        "cacheEndpoint",
        "tableNames",
        "queueUrls",
        "bucketNames",
        "dbSecretArn",
        "cacheSecretArn",
        "globalClusterId",
        "keyArns",
        "tableArns",
        "buckets",
      );
      // The only secret output is the cluster's kubeconfig; data secrets are exported by ARN.
      expect(prod.secretOutputs).to.deep.equal(["kubeconfig"]);
      expect(prod.outputs.dbSecretArn).to.match(
        /^arn:aws:secretsmanager:ap-south-1:123456789012:secret:/,
      );
    });
  });
});
