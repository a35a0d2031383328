import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-s3-bucket-missing-sse-kms";
const BUCKET = "aws:s3/bucket:Bucket";
const SSE =
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const bucket = res(BUCKET, "assets", { bucket: "assets-1", arn: "arn:aws:s3:::assets-1" });
const sse = (algorithm: string, key?: string, on = "assets") =>
  res(
    SSE,
    `${on}-sse`,
    {
      bucket: `${on}-1`,
      rules: [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyId: key } },
      ],
    },
    { bucket: [on] },
  );
const NO_KMS = "assets: no SSE-KMS encryption configuration with a customer key";

describeRule(RULE, () => {
  it("passes SSE-KMS with a key, flags none and AES256", async () => {
    expect(await messages(RULE, [bucket, sse("aws:kms", "arn:aws:kms:k")])).to.deep.equal([]);
    expect(await messages(RULE, [bucket])).to.deep.equal([NO_KMS]);
    expect(await messages(RULE, [bucket, sse("AES256")])).to.deep.equal([NO_KMS]);
  });
  it("passes dual-layer SSE-KMS, and a key computed during a preview", async () => {
    expect(await messages(RULE, [bucket, sse("aws:kms:dsse", "arn:aws:kms:k")])).to.deep.equal([]);
    expect(await messages(RULE, [bucket, sse("aws:kms", UNKNOWN)])).to.deep.equal([]);
  });
  it("flags SSE-KMS with the AWS managed key (no kmsMasterKeyId)", async () => {
    expect(await messages(RULE, [bucket, sse("aws:kms")])).to.deep.equal([NO_KMS]);
  });
  it("does not count another bucket's configuration", async () => {
    const web = res(BUCKET, "web", { bucket: "web-1" });
    expect(
      await messages(RULE, [bucket, web, sse("aws:kms", "arn:aws:kms:k", "web")]),
    ).to.deep.equal([NO_KMS]);
  });
  it("lets a log-delivery bucket use SSE-S3 but still requires default encryption", async () => {
    const logs = res(BUCKET, "logs", { bucket: "logs-1", tags: { "log-delivery": "true" } });
    expect(await messages(RULE, [logs, sse("AES256", undefined, "logs")])).to.deep.equal([]);
    expect(await messages(RULE, [logs])).to.deep.equal([
      "logs: log-delivery bucket without default encryption (SSE-S3 or SSE-KMS)",
    ]);
  });
});
