import { expect } from "chai";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { every, plan } from "../../helpers";

type Statement = {
  Sid?: string;
  Action: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};

/** The identity policies attached to roles: inline role policies and standalone policies. */
const ROLE_POLICY_TYPES = ["aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy"];

function kmsStatements(p: StackPlan): { resource: PlannedResource; statement: Statement }[] {
  const policies = [
    ...every(p, ROLE_POLICY_TYPES[0]),
    ...p.resources.filter((r) => r.type === ROLE_POLICY_TYPES[1]),
  ];
  return policies.flatMap((resource) => {
    const doc = JSON.parse(String(resource.inputs.policy)) as { Statement: Statement[] };
    return doc.Statement.filter((s) => [s.Action].flat().some((a) => a.startsWith("kms:"))).map(
      (statement) => ({ resource, statement }),
    );
  });
}

describe("components: IAM conditions on KMS use (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("limits every kms:* statement of a role policy to use through an AWS service (kms:ViaService)", () => {
    for (const p of [prod, dr]) {
      const found = kmsStatements(p);
      // Karpenter, the EBS CSI driver, the services, AWS Config, Alertmanager, the bootstrap Job.
      expect(found.length, p.stack).to.be.at.least(10);
      for (const { resource, statement } of found) {
        const via = Object.values(statement.Condition ?? {}).flatMap((c) =>
          c["kms:ViaService"] === undefined ? [] : [c["kms:ViaService"]].flat(),
        );
        const where = `${p.stack} ${resource.name} ${statement.Sid ?? ""}`;
        expect(via, where).to.not.deep.equal([]);
        for (const service of via)
          expect(service, where).to.match(/^[a-z0-9-]+\.[a-z0-9-]+\.amazonaws\.com$/);
      }
    }
  });

  it("lets Karpenter decrypt the interruption queue only through SQS in its region", () => {
    for (const p of [prod, dr]) {
      const karpenter = kmsStatements(p).find(
        (k) =>
          k.resource.name === "cluster-karpenter" && k.statement.Sid === "InterruptionQueueKey",
      );
      expect(karpenter?.statement.Action, p.stack).to.equal("kms:Decrypt");
      expect(karpenter?.statement.Condition, p.stack).to.deep.equal({
        StringEquals: { "kms:ViaService": `sqs.${p.region}.amazonaws.com` },
      });
    }
  });

  it("lets AWS Config use the audit key only through S3 in the bucket's region", () => {
    for (const p of [prod, dr]) {
      const config = kmsStatements(p).find((k) => k.resource.name === "governance-config");
      expect(config?.statement.Condition, p.stack).to.deep.equal({
        StringEquals: { "kms:ViaService": `s3.${p.region}.amazonaws.com` },
      });
    }
  });
});
