import { expect } from "chai";
import { accessLogging, bucketsAndDeliveries } from "../../fixtures/s3";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-macie-classificationjob-enforce-data-bucket-scope";
const JOB = "aws:macie2/classificationJob:ClassificationJob";
const logged = () => [...bucketsAndDeliveries(), accessLogging("assets"), accessLogging("web")];
const job = (names: string[], jobType?: string) =>
  res(JOB, "macie", {
    jobType,
    s3JobDefinition: {
      bucketDefinitions: [{ accountId: "123456789012", buckets: names.map((n) => `${n}-1`) }],
    },
  });
const UNCOVERED = (b: string) =>
  `${b}: no scheduled Macie classification job covers this data bucket`;

describeRule(RULE, () => {
  it("passes a scheduled job over every data bucket", async () => {
    expect(await messages(RULE, [...logged(), job(["assets", "web"], "SCHEDULED")])).to.deep.equal(
      [],
    );
  });
  it("passes two scheduled jobs that split the data buckets", async () => {
    const second = { ...job(["web"], "SCHEDULED"), name: "macie-web" };
    expect(await messages(RULE, [...logged(), job(["assets"], "SCHEDULED"), second])).to.deep.equal(
      [],
    );
  });
  it("flags a data bucket out of scope", async () => {
    expect(await messages(RULE, [...logged(), job(["assets"], "SCHEDULED")])).to.deep.equal([
      UNCOVERED("web"),
    ]);
  });
  it("flags every data bucket when there is no job", async () => {
    expect(await messages(RULE, logged())).to.have.members([UNCOVERED("assets"), UNCOVERED("web")]);
  });
  it("reads unknown bucket names through the job's dependencies", async () => {
    const unknown = res(
      JOB,
      "macie",
      {
        jobType: "SCHEDULED",
        s3JobDefinition: { bucketDefinitions: [{ accountId: "1", buckets: UNKNOWN }] },
      },
      { s3JobDefinition: ["assets", "web", "logs"] },
    );
    expect(await messages(RULE, [...logged(), unknown])).to.deep.equal([]);
    const onlyAssets = { ...unknown, deps: { s3JobDefinition: ["assets"] } };
    expect(await messages(RULE, [...logged(), onlyAssets])).to.deep.equal([UNCOVERED("web")]);
  });
  it("flags a one-time job, whose buckets then count as uncovered", async () => {
    expect(await messages(RULE, [...logged(), job(["assets", "web"], "ONE_TIME")])).to.have.members(
      [
        "macie: jobType ONE_TIME runs once: use SCHEDULED so new objects are classified",
        UNCOVERED("assets"),
        UNCOVERED("web"),
      ],
    );
  });
  it("flags a job whose type is left out", async () => {
    expect(await messages(RULE, [...logged(), job(["assets", "web"])])).to.include(
      "macie: jobType ? runs once: use SCHEDULED so new objects are classified",
    );
  });
});
