/** What the edge tests share: resource types and small readers of the plans. */

export type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const T = {
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
