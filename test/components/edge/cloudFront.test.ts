import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { ofType, plan, the } from "../../helpers";
import { Spec, T } from "./fixtures";

describe("components/edge: CloudFront, web ACLs, accelerator (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("serves the SPA and /api/* through CloudFront: OAC, HTTPS only, TLS 1.2 2021, compression, logs, WAF", () => {
    const [cdn] = ofType(prod, T.distribution);
    const spec = cdn.inputs as Spec;
    expect(spec.aliases).to.deep.equal(["www.shop.example.com", "shop.example.com"]);
    expect(spec.viewerCertificate).to.deep.include({
      minimumProtocolVersion: "TLSv1.2_2021",
      sslSupportMethod: "sni-only",
    });
    expect(spec.defaultCacheBehavior).to.deep.include({
      viewerProtocolPolicy: "redirect-to-https",
      compress: true,
      targetOriginId: "web-failover", // the origin group: storefront.test.ts
    });
    expect(spec.orderedCacheBehaviors[0]).to.deep.include({
      pathPattern: "/api/*",
      targetOriginId: "api",
      viewerProtocolPolicy: "https-only",
    });
    const web = spec.origins.find((o: Spec) => o.originId === "web");
    expect(web.originAccessControlId).to.be.a("string");
    expect(spec.origins.find((o: Spec) => o.originId === "api")).to.deep.include({
      domainName: "api.shop.example.com",
    });
    const acl = the(prod, T.acl, "edge-cdn");
    expect(spec.webAclId).to.equal(acl.outputs.arn);
    expect(acl.inputs).to.deep.include({ scope: "CLOUDFRONT", region: "us-east-1" });
    const rules = (acl.inputs.rules as Spec[]).map((r) => r.name);
    expect(rules).to.deep.equal([
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesSQLiRuleSet",
      "AWSManagedRulesAmazonIpReputationList",
      "rate-limit-per-ip",
    ]);
    const cdnRules = acl.inputs.rules as Spec[];
    expect(cdnRules.at(-1)).to.deep.include({
      action: { block: {} },
      statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } },
    });
    for (const r of cdnRules.slice(0, -1))
      expect(r.overrideAction, r.name).to.deep.equal({ none: {} });
    expect(the(prod, T.aclLogging, "edge-cdn").inputs.resourceArn).to.equal(acl.outputs.arn);
    expect(ofType(dr, T.distribution)).to.deep.equal([]);
    const www = the(prod, T.record, "edge-cdn-0");
    expect(www.inputs.name).to.equal("www.shop.example.com");
  });

  it("publishes the IPv6-enabled distribution under AAAA aliases as well as A", () => {
    const [distribution] = ofType(prod, T.distribution);
    expect(distribution.inputs.isIpv6Enabled).to.equal(true);
    const aliases = ofType(prod, T.record).filter((r) => r.name.startsWith("edge-cdn-"));
    const byType = (type: string) =>
      aliases.filter((r) => r.inputs.type === type).map((r) => r.inputs.name);
    expect(byType("A").length).to.be.greaterThan(0);
    expect(byType("AAAA")).to.deep.equal(byType("A"));
  });

  it("encrypts CloudFront's standard logs with a key the log delivery service may use", () => {
    const key = the(prod, "aws:kms/key:Key", "edge-cdn-logs");
    expect(key.protect).to.equal(true);
    const statements = JSON.parse(String(key.inputs.policy)).Statement as Spec[];
    expect(statements.find((s) => s.Sid === "CloudFrontDeliversLogs")).to.deep.include({
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
    });
    const sse = the(
      prod,
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      "edge-cdn-logs",
    );
    expect((sse.inputs.rules as Spec[])[0].applyServerSideEncryptionByDefault).to.deep.equal({
      sseAlgorithm: "aws:kms",
      kmsMasterKeyId: key.outputs.arn,
    });
  });

  it("counts, rather than blocks, API bodies over 8 KB in both web ACLs", () => {
    const acls = ofType(prod, T.acl);
    expect(acls.length).to.be.greaterThan(1);
    for (const acl of acls) {
      const common = (acl.inputs.rules as Spec[]).find(
        (r) => r.name === "AWSManagedRulesCommonRuleSet",
      );
      expect(
        common?.statement.managedRuleGroupStatement.ruleActionOverrides,
        acl.name,
      ).to.deep.equal([{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]);
    }
  });

  it("lets only the storefront's distribution read the web bucket and the standby's replica", () => {
    const statements = (p: StackPlan) =>
      JSON.parse(String(the(p, "aws:s3/bucketPolicy:BucketPolicy", "data-web").inputs.policy))
        .Statement as Spec[];
    const cdn = the(prod, T.distribution, "edge-cdn");
    const reads = statements(prod).find((s) => s.Sid === "CloudFrontReads");
    expect(reads).to.deep.include({
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Condition: { StringEquals: { "AWS:SourceArn": cdn.outputs.arn } },
    });
    // The policy waits for the distribution it names (a deferred output closes the loop).
    expect(the(prod, "aws:s3/bucketPolicy:BucketPolicy", "data-web").dependencies).to.include(
      cdn.urn,
    );
    // The replica admits the same distribution, its ARN read through the StackReference.
    const replica = statements(dr).find((s) => s.Sid === "CloudFrontReads");
    expect(replica?.Condition).to.deep.equal(reads?.Condition);
  });

  it("puts a regional WAF on each region's ALB, so the regional API names get CloudFront's content rules too", () => {
    for (const p of [prod, dr]) {
      const acl = the(p, T.acl, "edge-api-waf");
      expect(acl.inputs.scope).to.equal("REGIONAL");
      expect(acl.inputs.region).to.equal(undefined); // the stack's own region
      // CloudFront's content rules; IP reputation would only judge API Gateway's own addresses.
      expect((acl.inputs.rules as Spec[]).map((r) => r.name)).to.deep.equal([
        "AWSManagedRulesCommonRuleSet",
        "AWSManagedRulesKnownBadInputsRuleSet",
        "AWSManagedRulesSQLiRuleSet",
        "rate-limit-per-ip",
      ]);
      // Behind the VPC link every request comes from API Gateway: count clients by the
      // forwarded address instead.
      const rules = acl.inputs.rules as Spec[];
      const rate = rules.find((r) => r.name === "rate-limit-per-ip") as Spec;
      expect(rate.action).to.deep.equal({ block: {} });
      expect(rate.statement.rateBasedStatement).to.deep.equal({
        limit: 2000,
        aggregateKeyType: "FORWARDED_IP",
        forwardedIpConfig: { headerName: "X-Forwarded-For", fallbackBehavior: "NO_MATCH" },
      });
      // The managed groups block (their own actions stand), rather than only counting.
      for (const r of rules.filter((x) => x !== rate)) {
        expect(r.overrideAction, r.name).to.deep.equal({ none: {} });
        expect(r.visibilityConfig, r.name).to.deep.include({ cloudwatchMetricsEnabled: true });
      }
      const [alb] = ofType(p, "aws:lb/loadBalancer:LoadBalancer");
      expect(
        the(p, "aws:wafv2/webAclAssociation:WebAclAssociation", "edge-api-waf").inputs,
      ).to.deep.equal({
        resourceArn: alb.outputs.arn,
        webAclArn: acl.outputs.arn,
      });
      const logs = the(p, "aws:cloudwatch/logGroup:LogGroup", "edge-api-waf");
      expect(String(logs.inputs.name)).to.match(/^aws-waf-logs-/);
      expect(logs.inputs).to.deep.include({ retentionInDays: 365 });
      // The data layer's logs key in this region (a replica in the standby).
      const logsKey = [
        ...ofType(p, "aws:kms/key:Key"),
        ...ofType(p, "aws:kms/replicaKey:ReplicaKey"),
      ].find((k) => k.name === "data-logs");
      expect(logs.inputs.kmsKeyId).to.equal(logsKey?.outputs.arn);
      expect(String(logs.inputs.kmsKeyId)).to.include(`:${p.region}:`);
      expect(the(p, T.aclLogging, "edge-api-waf").inputs).to.deep.equal({
        resourceArn: acl.outputs.arn,
        logDestinationConfigs: [logs.outputs.arn],
      });
    }
  });

  it("adds Global Accelerator when enabled: the standby's endpoint group dials 0 at rest and 100 in failover", async () => {
    expect(ofType(prod, T.accelerator)).to.deep.equal([]);
    const on = [
      "prod-mumbai:ecommerce:edge.globalAccelerator=true",
      "dr-singapore:ecommerce:edge.globalAccelerator=true",
    ];
    const withGa = await plan("prod-mumbai", on);
    expect(ofType(withGa, T.accelerator)).to.have.length(1);
    const primaryGroup = ofType(withGa, T.endpointGroup)[0].inputs;
    expect(primaryGroup).to.deep.include({
      trafficDialPercentage: 100,
      endpointGroupRegion: "ap-south-1",
    });
    // An ALB endpoint is judged by its target health: the groups' own check settings would be
    // ignored, so neither region's sets any.
    const checkKeys = (inputs: object) =>
      Object.keys(inputs).filter((k) => /healthCheck|threshold/i.test(k));
    expect(checkKeys(primaryGroup)).to.deep.equal([]);
    const resting = await plan("dr-singapore", on);
    const group = ofType(resting, T.endpointGroup)[0];
    expect(checkKeys(group.inputs)).to.deep.equal([]);
    expect(group.inputs).to.deep.include({
      trafficDialPercentage: 0,
      endpointGroupRegion: "ap-southeast-1",
      listenerArn: withGa.outputs.acceleratorListenerArn,
    });
    const failover = await plan("dr-singapore", [...on, "dr-singapore:ecommerce:dr.mode=failover"]);
    expect(ofType(failover, T.endpointGroup)[0].inputs.trafficDialPercentage).to.equal(100);
    expect(failover.policy?.violations).to.deep.equal([]);
  });

  it("refuses an accelerator on the standby when the primary has none, naming the key", async () => {
    const err = await plan("dr-singapore", [
      "dr-singapore:ecommerce:edge.globalAccelerator=true",
    ]).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).to.match(
      /ecommerce:edge.globalAccelerator is true on the standby, but the primary exports no accelerator listener; set ecommerce:edge.globalAccelerator: true on the primary/,
    );
  });
});
