import { expect } from "chai";
import { StackPlan } from "../../offline/plan";
import { evaluatePlan } from "../../offline/policyGate";
import { rules } from "../../policy/rules";
import { synth, the } from "../helpers";

const PRIMARY = "prod-mumbai";
const STANDBY = "dr-singapore";
/** Policy documents by resource type, and the rule that reads them. */
const DOCUMENT_RULES: Record<string, string> = {
  "aws:iam/rolePolicy:RolePolicy": "aws-iam-policy-disallow-wildcard-admin",
  "aws:iam/policy:Policy": "aws-iam-policy-disallow-wildcard-admin",
  "aws:s3/bucketPolicy:BucketPolicy": "aws-s3-bucketpolicy-enforce-secure-access",
  "aws:sqs/queuePolicy:QueuePolicy": "aws-sqs-queuepolicy-enforce-secure-access",
  "aws:sns/topicPolicy:TopicPolicy": "aws-sns-topicpolicy-enforce-secure-access",
};

async function plans(preview: boolean): Promise<Map<string, StackPlan>> {
  const result = await synth([], [], preview);
  return new Map(result.plans.map((p) => [p.stack, p]));
}

const clone = (p: StackPlan): StackPlan => JSON.parse(JSON.stringify(p)) as StackPlan;

type Fields = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Edits one resource's inputs and outputs alike (resource rules read inputs, stack rules outputs),
 * in a plan copy.
 */
function edit(type: string, name: string, change: (fields: Fields) => void) {
  return (p: StackPlan) => {
    const r = the(p, type, name);
    change(r.inputs);
    change(r.outputs);
  };
}

