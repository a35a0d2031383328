import { expect } from "chai";
import { storefrontReplicaBucketName } from "../../../components/data/buckets";
import {
  STOREFRONT_FAILOVER_STATUS_CODES,
  storefrontOrigins,
} from "../../../components/edge/storefront";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

describe("components/edge storefront: the SPA from either region", () => {
  it("puts the replica behind the primary in an origin group, both through one origin access control", () => {
    const o = storefrontOrigins({
      primaryDomainName: "a.s3.ap-south-1.amazonaws.com",
      replicaDomainName: "b.s3.ap-southeast-1.amazonaws.com",
      originAccessControlId: "oac",
    });
    expect(o.origins.map((x) => [x.originId, x.originAccessControlId])).to.deep.equal([
      ["web", "oac"],
      ["web-replica", "oac"],
    ]);
    expect(o.originGroups).to.deep.equal([
      {
        originId: "web-failover",
        failoverCriteria: { statusCodes: [403, 500, 502, 503, 504] },
        members: [{ originId: "web" }, { originId: "web-replica" }],
      },
    ]);
    expect(o.targetOriginId).to.equal("web-failover");
    // Only codes CloudFront accepts for failover (400, 403, 404, 416, 500, 502, 503, 504).
    for (const code of STOREFRONT_FAILOVER_STATUS_CODES)
      expect([400, 403, 404, 416, 500, 502, 503, 504]).to.include(code);
  });

  it("serves the single origin when no region replicates the storefront", () => {
    const o = storefrontOrigins({ primaryDomainName: "a", originAccessControlId: "oac" });
    expect(o).to.deep.equal({
      origins: [{ originId: "web", domainName: "a", originAccessControlId: "oac" }],
      originGroups: [],
      targetOriginId: "web",
    });
  });

  it("names the replica within S3's 63 characters, or refuses", () => {
    expect(
      storefrontReplicaBucketName("ecommerce-prod-mumbai", "ap-southeast-1", "123456789012"),
    ).to.equal("ecommerce-prod-mumbai-web-ap-southeast-1-123456789012");
    expect(() =>
      storefrontReplicaBucketName("x".repeat(40), "ap-southeast-1", "123456789012"),
    ).to.throw(/exceeds 63 characters/);
  });

  describe("recorded offline runs", () => {
    let prod: StackPlan;
    let dr: StackPlan;
    before(async () => {
      prod = await plan("prod-mumbai");
      dr = await plan("dr-singapore");
    });

    it("fails the storefront over from Mumbai's web bucket to the standby's replica", () => {
      const [cdn] = ofType(prod, DISTRIBUTION);
      const spec = cdn.inputs as Spec;
      const oac = the(prod, "aws:cloudfront/originAccessControl:OriginAccessControl", "edge-web");
      const replica = the(dr, "aws:s3/bucket:Bucket", "data-web");
      const primary = the(prod, "aws:s3/bucket:Bucket", "data-web");
      const s3 = spec.origins.filter((o: Spec) => o.originId !== "api");
      expect(s3).to.deep.equal([
        {
          originId: "web",
          domainName: `${primary.inputs.bucket}.s3.ap-south-1.amazonaws.com`,
          originAccessControlId: oac.id,
        },
        {
          originId: "web-replica",
          domainName: `${replica.inputs.bucket}.s3.ap-southeast-1.amazonaws.com`,
          originAccessControlId: oac.id,
        },
      ]);
      expect(spec.originGroups[0].members).to.deep.equal([
        { originId: "web" },
        { originId: "web-replica" },
      ]);
      expect(spec.defaultCacheBehavior.targetOriginId).to.equal("web-failover");
      // An origin group takes GET, HEAD and OPTIONS only.
      expect(spec.defaultCacheBehavior.allowedMethods).to.deep.equal(["GET", "HEAD", "OPTIONS"]);
    });

    it("creates the replica under the name the primary exported, admitting only the distribution read through the StackReference", () => {
      const names = prod.outputs.storefrontReplicaBuckets as Record<string, string>;
      expect(the(dr, "aws:s3/bucket:Bucket", "data-web").inputs.bucket).to.equal(
        names["ap-southeast-1"],
      );
      const cdn = the(prod, DISTRIBUTION, "edge-cdn");
      expect(prod.outputs.storefrontDistributionArn).to.equal(cdn.outputs.arn);
      const policy = JSON.parse(
        String(the(dr, "aws:s3/bucketPolicy:BucketPolicy", "data-web").inputs.policy),
      );
      const reads = policy.Statement.filter((s: Spec) => s.Effect === "Allow");
      expect(reads).to.deep.equal([
        {
          Sid: "CloudFrontReads",
          Effect: "Allow",
          Principal: { Service: "cloudfront.amazonaws.com" },
          Action: "s3:GetObject",
          Resource: `${the(dr, "aws:s3/bucket:Bucket", "data-web").outputs.arn}/*`,
          Condition: { StringEquals: { "AWS:SourceArn": cdn.outputs.arn } },
        },
      ]);
      // The assets replica is not served: only the SPA's bucket admits CloudFront.
      const assets = JSON.parse(
        String(the(dr, "aws:s3/bucketPolicy:BucketPolicy", "data-assets").inputs.policy),
      );
      expect(assets.Statement.map((s: Spec) => s.Sid)).to.deep.equal(["DenyInsecureTransport"]);
    });

    it("keeps a single origin when the primary replicates to no region", async () => {
      const alone = await plan("prod-mumbai", ["prod-mumbai:ecommerce:dr.replicaRegions=[]"]);
      const spec = ofType(alone, DISTRIBUTION)[0].inputs as Spec;
      expect(spec.originGroups).to.deep.equal([]);
      expect(spec.defaultCacheBehavior.targetOriginId).to.equal("web");
    });
  });
});
