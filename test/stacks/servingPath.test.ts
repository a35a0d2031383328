/**
 * With prod-mumbai lost, what dr-singapore serves in failover must not depend on ap-south-1:
 * every reference to that region in the failover plan's inputs is accounted for here, and none of
 * them is on the serving path (workloads, token checks, the API, the mesh, the storefront).
 */
import { expect } from "chai";
import { PlannedResource, StackPlan } from "../../offline/plan";
import { every, plan } from "../helpers";

const PRIMARY_REGION = "ap-south-1";
const FAILOVER = "dr-singapore:ecommerce:dr.mode=failover";

/**
 * The failover plan's references to the primary's region, each off the serving path and why. A
 * new reference fails the test until it is added here with its reason, or removed.
 */
const NOT_SERVING: Record<string, string> = {
  // Replicas name the multi-region key they copy; encryption uses the replica in this region.
  "aws:kms/replicaKey:ReplicaKey": "names its primary key (key material origin)",
  // The global table's ARN identifies it; reads and writes go to this region's replica.
  "aws:dynamodb/tableReplica:TableReplica": "names the global table it joins",
  // Replication into and back out of this region (the path home at failback).
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": "S3 replication rules",
  "aws:iam/rolePolicy:RolePolicy": "the replication roles' buckets and keys",
  // Watching the primary: replication latency from it, and the DR dashboard's panels.
  "aws:cloudwatch/metricAlarm:MetricAlarm": "replication-latency alarms from the primary",
  "kubernetes:core/v1:ConfigMap": "the DR dashboard (panels for both regions)",
};
const ALLOWED_ROLE_POLICIES = ["data-replication", "data-replication-back"];
const ALLOWED_CONFIG_MAPS = ["observability-dashboard-disaster-recovery"];

/** The resources that take part in answering a shopper, and the inputs that say how. */
const SERVING_TYPES = [
  "kubernetes:apps/v1:Deployment",
  "kubernetes:security.istio.io/v1:RequestAuthentication",
  "kubernetes:security.istio.io/v1:AuthorizationPolicy",
  "kubernetes:networking.istio.io/v1:VirtualService",
  "kubernetes:networking.istio.io/v1:ServiceEntry",
  "aws:apigatewayv2/authorizer:Authorizer",
  "aws:apigatewayv2/api:Api",
  "aws:apigatewayv2/integration:Integration",
  "aws:apigatewayv2/route:Route",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:route53/record:Record",
  "aws:s3/bucketPolicy:BucketPolicy",
];

const mentions = (r: PlannedResource, text: string) => JSON.stringify(r.inputs).includes(text);

describe("stacks: dr-singapore's serving path in failover needs nothing in ap-south-1", () => {
  let failover: StackPlan;
  let prod: StackPlan;
  before(async () => {
    failover = await plan("dr-singapore", [FAILOVER]);
    prod = await plan("prod-mumbai", [FAILOVER]);
  });

  it("references the primary's region only off the serving path, each reference accounted for", () => {
    const hits = failover.resources.filter((r) => mentions(r, PRIMARY_REGION));
    expect(hits.length, "the replication links are found at all").to.be.greaterThan(0);
    for (const r of hits) {
      expect(NOT_SERVING, `${r.type} ${r.name} names ${PRIMARY_REGION}`).to.have.property(r.type);
      if (r.type === "aws:iam/rolePolicy:RolePolicy")
        expect(ALLOWED_ROLE_POLICIES).to.include(r.name);
      if (r.type === "kubernetes:core/v1:ConfigMap") expect(ALLOWED_CONFIG_MAPS).to.include(r.name);
    }
  });

  for (const type of SERVING_TYPES) {
    it(`has no ${type.split(":").pop()} that names ${PRIMARY_REGION} or the primary's identity pool`, () => {
      for (const r of every(failover, type)) {
        expect(mentions(r, PRIMARY_REGION), `${r.name} names ${PRIMARY_REGION}`).to.equal(false);
        expect(mentions(r, "cognito-idp."), `${r.name} names a Cognito issuer`).to.equal(false);
      }
    });
  }

  it("gives the workloads this region's endpoints and the global writer endpoint", () => {
    for (const d of every(failover, "kubernetes:apps/v1:Deployment")) {
      const spec = d.inputs.spec as {
        template: { spec: { containers: { env?: { name: string; value: string }[] }[] } };
      };
      const env = Object.fromEntries(
        (spec.template.spec.containers[0].env ?? []).map((e) => [e.name, e.value]),
      );
      if (env.DB_HOST === undefined) continue;
      expect(env.DB_HOST, d.name).to.equal(prod.outputs.globalWriterEndpoint);
      expect(env.AWS_REGION, d.name).to.equal("ap-southeast-1");
    }
  });

  it("serves the storefront from the standby's replica when Mumbai's bucket fails", () => {
    const [cdn] = every(prod, "aws:cloudfront/distribution:Distribution");
    const spec = cdn.inputs as {
      originGroups: { originId: string; members: { originId: string }[] }[];
      origins: { originId: string; domainName: string }[];
      defaultCacheBehavior: { targetOriginId: string };
    };
    const group = spec.originGroups.find(
      (g) => g.originId === spec.defaultCacheBehavior.targetOriginId,
    );
    const secondary = spec.origins.find((o) => o.originId === group?.members[1].originId);
    expect(secondary?.domainName).to.match(/\.s3\.ap-southeast-1\.amazonaws\.com$/);
    const stored = failover.resources.find(
      (r) => r.type === "aws:s3/bucket:Bucket" && r.name === "data-web",
    );
    expect(secondary?.domainName.split(".s3.")[0]).to.equal(stored?.inputs.bucket);
  });

  it("with the primary's Cognito pool instead, the token checks are exactly what still names ap-south-1", async () => {
    const cognito = await plan("dr-singapore", [
      "prod-mumbai:ecommerce:identity={provider: cognito}",
      FAILOVER,
    ]);
    const serving = cognito.resources.filter(
      (r) => SERVING_TYPES.includes(r.type) && mentions(r, PRIMARY_REGION),
    );
    // API Gateway fetches keys through the issuer's discovery document; Istio from the pool's URL.
    expect(serving.map((r) => r.type).sort()).to.deep.equal([
      "aws:apigatewayv2/authorizer:Authorizer",
      "kubernetes:security.istio.io/v1:RequestAuthentication",
    ]);
  });
});
