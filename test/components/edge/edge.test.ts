import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const T = {
  zone: "aws:route53/zone:Zone",
  record: "aws:route53/record:Record",
  healthCheck: "aws:route53/healthCheck:HealthCheck",
  cert: "aws:acm/certificate:Certificate",
  validation: "aws:acm/certificateValidation:CertificateValidation",
  alb: "aws:lb/loadBalancer:LoadBalancer",
  listener: "aws:lb/listener:Listener",
  tg: "aws:lb/targetGroup:TargetGroup",
  tgb: "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding",
  api: "aws:apigatewayv2/api:Api",
  link: "aws:apigatewayv2/vpcLink:VpcLink",
  integration: "aws:apigatewayv2/integration:Integration",
  authorizer: "aws:apigatewayv2/authorizer:Authorizer",
  route: "aws:apigatewayv2/route:Route",
  stage: "aws:apigatewayv2/stage:Stage",
  domain: "aws:apigatewayv2/domainName:DomainName",
  distribution: "aws:cloudfront/distribution:Distribution",
  acl: "aws:wafv2/webAcl:WebAcl",
  aclLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  accelerator: "aws:globalaccelerator/accelerator:Accelerator",
  endpointGroup: "aws:globalaccelerator/endpointGroup:EndpointGroup",
};

