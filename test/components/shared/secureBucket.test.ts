import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { every, plan, the } from "../../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T = {
  bucket: "aws:s3/bucket:Bucket",
  block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  encryption:
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
};

/**
 * Each bucket's lifecycle, literally: days before noncurrent versions expire, and days before
 * current objects expire (log and audit buckets only). A changed default must change this table.
 */
const LIFECYCLE: Record<string, { noncurrentDays: number; expireDays?: number }> = {
  "data-assets": { noncurrentDays: 90 },
  "data-web": { noncurrentDays: 90 },
  "data-logs": { noncurrentDays: 30, expireDays: 365 },
  "edge-alb-logs": { noncurrentDays: 30, expireDays: 365 },
  "edge-cdn-logs": { noncurrentDays: 30, expireDays: 365 },
  "governance-audit": { noncurrentDays: 30, expireDays: 730 },
};
/** Buckets AWS log delivery writes to without KMS (SSE-S3, which ALB access logs require). */
const SSE_S3 = ["data-logs", "edge-alb-logs"];

describe("components/shared/secureBucket: every bucket's defaults (recorded offline runs)", () => {
  let plans: StackPlan[];
  before(async () => {
    plans = [await plan("prod-mumbai"), await plan("dr-singapore")];
  });

  it("keeps buckets (no forceDestroy, protected), versioned, with all public access blocked", () => {
    for (const p of plans) {
      for (const b of every(p, T.bucket)) {
        expect(b.inputs.forceDestroy, b.name).to.equal(false);
        expect(b.protect, b.name).to.equal(true);
        expect(the(p, T.versioning, b.name).inputs.versioningConfiguration).to.deep.equal({
          status: "Enabled",
        });
        expect(the(p, T.block, b.name).inputs).to.include({
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        });
      }
    }
  });

  it("enforces bucket-owner ownership (ACLs off) except where CloudFront's standard logs need ACLs", () => {
    for (const p of plans) {
      for (const o of every(p, T.ownership)) {
        const expected =
          o.name === "edge-cdn-logs" ? "BucketOwnerPreferred" : "BucketOwnerEnforced";
        expect((o.inputs.rule as Spec).objectOwnership, o.name).to.equal(expected);
      }
    }
  });

  it("encrypts with SSE-KMS and a bucket key, SSE-S3 only for the log-delivery buckets", () => {
    for (const p of plans) {
      for (const e of every(p, T.encryption)) {
        const [rule] = e.inputs.rules as Spec[];
        if (SSE_S3.includes(e.name)) {
          expect(rule, e.name).to.deep.equal({
            applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" },
          });
        } else {
          expect(rule.applyServerSideEncryptionByDefault.sseAlgorithm, e.name).to.equal("aws:kms");
          expect(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, e.name).to.match(
            /^arn:aws:kms:/,
          );
          expect(rule.bucketKeyEnabled, e.name).to.equal(true);
        }
      }
    }
  });

  it("expires old versions and aborts stale multipart uploads after 7 days, per bucket", () => {
    for (const p of plans) {
      const seen = every(p, T.lifecycle).map((l) => {
        const [rule] = l.inputs.rules as Spec[];
        const expected = LIFECYCLE[l.name];
        expect(expected, `${p.stack} ${l.name} has a lifecycle row`).to.not.equal(undefined);
        expect(rule, l.name).to.deep.include({
          id: "expire-old-versions",
          status: "Enabled",
          abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
          noncurrentVersionExpiration: { noncurrentDays: expected.noncurrentDays },
        });
        expect(rule.expiration, l.name).to.deep.equal(
          expected.expireDays ? { days: expected.expireDays } : undefined,
        );
        return l.name;
      });
      expect(seen, p.stack).to.include.members(["data-assets", "data-web", "data-logs"]);
    }
  });
});
