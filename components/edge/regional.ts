/**
 * The regional entry point every stack builds: certificate, internal ALB bound to the Istio
 * gateway, API Gateway HTTP API in front of it through a VPC link, and the regional DNS name.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { secureBucket } from "../shared/secureBucket";
import { encryptedLogGroup } from "../shared/logGroup";
import { ComponentScope } from "../shared/scope";
import type { EdgeCommonArgs } from "./args";
import { PolicyStatement } from "../shared/iamDocuments";
import { protectWithWaf } from "./regionalWaf";
import { GATEWAY_SHUTDOWN } from "../mesh/values";

/** ELB access logs: older regions deliver from a regional ELB account, newer ones from a service principal. */
const ELB_LOG_ACCOUNTS: Record<string, string> = {
  "us-east-1": "127311923021",
  "ap-south-1": "718504428378",
  "ap-southeast-1": "114774131450",
  "eu-west-1": "156460612806",
};

export function elbLogDelivery(region: string, prefix: string) {
  return (arn: string, account: string): PolicyStatement[] => [
    {
      Sid: "ElbAccessLogDelivery",
      Effect: "Allow",
      Principal: ELB_LOG_ACCOUNTS[region]
        ? { AWS: `arn:aws:iam::${ELB_LOG_ACCOUNTS[region]}:root` }
        : { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${arn}/${prefix}/AWSLogs/${account}/*`,
    },
  ];
}

/** A DNS-validated ACM certificate (in `region` when given: us-east-1 for CloudFront). */
export function validatedCertificate(
  name: string,
  parent: pulumi.Resource,
  zoneId: pulumi.Input<string>,
  domainName: string,
  alternativeNames: string[],
  region?: string,
): aws.acm.CertificateValidation {
  const cert = new aws.acm.Certificate(
    name,
    {
      domainName,
      subjectAlternativeNames: alternativeNames,
      validationMethod: "DNS",
      // RSA 2048, ACM's default: API Gateway's custom-domain documentation states no support for
      // ECDSA keys on regional domain names, and ALB and CloudFront accept RSA 2048 too.
      keyAlgorithm: "RSA_2048",
      region,
      tags: { Name: domainName },
    },
    { parent },
  );
  const records = [domainName, ...alternativeNames].map(
    (domain, i) =>
      new aws.route53.Record(
        `${name}-validation-${i}`,
        {
          zoneId,
          name: cert.domainValidationOptions.apply(
            (o) => o.find((x) => x.domainName === domain)?.resourceRecordName ?? "",
          ),
          type: cert.domainValidationOptions.apply(
            (o) => o.find((x) => x.domainName === domain)?.resourceRecordType ?? "CNAME",
          ),
          records: [
            cert.domainValidationOptions.apply(
              (o) => o.find((x) => x.domainName === domain)?.resourceRecordValue ?? "",
            ),
          ],
          ttl: 300,
          // Both regions validate the same names: the records are shared, not owned, so
          // destroying one stack must not delete the record the other's renewal needs.
          allowOverwrite: true,
        },
        { parent, retainOnDelete: true },
      ),
  );
  return new aws.acm.CertificateValidation(
    name,
    { certificateArn: cert.arn, validationRecordFqdns: records.map((r) => r.fqdn), region },
    { parent },
  );
}

/** The edge's regional settings, plus where the entry sits and its resolved zone. */
export interface RegionalEntryArgs extends Pick<
  EdgeCommonArgs,
  | "region"
  | "domain"
  | "vpcId"
  | "privateSubnetIds"
  | "workloadSecurityGroupId"
  | "provider"
  | "gateway"
  | "dependsOn"
  | "logsKeyArn"
  | "logRetentionDays"
  | "jwt"
  | "routes"
  | "throttling"
> {
  /** Logical name of the Edge component; children are named `<name>-<part>`. */
  name: string;
  /** The Edge component, parent of every resource of the entry. */
  parent: pulumi.Resource;
  /** The edge's scope (naming, account, `protect`) for the entry's log bucket. */
  scope: ComponentScope;
  /**
   * The resolved hosted zone: the regional name and the certificate validation records go there.
   */
  zoneId: pulumi.Input<string>;
}

export interface RegionalEntry {
  alb: aws.lb.LoadBalancer;
  apiDomains: aws.apigatewayv2.DomainName[];
  /** `api-<region>.<domain>`: what the health check and CloudFront reach. */
  regionalName: string;
  api: aws.apigatewayv2.Api;
}

export function createRegionalEntry(a: RegionalEntryArgs): RegionalEntry {
  const opts = { parent: a.parent };
  const apiName = `api.${a.domain}`;
  const regionalName = `api-${a.region}.${a.domain}`;
  const certificate = validatedCertificate(`${a.name}-api`, a.parent, a.zoneId, apiName, [
    regionalName,
  ]);

  // The ALB is internal; only API Gateway's VPC link (in the private subnets) reaches it.
  const albSg = new aws.ec2.SecurityGroup(
    `${a.name}-alb`,
    {
      vpcId: a.vpcId,
      description: "Internal ALB: HTTPS from the API Gateway VPC link only",
      // No inline rules: the rule resources below own them (mixing the two makes every
      // update strip the other's). The provider revokes AWS's default allow-all egress.
      tags: { Name: `${a.scope.namePrefix}-alb` },
    },
    opts,
  );
  for (const port of [a.gateway.servicePort, 15021]) {
    new aws.vpc.SecurityGroupEgressRule(
      `${a.name}-alb-to-gateway-${port}`,
      {
        securityGroupId: albSg.id,
        referencedSecurityGroupId: a.workloadSecurityGroupId,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        description: "Istio gateway pods",
      },
      opts,
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${a.name}-gateway-from-alb-${port}`,
      {
        securityGroupId: a.workloadSecurityGroupId,
        referencedSecurityGroupId: albSg.id,
        ipProtocol: "tcp",
        fromPort: port,
        toPort: port,
        description: "from the internal ALB",
      },
      opts,
    );
  }
  const linkSg = new aws.ec2.SecurityGroup(
    `${a.name}-vpc-link`,
    {
      vpcId: a.vpcId,
      description: "API Gateway VPC link: to the internal ALB only",
      // No inline rules: the rule resources below own them (mixing the two makes every
      // update strip the other's). The provider revokes AWS's default allow-all egress.
      tags: { Name: `${a.scope.namePrefix}-vpc-link` },
    },
    opts,
  );
  new aws.vpc.SecurityGroupEgressRule(
    `${a.name}-vpc-link-to-alb`,
    {
      securityGroupId: linkSg.id,
      referencedSecurityGroupId: albSg.id,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: "ALB HTTPS",
    },
    opts,
  );
  // Only the VPC link's interfaces, not every address in the VPC, may open connections to the ALB.
  new aws.vpc.SecurityGroupIngressRule(
    `${a.name}-alb-https`,
    {
      securityGroupId: albSg.id,
      referencedSecurityGroupId: linkSg.id,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: "API Gateway VPC link",
    },
    opts,
  );

  const logs = secureBucket(a.scope, "alb-logs", {
    noncurrentDays: 30,
    expireDays: 365,
    extraPolicy: elbLogDelivery(a.region, "alb"),
  });
  const alb = new aws.lb.LoadBalancer(
    `${a.name}-alb`,
    {
      internal: true,
      loadBalancerType: "application",
      subnets: a.privateSubnetIds,
      securityGroups: [albSg.id],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: true,
      accessLogs: { bucket: logs.bucket.bucket, prefix: "alb", enabled: true },
      tags: { Name: `${a.scope.namePrefix}-api` },
    },
    // The ALB test-writes to its log bucket when created: the delivery policy must exist.
    { ...opts, dependsOn: logs.settled },
  );
  protectWithWaf({
    name: a.name,
    scope: a.scope,
    alb,
    logsKeyArn: a.logsKeyArn,
    logRetentionDays: a.logRetentionDays,
  });
  // Targets are the Istio gateway's pod IPs, kept current by the load balancer controller.
  const targets = new aws.lb.TargetGroup(
    `${a.name}-gateway`,
    {
      targetType: "ip",
      protocol: "HTTP",
      port: a.gateway.servicePort,
      vpcId: a.vpcId,
      // The gateway pods stay up this long after deregistration (GATEWAY_SHUTDOWN, preStop).
      deregistrationDelay: GATEWAY_SHUTDOWN.deregistrationSeconds,
      healthCheck: {
        protocol: "HTTP",
        port: "15021",
        path: "/healthz/ready",
        interval: 10,
        healthyThreshold: 2,
        unhealthyThreshold: 2,
      },
    },
    opts,
  );
  const https = new aws.lb.Listener(
    `${a.name}-https`,
    {
      loadBalancerArn: alb.arn,
      protocol: "HTTPS",
      port: 443,
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificateArn: certificate.certificateArn,
      defaultActions: [{ type: "forward", targetGroupArn: targets.arn }],
    },
    opts,
  );
  new aws.lb.Listener(
    `${a.name}-http`,
    {
      loadBalancerArn: alb.arn,
      protocol: "HTTP",
      port: 80,
      defaultActions: [
        { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
      ],
    },
    opts,
  );
  new k8s.apiextensions.CustomResource(
    `${a.name}-gateway-binding`,
    {
      apiVersion: "elbv2.k8s.aws/v1beta1",
      kind: "TargetGroupBinding",
      metadata: { name: "istio-ingressgateway", namespace: a.gateway.namespace },
      spec: {
        serviceRef: { name: a.gateway.serviceName, port: a.gateway.servicePort },
        targetGroupARN: targets.arn,
        targetType: "ip",
      },
    },
    { parent: a.parent, provider: a.provider, dependsOn: a.dependsOn },
  );

  const accessLogs = encryptedLogGroup(
    `${a.name}-api-access`,
    {
      logGroupName: `/ecommerce/${a.scope.namePrefix}/api-access`,
      retentionInDays: a.logRetentionDays,
      key: { kind: "shared", arn: a.logsKeyArn },
    },
    opts,
  ).group;
  const api = new aws.apigatewayv2.Api(
    `${a.name}-api`,
    { protocolType: "HTTP", name: `${a.scope.namePrefix}-api`, disableExecuteApiEndpoint: true },
    opts,
  );
  const link = new aws.apigatewayv2.VpcLink(
    `${a.name}-api`,
    {
      subnetIds: a.privateSubnetIds,
      securityGroupIds: [linkSg.id],
      name: `${a.scope.namePrefix}-alb`,
    },
    opts,
  );
  const integration = new aws.apigatewayv2.Integration(
    `${a.name}-alb`,
    {
      apiId: api.id,
      integrationType: "HTTP_PROXY",
      integrationMethod: "ANY",
      connectionType: "VPC_LINK",
      connectionId: link.id,
      integrationUri: https.arn,
      payloadFormatVersion: "1.0",
      // HTTPS to the ALB, verified against the regional name on its certificate.
      tlsConfig: { serverNameToVerify: regionalName },
      // The Istio gateway routes on Host and serves only the API's two names. API Gateway documents
      // replacing Host on private integrations for REST APIs (with the integration endpoint's) and
      // says nothing for HTTP APIs with a listener ARN, so the Host is set, not left to chance.
      // Host is not among the headers an HTTP API's parameter mapping reserves ("Transform API
      // requests and responses for HTTP APIs", Reserved headers).
      requestParameters: { "overwrite:header.Host": regionalName },
    },
    opts,
  );
  const authorizer = new aws.apigatewayv2.Authorizer(
    `${a.name}-jwt`,
    {
      apiId: api.id,
      authorizerType: "JWT",
      identitySources: ["$request.header.Authorization"],
      name: "cognito",
      jwtConfiguration: { issuer: a.jwt.issuer, audiences: [a.jwt.audience] },
    },
    opts,
  );
  const route = (id: string, key: string, requiresJwt: boolean) =>
    new aws.apigatewayv2.Route(
      `${a.name}-${id}`,
      {
        apiId: api.id,
        routeKey: key,
        target: pulumi.interpolate`integrations/${integration.id}`,
        ...(requiresJwt
          ? { authorizationType: "JWT", authorizerId: authorizer.id }
          : { authorizationType: "NONE" }),
      },
      opts,
    );
  route("healthz", "GET /healthz", false);
  for (const r of a.routes) {
    const id = r.pathPrefix.replace(/^\//, "");
    route(id, `ANY ${r.pathPrefix}`, r.requiresJwt);
    route(`${id}-proxy`, `ANY ${r.pathPrefix}/{proxy+}`, r.requiresJwt);
  }
  const stage = new aws.apigatewayv2.Stage(
    `${a.name}-api`,
    {
      apiId: api.id,
      name: "$default",
      autoDeploy: true,
      defaultRouteSettings: {
        throttlingBurstLimit: a.throttling.burstLimit,
        throttlingRateLimit: a.throttling.rateLimit,
      },
      accessLogSettings: {
        destinationArn: accessLogs.arn,
        format: JSON.stringify({
          requestId: "$context.requestId",
          ip: "$context.identity.sourceIp",
          route: "$context.routeKey",
          status: "$context.status",
          latency: "$context.responseLatency",
          error: "$context.error.message",
          authorizer: "$context.authorizer.error",
        }),
      },
    },
    opts,
  );
  const apiDomains = [apiName, regionalName].map((domainName, i) => {
    const d = new aws.apigatewayv2.DomainName(
      `${a.name}-api-${i === 0 ? "global" : "regional"}`,
      {
        domainName,
        domainNameConfiguration: {
          certificateArn: certificate.certificateArn,
          endpointType: "REGIONAL",
          securityPolicy: "TLS_1_2",
        },
      },
      opts,
    );
    new aws.apigatewayv2.ApiMapping(
      `${a.name}-api-${i === 0 ? "global" : "regional"}`,
      { apiId: api.id, domainName: d.id, stage: stage.id },
      opts,
    );
    // CloudFront forwards /api/* unchanged; this mapping strips the prefix.
    new aws.apigatewayv2.ApiMapping(
      `${a.name}-api-${i === 0 ? "global" : "regional"}-prefixed`,
      { apiId: api.id, domainName: d.id, stage: stage.id, apiMappingKey: "api" },
      opts,
    );
    return d;
  });
  new aws.route53.Record(
    `${a.name}-regional`,
    {
      zoneId: a.zoneId,
      name: regionalName,
      type: "A",
      aliases: [
        {
          name: apiDomains[1].domainNameConfiguration.targetDomainName,
          zoneId: apiDomains[1].domainNameConfiguration.hostedZoneId,
          evaluateTargetHealth: false,
        },
      ],
    },
    opts,
  );
  return { alb, apiDomains, regionalName, api };
}
