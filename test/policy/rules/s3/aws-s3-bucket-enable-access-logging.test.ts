import { expect } from "chai";
import { accessLogging, bucketsAndDeliveries, S3_TYPES as T } from "../../fixtures/s3";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-s3-bucket-enable-access-logging";
const buckets = bucketsAndDeliveries;
const logging = accessLogging;

describeRule(RULE, () => {
  it("passes when every bucket that receives no logs logs its access", async () => {
    expect(await messages(RULE, [...buckets(), logging("assets"), logging("web")])).to.deep.equal(
      [],
    );
  });
  it("flags a data bucket without access logging", async () => {
    expect(await messages(RULE, [...buckets(), logging("assets")])).to.deep.equal([
      "web: server access logging is off (no BucketLogging)",
    ]);
  });
  it("flags a log bucket once nothing delivers to it", async () => {
    const noTrail = buckets().filter((r) => r.type !== T.trail);
    expect(await messages(RULE, [...noTrail, logging("assets"), logging("web")])).to.deep.equal([
      "audit: server access logging is off (no BucketLogging)",
    ]);
  });
  it("flags a logging resource without a target bucket", async () => {
    const untargeted = res(T.logging, "web-logging", { bucket: "web-1" }, { bucket: ["web"] });
    expect(await messages(RULE, [...buckets(), logging("assets"), untargeted])).to.deep.equal([
      "web: server access logging is off (no BucketLogging)",
    ]);
  });
  it("counts a target bucket computed during a preview as set", async () => {
    const computed = res(
      T.logging,
      "web-logging",
      { bucket: "web-1", targetBucket: UNKNOWN, targetPrefix: "s3/web/" },
      { bucket: ["web"], targetBucket: ["logs"] },
    );
    expect(await messages(RULE, [...buckets(), logging("assets"), computed])).to.deep.equal([]);
  });
  it("during a preview, a delivery to an unknown bucket of several exempts none", async () => {
    // governance-audit's log bucket arrives as an unknown name whose dependencies are the whole
    // data-buckets object: it must not turn the data buckets into log buckets.
    const ambiguous = res(
      T.logging,
      "audit-logging",
      { bucket: "audit-1", targetBucket: UNKNOWN, targetPrefix: "s3/audit/" },
      { bucket: ["audit"], targetBucket: ["assets", "web", "logs"] },
    );
    const noWebLogging = [...buckets(), logging("assets"), ambiguous];
    expect(await messages(RULE, noWebLogging)).to.deep.equal([
      "web: server access logging is off (no BucketLogging)",
    ]);
  });
});
