import { expect } from "chai";
import { logs, runner } from "../../fixtures/codebuild";
import { network } from "../../fixtures/network";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-codebuild-project-enable-encrypted-logs";

describeRule(RULE, () => {
  it("passes logs to a keyed group of the stack (by dependency or by name), or to encrypted S3", async () => {
    expect(await messages(RULE, [...network(), runner("private"), logs()])).to.deep.equal([]);
    expect(
      await messages(RULE, [...network(), runner("private", {}, false), logs()]),
    ).to.deep.equal([]);
    const s3 = runner("private", {
      logsConfig: {
        cloudwatchLogs: { status: "DISABLED" },
        s3Logs: { status: "ENABLED", location: "logs/runner" },
      },
    });
    expect(await messages(RULE, [...network(), s3])).to.deep.equal([]);
  });
  it("passes a log group whose key ARN is computed during a preview", async () => {
    expect(
      await messages(RULE, [...network(), runner("private"), logs({ kmsKeyId: UNKNOWN })]),
    ).to.deep.equal([]);
  });
  it("flags a log group without a key", async () => {
    expect(await messages(RULE, [...network(), runner("private"), logs({})])).to.deep.equal([
      "runner: log group runner-logs has no customer managed key",
    ]);
  });
  it("flags CloudWatch logs to a group the stack does not create", async () => {
    expect(await messages(RULE, [...network(), runner("private", {}, false)])).to.deep.equal([
      "runner: CloudWatch logs go to a default group of no key and retention (name a log group of this stack)",
    ]);
  });
  it("flags CloudWatch logs left to the default (on, into the project's own group)", async () => {
    const bare = runner("private", { logsConfig: undefined });
    expect(await messages(RULE, [...network(), bare, logs()])).to.deep.equal([
      "runner: CloudWatch logs go to a default group of no key and retention (name a log group of this stack)",
    ]);
  });
  it("flags CloudWatch logs without a group name, even beside a log group", async () => {
    const unnamed = runner("private", { logsConfig: { cloudwatchLogs: { status: "ENABLED" } } });
    expect(await messages(RULE, [...network(), unnamed, logs()])).to.deep.equal([
      "runner: CloudWatch logs go to a default group of no key and retention (name a log group of this stack)",
    ]);
  });
  it("flags logs switched off, and unencrypted S3 logs", async () => {
    const off = runner("private", { logsConfig: { cloudwatchLogs: { status: "DISABLED" } } });
    expect(await messages(RULE, [...network(), off])).to.deep.equal(["runner: build logs are off"]);
    const plain = runner("private", {
      logsConfig: {
        cloudwatchLogs: { status: "DISABLED" },
        s3Logs: { status: "ENABLED", location: "logs/runner", encryptionDisabled: true },
      },
    });
    expect(await messages(RULE, [...network(), plain])).to.deep.equal([
      "runner: S3 build logs are unencrypted",
    ]);
  });
});
