/**
 * Stack rules that close the pack's coverage gaps (deploy runner, cache user groups, bucket access
 * logs, Macie scope). Called from stackRules.test.ts, whose last suite checks every stack rule
 * produced a violation.
 */
import { expect } from "chai";
import { FixtureResource, res, violations } from "./harness";

const T = {
  project: "aws:codebuild/project:Project",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  group: "aws:elasticache/userGroup:UserGroup",
  user: "aws:elasticache/user:User",
  bucket: "aws:s3/bucket:Bucket",
  logging: "aws:s3/bucketLogging:BucketLogging",
  distribution: "aws:cloudfront/distribution:Distribution",
  lb: "aws:lb/loadBalancer:LoadBalancer",
  trail: "aws:cloudtrail/trail:Trail",
  job: "aws:macie2/classificationJob:ClassificationJob",
};
const KEY = "arn:aws:kms:ap-south-1:123456789012:key/1";
const messages = async (rule: string, resources: FixtureResource[]) =>
  (await violations(rule, resources)).map((v) => v.message);

// eslint-disable-next-line mocha/no-exports -- suites run inside stackRules.test.ts, whose coverage check must see them
export function describePackStackRules(network: () => FixtureResource[]): void {
  describe("deploy runner (CodeBuild)", () => {
    const runner = (tier: string, patch: Record<string, unknown> = {}, deps = true) =>
      res(
        T.project,
        "runner",
        {
          vpcConfig: {
            vpcId: "vpc-1",
            subnets: [`subnet-${tier}-0`, `subnet-${tier}-1`],
            securityGroupIds: ["sg-1"],
          },
          logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/runner" } },
          ...patch,
        },
        deps
          ? {
              vpcConfig: ["vpc", `${tier}-0`, `${tier}-1`],
              ...("logsConfig" in patch ? {} : { logsConfig: ["runner-logs"] }),
            }
          : {},
      );
    const logs = (props: Record<string, unknown> = { kmsKeyId: KEY }) =>
      res(T.logGroup, "runner-logs", { name: "/runner", retentionInDays: 365, ...props });

    describe("aws-codebuild-project-enforce-private-vpc", () => {
      const rule = "aws-codebuild-project-enforce-private-vpc";
      it("passes a runner in the private subnets, resolved by dependency or by id", async () => {
        expect(await messages(rule, [...network(), runner("private"), logs()])).to.deep.equal([]);
        expect(
          await messages(rule, [...network(), runner("private", {}, false), logs()]),
        ).to.deep.equal([]);
      });
      it("reads a vpcConfig computed as a whole through its dependencies", async () => {
        const computed = runner("private", { vpcConfig: "[unknown]" });
        expect(await messages(rule, [...network(), computed, logs()])).to.deep.equal([]);
        const publicComputed = runner("public", { vpcConfig: "[unknown]" });
        expect(await messages(rule, [...network(), publicComputed, logs()])).to.have.length(2);
      });
      it("flags a runner outside a VPC", async () => {
        expect(
          await messages(rule, [...network(), runner("private", { vpcConfig: undefined }), logs()]),
        ).to.deep.equal([
          "runner: does not run in a VPC (vpcConfig vpcId, subnets, securityGroupIds)",
        ]);
      });
      it("flags a runner without security groups", async () => {
        const r = runner("private");
        (r.props.vpcConfig as Record<string, unknown>).securityGroupIds = [];
        expect(await messages(rule, [...network(), r, logs()])).to.deep.equal([
          "runner: does not run in a VPC (vpcConfig securityGroupIds)",
        ]);
      });
      it("flags a runner in public subnets", async () => {
        expect(await messages(rule, [...network(), runner("public"), logs()])).to.have.members([
          "runner: uses subnet public-0, which routes to an internet gateway",
          "runner: uses subnet public-1, which routes to an internet gateway",
        ]);
      });
      it("flags subnets it cannot resolve", async () => {
        expect(await messages(rule, [runner("private", {}, false)])).to.deep.equal([
          "runner: its subnets cannot be resolved",
        ]);
      });
    });

    describe("aws-codebuild-project-enable-encrypted-logs", () => {
      const rule = "aws-codebuild-project-enable-encrypted-logs";
      it("passes logs to a keyed group of the stack (by dependency or by name), or to encrypted S3", async () => {
        expect(await messages(rule, [...network(), runner("private"), logs()])).to.deep.equal([]);
        expect(
          await messages(rule, [...network(), runner("private", {}, false), logs()]),
        ).to.deep.equal([]);
        const s3 = runner("private", {
          logsConfig: {
            cloudwatchLogs: { status: "DISABLED" },
            s3Logs: { status: "ENABLED", location: "logs/runner" },
          },
        });
        expect(await messages(rule, [...network(), s3])).to.deep.equal([]);
      });
      it("flags a log group without a key", async () => {
        expect(await messages(rule, [...network(), runner("private"), logs({})])).to.deep.equal([
          "runner: log group runner-logs has no customer managed key",
        ]);
      });
      it("flags CloudWatch logs to a group the stack does not create", async () => {
        expect(await messages(rule, [...network(), runner("private", {}, false)])).to.deep.equal([
          "runner: CloudWatch logs go to a default group of no key and retention (name a log group of this stack)",
        ]);
      });
      it("flags logs switched off, and unencrypted S3 logs", async () => {
        const off = runner("private", { logsConfig: { cloudwatchLogs: { status: "DISABLED" } } });
        expect(await messages(rule, [...network(), off])).to.deep.equal([
          "runner: build logs are off",
        ]);
        const plain = runner("private", {
          logsConfig: {
            cloudwatchLogs: { status: "DISABLED" },
            s3Logs: { status: "ENABLED", location: "logs/runner", encryptionDisabled: true },
          },
        });
        expect(await messages(rule, [...network(), plain])).to.deep.equal([
          "runner: S3 build logs are unencrypted",
        ]);
      });
    });
  });

  describe("aws-elasticache-usergroup-enforce-disabled-default-user", () => {
    const rule = "aws-elasticache-usergroup-enforce-disabled-default-user";
    const user = (name: string, userName: string, accessString: string) =>
      res(T.user, name, { userId: `shop-${name}`, userName, accessString });
    const group = (members: string[], deps = true) =>
      res(
        T.group,
        "cache",
        { userGroupId: "shop", userIds: members.map((m) => `shop-${m}`) },
        deps ? { userIds: members } : {},
      );
    const users = (defaultAccess = "off -@all") => [
      user("default", "default", defaultAccess),
      user("cart", "shop-cart", "on ~cart:* +@read"),
    ];
    it("passes a group with a disabled default user, by dependency or by id", async () => {
      expect(await messages(rule, [...users(), group(["default", "cart"])])).to.deep.equal([]);
      expect(await messages(rule, [...users(), group(["default", "cart"], false)])).to.deep.equal(
        [],
      );
    });
    it("flags a group whose default user is on", async () => {
      expect(
        await messages(rule, [...users("on ~* +@all"), group(["default", "cart"])]),
      ).to.deep.equal(["cache: its `default` user is on (access string must start `off`)"]);
    });
    it("flags a group without a default user of this stack", async () => {
      expect(await messages(rule, [...users(), group(["cart"])])).to.deep.equal([
        "cache: has no `default` user of this stack",
      ]);
    });
  });

  describe("bucket access logs and Macie scope", () => {
    /** Data buckets, and log buckets fed by access logging, CloudFront, the ALB and CloudTrail. */
    const buckets = (): FixtureResource[] => [
      res(T.bucket, "assets", { bucket: "assets-1" }),
      res(T.bucket, "web", { bucket: "web-1" }),
      res(T.bucket, "logs", { bucket: "logs-1" }),
      res(T.bucket, "cdn-logs", { bucket: "cdn-logs-1" }),
      res(T.bucket, "alb-logs", { bucket: "alb-logs-1" }),
      res(T.bucket, "audit", { bucket: "audit-1" }),
      res(T.distribution, "cdn", { loggingConfig: { bucket: "cdn-logs-1.s3.amazonaws.com" } }),
      res(T.lb, "alb", { accessLogs: { enabled: true, bucket: "alb-logs-1" } }),
      res(T.trail, "trail", { s3BucketName: "audit-1" }),
    ];
    const logging = (name: string) =>
      res(
        T.logging,
        `${name}-logging`,
        { bucket: `${name}-1`, targetBucket: "logs-1", targetPrefix: `s3/${name}/` },
        // The component's outputs object names every bucket: the value decides the target.
        { bucket: [name], targetBucket: ["assets", "web", "logs"] },
      );
    const job = (names: string[], jobType = "SCHEDULED") =>
      res(T.job, "macie", {
        jobType,
        s3JobDefinition: {
          bucketDefinitions: [{ accountId: "123456789012", buckets: names.map((n) => `${n}-1`) }],
        },
      });

    describe("aws-s3-bucket-enable-access-logging", () => {
      const rule = "aws-s3-bucket-enable-access-logging";
      it("passes when every bucket that receives no logs logs its access", async () => {
        expect(
          await messages(rule, [...buckets(), logging("assets"), logging("web")]),
        ).to.deep.equal([]);
      });
      it("flags a data bucket without access logging", async () => {
        expect(await messages(rule, [...buckets(), logging("assets")])).to.deep.equal([
          "web: server access logging is off (no BucketLogging)",
        ]);
      });
      it("flags a log bucket once nothing delivers to it", async () => {
        const noTrail = buckets().filter((r) => r.type !== T.trail);
        expect(await messages(rule, [...noTrail, logging("assets"), logging("web")])).to.deep.equal(
          ["audit: server access logging is off (no BucketLogging)"],
        );
      });
    });

    it("during a preview, a delivery to an unknown bucket of several exempts none", async () => {
      // governance-audit's log bucket arrives as an unknown name whose dependencies are the whole
      // data-buckets object: it must not turn the data buckets into log buckets.
      const ambiguous = res(
        T.logging,
        "audit-logging",
        { bucket: "audit-1", targetBucket: "[unknown]", targetPrefix: "s3/audit/" },
        { bucket: ["audit"], targetBucket: ["assets", "web", "logs"] },
      );
      const noWebLogging = [...buckets(), logging("assets"), ambiguous];
      expect(await messages("aws-s3-bucket-enable-access-logging", noWebLogging)).to.deep.equal([
        "web: server access logging is off (no BucketLogging)",
      ]);
    });

    describe("aws-macie-classificationjob-enforce-data-bucket-scope", () => {
      const rule = "aws-macie-classificationjob-enforce-data-bucket-scope";
      const logged = () => [...buckets(), logging("assets"), logging("web")];
      it("passes a scheduled job over every data bucket", async () => {
        expect(await messages(rule, [...logged(), job(["assets", "web"])])).to.deep.equal([]);
      });
      it("flags a data bucket out of scope", async () => {
        expect(await messages(rule, [...logged(), job(["assets"])])).to.deep.equal([
          "web: no scheduled Macie classification job covers this data bucket",
        ]);
      });
      it("reads unknown bucket names through the job's dependencies", async () => {
        const unknown = res(
          T.job,
          "macie",
          {
            jobType: "SCHEDULED",
            s3JobDefinition: { bucketDefinitions: [{ accountId: "1", buckets: "[unknown]" }] },
          },
          { s3JobDefinition: ["assets", "web", "logs"] },
        );
        expect(await messages(rule, [...logged(), unknown])).to.deep.equal([]);
        const onlyAssets = { ...unknown, deps: { s3JobDefinition: ["assets"] } };
        expect(await messages(rule, [...logged(), onlyAssets])).to.deep.equal([
          "web: no scheduled Macie classification job covers this data bucket",
        ]);
      });
      it("flags a one-time job, whose buckets then count as uncovered", async () => {
        expect(
          await messages(rule, [...logged(), job(["assets", "web"], "ONE_TIME")]),
        ).to.have.members([
          "macie: jobType ONE_TIME runs once: use SCHEDULED so new objects are classified",
          "assets: no scheduled Macie classification job covers this data bucket",
          "web: no scheduled Macie classification job covers this data bucket",
        ]);
      });
    });
  });
}