/** Breaks one thing a mandatory rule guards; the same edit applies to either mode's plan. */
const MUTATIONS: { what: string; stack: string; rule: string; apply: (p: StackPlan) => void }[] = [
  {
    what: "a log group without its key",
    stack: PRIMARY,
    rule: "aws-cloudwatch-loggroup-missing-kms-key",
    apply: edit("aws:cloudwatch/logGroup:LogGroup", "network-flow-logs", (f) => delete f.kmsKeyId),
  },
  {
    what: "a queue without its key",
    stack: STANDBY,
    rule: "aws-sqs-queue-enable-kms-encryption",
    apply: edit("aws:sqs/queue:Queue", "data-order-events", (f) => delete f.kmsMasterKeyId),
  },
  {
    what: "a topic without its key",
    stack: PRIMARY,
    rule: "aws-sns-topic-enable-kms-encryption",
    apply: edit("aws:sns/topic:Topic", "observability-alarms", (f) => delete f.kmsMasterKeyId),
  },
  {
    what: "a table without its key",
    stack: PRIMARY,
    rule: "aws-dynamodb-table-configure-customer-managed-key",
    apply: edit(
      "aws:dynamodb/table:Table",
      "data-carts",
      (f) => delete f.serverSideEncryption.kmsKeyArn,
    ),
  },
  {
    what: "a secret without its key",
    stack: PRIMARY,
    rule: "aws-secretsmanager-secret-configure-customer-managed-key",
    apply: edit("aws:secretsmanager/secret:Secret", "data-aurora-master", (f) => delete f.kmsKeyId),
  },
  {
    what: "a cache without its key",
    stack: STANDBY,
    rule: "aws-elasticache-replicationgroup-enable-at-rest-encryption",
    apply: edit(
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "data-cache",
      (f) => delete f.kmsKeyId,
    ),
  },
  {
    what: "an API stage without access logs",
    stack: PRIMARY,
    rule: "aws-apigateway-stage-enable-access-logs",
    apply: edit("aws:apigatewayv2/stage:Stage", "edge-api", (f) => delete f.accessLogSettings),
  },
  {
    what: "a distribution without logging",
    stack: PRIMARY,
    rule: "aws-cloudfront-distribution-enable-logging",
    apply: edit(
      "aws:cloudfront/distribution:Distribution",
      "edge-cdn",
      (f) => delete f.loggingConfig,
    ),
  },
  {
    what: "a PRIMARY failover record without its health check",
    stack: PRIMARY,
    rule: "aws-route53-record-missing-failover-health-check",
    apply: edit("aws:route53/record:Record", "edge-api-primary", (f) => delete f.healthCheckId),
  },
  {
    what: "a cluster without secrets encryption",
    stack: PRIMARY,
    rule: "eks-component-enable-secrets-encryption",
    apply: edit("eks:index:Cluster", "cluster", (f) => delete f.encryptionConfigKeyArn),
  },
  {
    what: "an Aurora cluster without its key",
    stack: STANDBY,
    rule: "aws-rds-cluster-configure-customer-managed-key",
    apply: edit("aws:rds/cluster:Cluster", "data-aurora", (f) => delete f.kmsKeyId),
  },
  {
    what: "a bucket's encryption without its key (stack rule)",
    stack: PRIMARY,
    rule: "aws-s3-bucket-missing-sse-kms",
    apply: edit(
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "data-assets",
      (f) => delete f.rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId,
    ),
  },
  {
    what: "a signed-in route without its authorizer",
    stack: PRIMARY,
    rule: "aws-apigateway-route-configure-authorizer",
    apply: edit("aws:apigatewayv2/route:Route", "edge-orders", (f) => {
      f.authorizationType = "NONE";
      delete f.authorizerId;
    }),
  },
  {
    what: "a cache user group whose default user is on (stack rule)",
    stack: STANDBY,
    rule: "aws-elasticache-usergroup-enforce-disabled-default-user",
    apply: edit("aws:elasticache/user:User", "data-cache-default", (f) => {
      f.accessString = "on ~* +@all";
    }),
  },
  {
    what: "a data bucket without access logs (stack rule)",
    stack: PRIMARY,
    rule: "aws-s3-bucket-enable-access-logging",
    apply: (p) => {
      p.resources = p.resources.filter(
        (r) => !(r.type === "aws:s3/bucketLogging:BucketLogging" && r.name === "data-web"),
      );
    },
  },
  {
    what: "a one-time Macie job over the data buckets (stack rule)",
    stack: STANDBY,
    rule: "aws-macie-classificationjob-enforce-data-bucket-scope",
    apply: edit(
      "aws:macie2/classificationJob:ClassificationJob",
      "governance-macie-buckets",
      (f) => (f.jobType = "ONE_TIME"),
    ),
  },
  {
    what: "a deploy runner outside the VPC (stack rule)",
    stack: PRIMARY,
    rule: "aws-codebuild-project-enforce-private-vpc",
    apply: edit("aws:codebuild/project:Project", "deploy-runner", (f) => delete f.vpcConfig),
  },
  {
    what: "replicated buckets without versioning (stack rule over unknown ARNs)",
    stack: STANDBY,
    rule: "aws-s3-bucket-enable-versioning-for-replication",
    apply: (p) => {
      p.resources = p.resources.filter(
        (r) => r.type !== "aws:s3/bucketVersioning:BucketVersioning",
      );
    },
  },
];

const mandatory = async (p: StackPlan) =>
  (await evaluatePlan(p)).mandatoryViolations.map((v) => `${v.policy} ${v.urn}`).sort();

