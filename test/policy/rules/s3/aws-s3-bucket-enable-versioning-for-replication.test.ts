import { expect } from "chai";
import { FixtureResource, res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-s3-bucket-enable-versioning-for-replication";
const BUCKET = "aws:s3/bucket:Bucket";
const bucket = res(BUCKET, "assets", { bucket: "assets-1", arn: "arn:aws:s3:::assets-1" });
const replica = res(BUCKET, "assets-replica", {
  bucket: "assets-replica-1",
  arn: "arn:aws:s3:::assets-replica-1",
});
const replication = (
  destination: string,
  deps: Record<string, string[]> = { bucket: ["assets"] },
) =>
  res(
    "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    "crr",
    { bucket: "assets-1", rules: [{ destination: { bucket: destination } }] },
    deps,
  );
const versioned = (b: FixtureResource, status = "Enabled") =>
  res(
    "aws:s3/bucketVersioning:BucketVersioning",
    `${b.name}-versioning`,
    { bucket: b.props.bucket, versioningConfiguration: { status } },
    { bucket: [b.name] },
  );
const crr = replication("arn:aws:s3:::assets-replica-1");

describeRule(RULE, () => {
  it("both ends of a replication rule are versioned", async () => {
    expect(
      await messages(RULE, [bucket, replica, crr, versioned(bucket), versioned(replica)]),
    ).to.deep.equal([]);
    expect(await messages(RULE, [bucket, replica, crr, versioned(bucket)])).to.deep.equal([
      "assets-replica: replicated bucket without versioning enabled",
    ]);
  });
  it("flags the source bucket, and a suspended versioning", async () => {
    expect(await messages(RULE, [bucket, replica, crr, versioned(replica)])).to.deep.equal([
      "assets: replicated bucket without versioning enabled",
    ]);
    expect(
      await messages(RULE, [
        bucket,
        replica,
        crr,
        versioned(bucket, "Suspended"),
        versioned(replica),
      ]),
    ).to.deep.equal(["assets: replicated bucket without versioning enabled"]);
  });
  it("finds a destination whose ARN is computed during a preview through the rules' dependencies", async () => {
    const computed = replication(UNKNOWN, { bucket: ["assets"], rules: ["assets-replica"] });
    expect(await messages(RULE, [bucket, replica, computed, versioned(bucket)])).to.deep.equal([
      "assets-replica: replicated bucket without versioning enabled",
    ]);
    expect(
      await messages(RULE, [bucket, replica, computed, versioned(bucket), versioned(replica)]),
    ).to.deep.equal([]);
  });
  it("leaves a source bucket in another stack to that stack, and ignores buckets nobody replicates", async () => {
    const standby = replication("arn:aws:s3:::assets-replica-1", {});
    expect(
      await messages(RULE, [
        { ...standby, props: { ...standby.props, bucket: "primary-1" } },
        replica,
        versioned(replica),
      ]),
    ).to.deep.equal([]);
    expect(await messages(RULE, [bucket, replica])).to.deep.equal([]);
  });
});
