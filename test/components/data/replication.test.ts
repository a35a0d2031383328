import { expect } from "chai";
import { replicationRolePolicy } from "../../../components/data/replication";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";

const T = {
  replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  bucket: "aws:s3/bucket:Bucket",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  role: "aws:iam/role:Role",
};
type Statement = {
  Sid: string;
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};

const statements = (p: StackPlan, name: string): Statement[] =>
  JSON.parse(String(the(p, T.rolePolicy, name).inputs.policy)).Statement;

describe("components/data replication: both directions between the regions", () => {
  it("builds a role policy that touches only its buckets and keys, each key only through S3 in its region", () => {
    const doc = replicationRolePolicy({
      sourceArns: ["arn:aws:s3:::from"],
      sourceKeyArn: "arn:aws:kms:ap-southeast-1:1:key/mrk-a",
      sourceRegion: "ap-southeast-1",
      destinationArns: ["arn:aws:s3:::to"],
      destinationKeyArn: "arn:aws:kms:ap-south-1:1:key/mrk-a",
      destinationRegion: "ap-south-1",
    });
    const by = Object.fromEntries(doc.Statement.map((s) => [s.Sid, s]));
    expect(by.ReadSourceVersions.Resource).to.deep.equal(["arn:aws:s3:::from/*"]);
    expect(by.WriteReplicas.Resource).to.deep.equal(["arn:aws:s3:::to/*"]);
    expect(by.DecryptSource.Condition).to.deep.equal({
      StringEquals: { "kms:ViaService": "s3.ap-southeast-1.amazonaws.com" },
      StringLike: {
        "kms:EncryptionContext:aws:s3:arn": ["arn:aws:s3:::from", "arn:aws:s3:::from/*"],
      },
    });
    expect(by.EncryptReplica.Condition?.StringEquals).to.deep.equal({
      "kms:ViaService": "s3.ap-south-1.amazonaws.com",
    });
  });

  describe("recorded offline runs", () => {
    let prod: StackPlan;
    let dr: StackPlan;
    before(async () => {
      prod = await plan("prod-mumbai");
      dr = await plan("dr-singapore");
    });
    const back = (): PlannedResource[] => {
      const found = ofType(dr, T.replication).filter((c) => c.name.endsWith("-replication-back"));
      expect(found, "rules back to the primary").to.have.length(2);
      return found;
    };

    it("replicates this region's buckets back into the primary's, declared here (no primary-region call)", () => {
      const primary = prod.outputs.buckets as Record<string, { name: string; arn: string }>;
      for (const c of back()) {
        const purpose = c.name.replace("data-", "").replace("-replication-back", "");
        const source = the(dr, T.bucket, `data-${purpose}`);
        expect(c.inputs.bucket).to.equal(source.inputs.bucket);
        // No `region`: the stack's own region, so a failover's pulumi up stays in Singapore.
        expect(c.inputs.region).to.equal(undefined);
        const [rule] = c.inputs.rules as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(rule.id).to.equal("to-ap-south-1");
        expect(rule.destination.bucket).to.equal(primary[purpose].arn);
        expect(rule.destination.encryptionConfiguration.replicaKmsKeyId).to.equal(
          (prod.outputs.keyArns as Record<string, string>).storage,
        );
        expect(rule.deleteMarkerReplication).to.deep.equal({ status: "Enabled" });
        expect(rule.sourceSelectionCriteria).to.deep.equal({
          sseKmsEncryptedObjects: { status: "Enabled" },
          replicaModifications: { status: "Enabled" },
        });
        expect(rule.destination.replicationTime).to.deep.equal({
          status: "Enabled",
          time: { minutes: 15 },
        });
      }
    });

    it("waits for versioning on this region's bucket in both directions (source here, destination of the inbound rule), and for its role's policy", () => {
      for (const c of ofType(dr, T.replication)) {
        const purpose = c.name.replace("data-", "").replace(/-replication(-back)?$/, "");
        expect(c.dependencies, c.name).to.include(the(dr, T.versioning, `data-${purpose}`).urn);
        // An object S3 cannot replicate yet is marked FAILED for good: the role may act first.
        const policy = the(
          dr,
          T.rolePolicy,
          c.name.endsWith("-back") ? "data-replication-back" : "data-replication",
        );
        expect(c.dependencies, c.name).to.include(policy.urn);
      }
      expect(ofType(dr, T.replication)).to.have.length(4);
    });

    it("gives each direction its own least-privilege role; every KMS statement carries kms:ViaService", () => {
      const roles = back().map((c) => c.inputs.role);
      expect(new Set(roles).size).to.equal(1);
      const inbound = ofType(dr, T.replication).find((c) => c.name === "data-web-replication");
      expect(inbound?.inputs.role).to.not.equal(roles[0]);
      expect(roles[0]).to.equal(the(dr, T.role, "data-replication-back").outputs.arn);
      const primaryArns = Object.values(prod.outputs.buckets as Record<string, { arn: string }>)
        .map((b) => b.arn)
        .filter((a) => !a.includes("-logs-"));
      for (const name of ["data-replication", "data-replication-back"]) {
        const policy = statements(dr, name);
        const kms = policy.filter((s) => [s.Action].flat().some((a) => a.startsWith("kms:")));
        expect(kms, name).to.have.length(2);
        for (const s of kms)
          expect(s.Condition?.StringEquals, `${name} ${s.Sid}`).to.have.property("kms:ViaService");
        for (const s of policy) expect([s.Resource].flat(), `${name} ${s.Sid}`).to.not.include("*");
      }
      const backPolicy = Object.fromEntries(
        statements(dr, "data-replication-back").map((s) => [s.Sid, s]),
      );
      expect(backPolicy.WriteReplicas.Resource).to.have.members(primaryArns.map((a) => `${a}/*`));
      expect(backPolicy.DecryptSource.Condition?.StringEquals).to.deep.equal({
        "kms:ViaService": "s3.ap-southeast-1.amazonaws.com",
      });
      expect(backPolicy.EncryptReplica.Condition?.StringEquals).to.deep.equal({
        "kms:ViaService": "s3.ap-south-1.amazonaws.com",
      });
    });
  });
});