describe("first-preview mode (npm start -- --preview)", () => {
  it("leaves what providers compute unknown and keeps what the program set", async () => {
    const primary = (await plans(true)).get(PRIMARY) as StackPlan;
    expect(primary.preview).to.equal(true);
    const vpc = the(primary, "aws:ec2/vpc:Vpc", "network-vpc");
    expect(vpc.id).to.equal(undefined);
    expect(vpc.outputs.arn).to.equal("[unknown]");
    expect(vpc.inputs.cidrBlock).to.equal("10.10.0.0/16");
    // A value another resource computes is unknown where it is used.
    const flowLogs = the(primary, "aws:cloudwatch/logGroup:LogGroup", "network-flow-logs");
    expect(flowLogs.inputs.kmsKeyId).to.equal("[unknown]");
    expect(flowLogs.inputs.retentionInDays).to.be.a("number");
  });

  it("registers exactly the resources of the run with known values", async () => {
    const [known, preview] = await Promise.all([plans(false), plans(true)]);
    for (const stack of [PRIMARY, STANDBY]) {
      // Registration order differs (a preview skips applies on unknowns); the set must not.
      const urns = (m: Map<string, StackPlan>) =>
        (m.get(stack) as StackPlan).resources.map((r) => r.urn).sort();
      expect(urns(preview)).to.have.length.greaterThan(300);
      expect(urns(preview)).to.deep.equal(urns(known));
    }
  });

  it("reads the primary through its deployed outputs in the standby's preview", async () => {
    const standby = (await plans(true)).get(STANDBY) as StackPlan;
    const aurora = the(standby, "aws:rds/cluster:Cluster", "data-aurora");
    expect(aurora.inputs.globalClusterIdentifier).to.be.a("string").and.not.equal("[unknown]");
  });

  it("decides every mandatory rule except on documents that embed ARNs created in the same run", async () => {
    const previews = await plans(true);
    expect([...previews.keys()]).to.deep.equal([PRIMARY, STANDBY]);
    for (const [stack, p] of previews) {
      const gate = await evaluatePlan(p);
      expect(gate.mandatoryViolations, stack).to.deep.equal([]);
      // Those documents are unknown as a whole: the AWS provider turns a policy object that holds
      // an unknown into one unknown string (tfbridge TransformJSONDocument), so no rule can read
      // them. (A jwksUri built from a Cognito pool's id would be too; the stack files' identity
      // provider hands Istio its keys inline, which a preview reads.)
      const unknownDocuments = p.resources.filter((r) =>
        Object.entries(DOCUMENT_RULES).some(
          ([type]) => r.type === type && r.inputs.policy === "[unknown]",
        ),
      );
      expect(unknownDocuments.length, stack).to.be.greaterThan(10);
      const undecided = (rule: string) =>
        gate.undecided
          .filter((u) => u.policy === rule)
          .map((u) => u.urn)
          .sort();
      for (const rule of new Set(Object.values(DOCUMENT_RULES))) {
        const types = Object.keys(DOCUMENT_RULES).filter((t) => DOCUMENT_RULES[t] === rule);
        expect(undecided(rule), `${stack} ${rule}`).to.deep.equal(
          unknownDocuments
            .filter((r) => types.includes(r.type))
            .map((r) => r.urn)
            .sort(),
        );
      }
      const others = gate.undecided.filter(
        (u) => !Object.values(DOCUMENT_RULES).includes(u.policy),
      );
      expect(others.map((u) => u.policy)).to.deep.equal([]);
    }
    // And the policy docs say so, rule by rule.
    const documented = rules.filter((r) => r.meta.previewLimit).map((r) => r.name);
    expect(documented.sort()).to.deep.equal(
      [
        ...new Set(Object.values(DOCUMENT_RULES)),
        "kubernetes-requestauthentication-enforce-https-jwks",
        // Decides, but reads the job's scope through dependencies when the names are unknown.
        "aws-macie-classificationjob-enforce-data-bucket-scope",
      ].sort(),
    );
  });

  it("never has checks it cannot run when values are known", async () => {
    const known = await plans(false);
    expect(known.size).to.equal(2);
    for (const [stack, p] of known) {
      expect((await evaluatePlan(p)).undecided, stack).to.deep.equal([]);
    }
  });

  for (const m of MUTATIONS) {
    it(`blocks ${m.what} in a preview exactly as with known values`, async () => {
      const [known, preview] = await Promise.all([plans(false), plans(true)]);
      const broken = (plansByStack: Map<string, StackPlan>) => {
        const copy = clone(plansByStack.get(m.stack) as StackPlan);
        m.apply(copy);
        return copy;
      };
      const expected = await mandatory(broken(known));
      expect(
        expected.some((v) => v.startsWith(`${m.rule} `)),
        "the edit breaks the rule",
      ).to.equal(true);
      expect(await mandatory(broken(preview))).to.deep.equal(expected);
    });
  }
});
