import { expect } from "chai";
import { dataKeyPolicy, replicaKeyArn } from "../../../components/data/keyPolicy";
import { auroraPosture } from "../../../components/data/posture";

describe("components/data pure helpers", () => {
  it("maps each posture to its Aurora role", () => {
    expect(auroraPosture("active")).to.deep.equal({ writer: true });
    expect(auroraPosture("standby")).to.deep.equal({ writer: false });
    // After the plan's switchover (drill) or failover, the standby's cluster is the writer.
    expect(auroraPosture("drill")).to.deep.equal({ writer: true });
    expect(auroraPosture("failover")).to.deep.equal({ writer: true });
  });

  it("derives a multi-region key's replica ARN and refuses single-region keys", () => {
    expect(
      replicaKeyArn("arn:aws:kms:ap-south-1:123456789012:key/mrk-abc", "ap-southeast-1"),
    ).to.equal("arn:aws:kms:ap-southeast-1:123456789012:key/mrk-abc");
    expect(() =>
      replicaKeyArn("arn:aws:kms:ap-south-1:123456789012:key/1234-5678", "ap-southeast-1"),
    ).to.throw(/not the ARN of a multi-region KMS key/);
  });

  it("grants key use only through the key's services, and never data actions to the admin statement", () => {
    const doc = dataKeyPolicy("storage", "123456789012", "ap-southeast-1");
    const [admin, use] = doc.Statement;
    // No data action and no grant creation for administrators: a grant would bypass ViaService.
    for (const action of ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:CreateGrant"]) {
      expect([admin.Action].flat(), action).to.not.include(action);
    }
    expect(
      [admin.Action].flat().some((a) => a.endsWith("*")),
      "no wildcard admin actions",
    ).to.equal(false);
    expect([admin.Action].flat().some((a) => a === "kms:*")).to.equal(false);
    expect(use.Condition).to.deep.equal({
      StringEquals: {
        "kms:CallerAccount": "123456789012",
        "kms:ViaService": ["s3.ap-southeast-1.amazonaws.com", "ecr.ap-southeast-1.amazonaws.com"],
      },
    });
    // CloudFront serves the SPA through origin access control: it decrypts, nothing more.
    const cdn = doc.Statement[2];
    expect(cdn.Principal).to.deep.equal({ Service: ["cloudfront.amazonaws.com"] });
    expect(cdn.Action).to.deep.equal(["kms:Decrypt"]);
    expect(cdn.Condition).to.deep.equal({ StringEquals: { "aws:SourceAccount": "123456789012" } });
    // Messaging: the publishing services under a source-account condition, except EventBridge,
    // whose deliveries to encrypted topics and queues carry none (the topic and queue policies
    // confine it to this account's rules instead). No other key lets EventBridge in.
    const messaging = dataKeyPolicy("messaging", "123456789012", "ap-south-1").Statement;
    expect(messaging[2].Principal).to.deep.equal({
      Service: [
        "cloudwatch.amazonaws.com",
        "sns.amazonaws.com",
        "budgets.amazonaws.com",
        "costalerts.amazonaws.com",
      ],
    });
    expect(messaging[2].Condition).to.deep.equal({
      StringEquals: { "aws:SourceAccount": "123456789012" },
    });
    expect(messaging[3]).to.deep.equal({
      Sid: "EventBridgeDelivers",
      Effect: "Allow",
      Principal: { Service: "events.amazonaws.com" },
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
    });
    expect(messaging).to.have.length(4);
    for (const purpose of ["database", "cache", "logs", "secrets", "storage"] as const) {
      const principals = dataKeyPolicy(purpose, "123456789012", "ap-south-1").Statement.flatMap(
        (st) => [st.Principal?.Service ?? []].flat(),
      );
      expect(principals, purpose).to.not.include("events.amazonaws.com");
    }
    const logs = dataKeyPolicy("logs", "123456789012", "ap-south-1").Statement[2];
    expect(logs.Principal).to.deep.equal({ Service: ["logs.ap-south-1.amazonaws.com"] });
    expect(logs.Condition).to.deep.equal({
      ArnLike: {
        "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:ap-south-1:123456789012:log-group:*",
      },
    });
  });
});
