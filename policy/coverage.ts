/**
 * The resource types the stacks deploy that no rule of the pack names, each with why. The coverage
 * test (test/policy/coverage.test.ts) computes the deployed types from the plans and fails when a
 * type is in none of: a rule's `types`, EXEMPT, UNCOVERED; or when an entry here is stale.
 * Both lists are printed in policy/README.md.
 */

/** No security-relevant property of its own (or one judged through another type's rule). */
export const EXEMPT: Record<string, string> = {
  "aws:acm/certificate:Certificate":
    "public ACM certificates: key algorithm and validation are fixed by the edge component",
  "aws:acm/certificateValidation:CertificateValidation": "a wait for DNS validation; no settings",
  "aws:apigatewayv2/api:Api":
    "settings live on its stage, domain and routes (stage and domain rules)",
  "aws:apigatewayv2/apiMapping:ApiMapping": "maps a stage to a domain; no settings",
  "aws:apigatewayv2/authorizer:Authorizer":
    "a JWT issuer and audience; routes decide whether to use it",
  "aws:apigatewayv2/integration:Integration": "a VPC-link route to the internal ALB; no settings",
  "aws:apigatewayv2/vpcLink:VpcLink":
    "placement follows its subnets and security groups (their rules)",
  "aws:cloudfront/originAccessControl:OriginAccessControl":
    "signing settings are fixed (sigv4, always)",
  "aws:cloudwatch/eventRule:EventRule": "an event pattern; no access or data settings",
  "aws:cloudwatch/eventTarget:EventTarget": "delivery to an encrypted queue (queue rules)",
  "aws:ec2/eip:Eip": "an address for a NAT gateway; no settings",
  "aws:ec2/internetGateway:InternetGateway":
    "read by the subnet placement stack rules (routes to it), not judged alone",
  "aws:ec2/natGateway:NatGateway": "read by the subnet placement stack rules",
  "aws:ec2/route:Route": "read by the subnet placement stack rules",
  "aws:ec2/routeTable:RouteTable": "read by the subnet placement stack rules",
  "aws:ec2/routeTableAssociation:RouteTableAssociation": "read by the subnet placement stack rules",
  "aws:ecr/replicationConfiguration:ReplicationConfiguration":
    "replicates to the standby's region; the replicas inherit the repository rules' settings",
  "aws:eks/addon:Addon": "managed add-on versions; their IAM is checked on the roles",
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation":
    "binds a checked access entry to an AWS access policy in a namespace scope",
  "aws:eks/podIdentityAssociation:PodIdentityAssociation":
    "binds a service account to a role; the role's trust and policy are checked",
  "aws:elasticache/subnetGroup:SubnetGroup": "read by the subnet placement stack rules",
  "aws:rds/subnetGroup:SubnetGroup": "read by the subnet placement stack rules",
  "aws:route53/zone:Zone": "a public hosted zone; records and health checks are checked",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration":
    "retention housekeeping; no access or encryption settings",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls":
    "ACLs are blocked by the public access block rule whatever the ownership",
  "aws:s3/bucketVersioning:BucketVersioning": "read by the replication stack rule",
  "aws:secretsmanager/secretVersion:SecretVersion": "the value of a secret whose key is checked",
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": "which queues may use a dead-letter queue",
  "aws:wafv2/webAclAssociation:WebAclAssociation": "attaches a checked web ACL",
  "ecommerce:governance:Governance": "a component: its children are checked",
  "ecommerce:services:DatabaseBootstrap": "a component: its children are checked",
  "ecommerce:regionswitch:RegionSwitch": "a component: its children are checked",
  "aws:accessanalyzer/analyzer:Analyzer": "an account analyzer; no settings beyond its type",
  "aws:cfg/deliveryChannel:DeliveryChannel":
    "delivery to the audit bucket, whose encryption and policy are checked",
  "aws:cfg/recorderStatus:RecorderStatus": "switches the checked recorder on",
  "aws:cfg/rule:Rule": "an AWS managed Config rule; findings, not access",
  "aws:costexplorer/anomalyMonitor:AnomalyMonitor": "a cost monitor; no access or data settings",
  "aws:costexplorer/anomalySubscription:AnomalySubscription":
    "alerts to the encrypted alarm topic (topic rules)",
  "aws:macie2/account:Account": "turns Macie on; finding frequency only",
  "aws:securityhub/findingAggregator:FindingAggregator":
    "aggregates findings into the primary's region; no access settings",
  "ecommerce:cluster:DeployRunner": "a component: its children are checked",
  "aws:codebuild/webhook:Webhook": "starts builds for queued workflow jobs; no access settings",
  "ecommerce:cluster:Cluster": "a component: its children are checked",
  "ecommerce:data:Data": "a component: its children are checked",
  "ecommerce:drills:ChaosDrills": "a component: its children are checked",
  "ecommerce:edge:Edge": "a component: its children are checked",
  "ecommerce:edge:Identity": "a component: its children are checked",
  "ecommerce:mesh:Mesh": "a component: its children are checked",
  "ecommerce:network:Network": "a component: its children are checked",
  "ecommerce:observability:Observability": "a component: its children are checked",
  "ecommerce:services:Microservice": "a component: its children are checked",
  "ecommerce:services:Services": "a component: its children are checked",
  "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": "replica bounds; no access settings",
  "kubernetes:core/v1:ConfigMap": "dashboards and settings, no credentials (secrets are Secrets)",
  "kubernetes:core/v1:PersistentVolumeClaim": "encrypted through its StorageClass (checked)",
  "kubernetes:monitoring.coreos.com/v1:PrometheusRule": "alert expressions; no access settings",
  "kubernetes:monitoring.coreos.com/v1:ServiceMonitor": "scrape targets inside the cluster",
  "kubernetes:networking.istio.io/v1:DestinationRule":
    "traffic policy; mTLS is enforced by PeerAuthentication (checked)",
  "kubernetes:networking.istio.io/v1:VirtualService": "routing; access is AuthorizationPolicy's",
  "kubernetes:telemetry.istio.io/v1:Telemetry": "tracing and access-log providers",
  "pulumi:providers:kubernetes": "the provider's kubeconfig is a secret output of the cluster",
  "pulumi:pulumi:StackReference": "a read of the primary's outputs",
};

/**
 * Security-relevant types no rule covers yet, with what a rule would check. These are the gaps
 * of the pack, kept visible until a rule is written.
 */
export const UNCOVERED: Record<string, string> = {};
