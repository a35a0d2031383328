import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { every, ofType, plan, the } from "../../helpers";
import { Spec, T } from "./fixtures";

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
      // The gateway routes on Host: the ALB sees a name the Istio Gateway serves.
      requestParameters: { "overwrite:header.Host": "api-ap-south-1.shop.example.com" },
    });
    const gateway = ofType(prod, "kubernetes:networking.istio.io/v1:Gateway")[0];
    const served = (gateway.inputs.spec as { servers: { hosts: string[] }[] }).servers.flatMap(
      (server) => server.hosts,
    );
    expect(served).to.include("api-ap-south-1.shop.example.com");
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

  it("falls back to literal defaults when the stack sets no edge tuning: 10 s, 3 failures, /healthz, TTL 60, 1000/500 rps", async () => {
    // Both stack files set the health check, so only a run without it exercises the defaults.
    const bare = await plan("prod-mumbai", [
      'prod-mumbai:ecommerce:edge={"domain":"shop.example.com"}',
    ]);
    expect(the(bare, T.healthCheck, "edge-primary").inputs).to.deep.include({
      requestInterval: 10,
      failureThreshold: 3,
      resourcePath: "/healthz",
    });
    // The api pair is the standby's Region switch's; its stack file sets no TTL: the default.
    expect(the(await plan("dr-singapore"), T.record, "switch-api-primary").inputs.ttl).to.equal(60);
    expect(ofType(bare, T.stage)[0].inputs.defaultRouteSettings).to.deep.equal({
      throttlingBurstLimit: 500,
      throttlingRateLimit: 1000,
    });
    // No zoneId: the primary creates the zone, and protects it by default.
    expect(ofType(bare, T.zone).map((z) => [z.name, z.protect])).to.deep.equal([
      ["edge-zone", true],
    ]);
  });
});