describe("components/edge (recorded offline runs)", () => {
  let prod: StackPlan;
  let dr: StackPlan;
  before(async () => {
    prod = await plan("prod-mumbai");
    dr = await plan("dr-singapore");
  });

  it("hosts the domain in a protected zone the standby shares", () => {
    const [zone] = ofType(prod, T.zone);
    expect(zone.inputs.name).to.equal("shop.example.com");
    expect(zone.protect).to.equal(true);
    expect(ofType(dr, T.zone)).to.deep.equal([]);
    for (const r of every(dr, T.record))
      expect(r.inputs.zoneId, r.name).to.equal(zone.outputs.zoneId);
  });

  it("validates a regional certificate for api and api-<region>, and a us-east-1 one for CloudFront", () => {
    const regional = the(prod, T.cert, "edge-api");
    expect(regional.inputs).to.deep.include({
      domainName: "api.shop.example.com",
      subjectAlternativeNames: ["api-ap-south-1.shop.example.com"],
      validationMethod: "DNS",
      keyAlgorithm: "RSA_2048",
    });
    expect(regional.inputs.region).to.equal(undefined);
    const cdn = the(prod, T.cert, "edge-cdn");
    expect(cdn.inputs).to.deep.include({ domainName: "www.shop.example.com", region: "us-east-1" });
    expect(ofType(prod, T.validation)).to.have.length(2);
    const validationRecords = ofType(prod, T.record).filter((r) => r.name.includes("-validation-"));
    expect(validationRecords).to.have.length(4);
    // Shared with the other region's certificate: neither stack may delete them.
    for (const r of validationRecords) {
      expect(r.inputs.allowOverwrite).to.equal(true);
      expect(r.retainOnDelete, r.name).to.equal(true);
    }
    // Each validation waits for its own certificate's records.
    const apiValidation = the(prod, T.validation, "edge-api");
    const apiRecords = validationRecords.filter((r) => r.name.startsWith("edge-api-"));
    expect(apiRecords).to.have.length(2);
    expect(apiValidation.dependencies).to.include.members(apiRecords.map((r) => r.urn));
    expect(the(dr, T.cert, "edge-api").inputs.subjectAlternativeNames).to.deep.equal([
      "api-ap-southeast-1.shop.example.com",
    ]);
  });

  it("runs an internal ALB: TLS 1.3 HTTPS, HTTP only redirecting, access logs, invalid headers dropped, deletion protection", () => {
    const [alb] = ofType(prod, T.alb);
    expect(alb.inputs).to.deep.include({
      internal: true,
      dropInvalidHeaderFields: true,
      enableDeletionProtection: true,
      subnets: prod.outputs.privateSubnetIds,
    });
    expect((alb.inputs.accessLogs as Spec).enabled).to.equal(true);
    // Only the VPC link's security group may reach the ALB, not the whole VPC.
    const https = the(
      prod,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
      "edge-alb-https",
    );
    expect(https.inputs).to.deep.include({
      securityGroupId: the(prod, "aws:ec2/securityGroup:SecurityGroup", "edge-alb").id,
      referencedSecurityGroupId: the(prod, "aws:ec2/securityGroup:SecurityGroup", "edge-vpc-link")
        .id,
      fromPort: 443,
      toPort: 443,
    });
    expect(https.inputs.cidrIpv4).to.equal(undefined);
    // Rules live only in rule resources: an inline list beside them would strip them on update.
    for (const sgName of ["edge-alb", "edge-vpc-link"]) {
      const sg = the(prod, "aws:ec2/securityGroup:SecurityGroup", sgName);
      expect(sg.inputs.egress, sgName).to.equal(undefined);
      expect(sg.inputs.ingress, sgName).to.equal(undefined);
      const rules = prod.resources.filter(
        (r) => r.type.startsWith("aws:vpc/securityGroup") && r.inputs.securityGroupId === sg.id,
      );
      expect(
        rules.map((r) => r.type),
        sgName,
      ).to.include("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
    }
    // Created only once its log bucket accepts deliveries (policy, ownership, encryption).
    for (const type of [
      "aws:s3/bucketPolicy:BucketPolicy",
      "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
      "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    ]) {
      expect(alb.dependencies).to.include(the(prod, type, "edge-alb-logs").urn);
      const cdn = ofType(prod, T.distribution)[0];
      expect(cdn.dependencies).to.include(the(prod, type, "edge-cdn-logs").urn);
    }
    const listeners = Object.fromEntries(
      ofType(prod, T.listener).map((l) => [l.inputs.protocol, l.inputs]),
    );
    expect(listeners.HTTPS).to.include({
      port: 443,
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    });
    expect(listeners.HTTP.defaultActions).to.deep.equal([
      { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
    ]);
  });

  it("binds the Istio gateway's pods to an ip target group through a TargetGroupBinding", () => {
    const [tg] = ofType(prod, T.tg);
    expect(tg.inputs).to.deep.include({ targetType: "ip", port: 8080, protocol: "HTTP" });
    expect((tg.inputs.healthCheck as Spec).path).to.equal("/healthz/ready");
    const [binding] = ofType(prod, T.tgb);
    expect(binding.inputs.metadata).to.deep.include({ namespace: "istio-system" });
    expect(binding.inputs.spec).to.deep.equal({
      serviceRef: { name: "istio-ingressgateway", port: 8080 },
      targetGroupARN: tg.outputs.arn,
      targetType: "ip",
    });
  });

  it("fronts the ALB with an HTTP API: VPC link, JWT authorizer on protected routes, throttling, access logs, TLS 1.2 domains", () => {
    const [integration] = ofType(prod, T.integration);
    const https = ofType(prod, T.listener).find((l) => l.inputs.protocol === "HTTPS");
    expect(integration.inputs).to.deep.include({
      connectionType: "VPC_LINK",
      integrationUri: https?.outputs.arn,
      tlsConfig: { serverNameToVerify: "api-ap-south-1.shop.example.com" },
    });
    const [authorizer] = ofType(prod, T.authorizer);
    expect(authorizer.inputs.jwtConfiguration).to.deep.equal({
      issuer: prod.outputs.jwtIssuer,
      audiences: [prod.outputs.jwtAudience], // identity.test.ts: the provider
    });
    const routes = Object.fromEntries(
      ofType(prod, T.route).map((r) => [r.inputs.routeKey, r.inputs.authorizationType]),
    );
    expect(routes).to.include({
      "ANY /cart": "JWT",
      "ANY /cart/{proxy+}": "JWT",
      "ANY /products/{proxy+}": "NONE",
      "GET /healthz": "NONE",
      "ANY /payments": "JWT",
    });
    const [stage] = ofType(prod, T.stage);
    expect(stage.inputs.defaultRouteSettings).to.deep.equal({
      throttlingBurstLimit: 500,
      throttlingRateLimit: 1000,
    });
    const group = the(prod, "aws:cloudwatch/logGroup:LogGroup", "edge-api-access");
    expect((stage.inputs.accessLogSettings as Spec).destinationArn).to.equal(group.outputs.arn);
    expect(group.inputs.kmsKeyId).to.equal((prod.outputs.keyArns as Record<string, string>).logs);
    for (const d of every(prod, T.domain))
      expect((d.inputs.domainNameConfiguration as Spec).securityPolicy).to.equal("TLS_1_2");
  });

  it("checks the primary's API over HTTPS; the api.<domain> pair is the Region switch's, not the edge's", () => {
    const [hc] = ofType(prod, T.healthCheck);
    expect(hc.inputs).to.deep.include({
      type: "HTTPS",
      fqdn: "api-ap-south-1.shop.example.com",
      resourcePath: "/healthz",
      requestInterval: 10,
      failureThreshold: 3,
      invertHealthcheck: false,
    });
    expect(hc.parent).to.match(/ecommerce:edge:Edge::edge$/);
    // Each region's edge exports its API Gateway domain target, which its record of the pair answers.
    const apiTarget = (p: StackPlan) =>
      (ofType(p, T.domain)[0].outputs.domainNameConfiguration as Spec).targetDomainName as string;
    expect(prod.outputs.apiTarget).to.equal(apiTarget(prod));
    const pair = (p: StackPlan) =>
      ofType(p, T.record).filter((r) => r.inputs.name === "api.shop.example.com");
    expect(pair(prod)).to.deep.equal([]);
    expect(pair(dr).map((r) => r.parent)).to.satisfy(
      (parents: string[]) =>
        parents.length === 2 && parents.every((u) => /RegionSwitch::switch$/.test(u)),
    );
  });

  it("inverts the health check for a traffic drill", async () => {
    const drill = await plan("prod-mumbai", ["prod-mumbai:ecommerce:dr.drill=true"]);
    expect(ofType(drill, T.healthCheck)[0].inputs.invertHealthcheck).to.equal(true);
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
    expect(ofType(withGa, T.endpointGroup)[0].inputs).to.deep.include({
      trafficDialPercentage: 100,
      endpointGroupRegion: "ap-south-1",
    });
    const resting = await plan("dr-singapore", on);
    const group = ofType(resting, T.endpointGroup)[0];
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
