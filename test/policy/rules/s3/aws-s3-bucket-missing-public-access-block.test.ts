import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-s3-bucket-missing-public-access-block";
const BUCKET = "aws:s3/bucket:Bucket";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
const bucket = res(BUCKET, "assets", { bucket: "assets-1", arn: "arn:aws:s3:::assets-1" });
const all = Object.fromEntries(FLAGS.map((f) => [f, true]));
const pab = (flags: Partial<Record<string, unknown>> = {}) =>
  res(PAB, "assets-pab", { bucket: "assets-1", ...all, ...flags }, { bucket: ["assets"] });
const NOT_BLOCKED =
  "assets: public access is not fully blocked (BucketPublicAccessBlock with all four flags)";

describeRule(RULE, () => {
  it("passes all four flags, flags a missing or partial block", async () => {
    expect(await messages(RULE, [bucket, pab()])).to.deep.equal([]);
    expect(await messages(RULE, [bucket])).to.have.length(1);
    expect(await messages(RULE, [bucket, pab({ restrictPublicBuckets: false })])).to.deep.equal([
      NOT_BLOCKED,
    ]);
  });
  for (const flag of FLAGS) {
    it(`flags a block with ${flag} left out`, async () => {
      expect(await messages(RULE, [bucket, pab({ [flag]: undefined })])).to.deep.equal([
        NOT_BLOCKED,
      ]);
    });
  }
  it('accepts flags given as the string "true"', async () => {
    const strings = Object.fromEntries(FLAGS.map((f) => [f, "true"]));
    expect(await messages(RULE, [bucket, pab(strings)])).to.deep.equal([]);
  });
  it("matches S3 companions by dependency alone, and not to a different bucket", async () => {
    // Dependency only: the block's bucket input is unknown during a preview.
    expect(
      await messages(RULE, [
        bucket,
        res(PAB, "pab", { bucket: UNKNOWN, ...all }, { bucket: ["assets"] }),
      ]),
    ).to.deep.equal([]);
    // A block for another bucket does not count, even by dependency.
    const other = res(BUCKET, "web", { bucket: "web-1" });
    const found = await messages(RULE, [
      bucket,
      other,
      res(PAB, "pab", { bucket: "web-1", ...all }, { bucket: ["web"] }),
    ]);
    expect(found).to.deep.equal([NOT_BLOCKED]);
  });
  it("matches a block by bucket name when no dependency was recorded", async () => {
    expect(await messages(RULE, [bucket, { ...pab(), deps: {} }])).to.deep.equal([]);
  });
});
