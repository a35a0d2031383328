import { workflows } from "../../components/regionswitch/plan";
/**
 * A compliant baseline per resource type (compliance-policies style). Violation cases mutate one
 * field of a copy, so each case shows exactly which setting a rule guards.
 */
const KEY = "arn:aws:kms:ap-south-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";
const ROOT_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "AccountAdministers",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Action: "kms:*",
      Resource: "*",
    },
  ],
});
/** A resource policy that grants a service principal and denies requests without TLS. */
function resourcePolicy(service: string, arn: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: `${service}:*`,
        Resource: arn,
        Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
      },
      {
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: `${service}:*`,
        Resource: arn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  });
}
const ECR_REPOSITORY = {
  imageTagMutability: "IMMUTABLE",
  imageScanningConfiguration: { scanOnPush: true },
  encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
};
const ROLE_BINDING = {
  metadata: { name: "fis", namespace: "shop" },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "fis" },
  subjects: [{ kind: "ServiceAccount", name: "fis", namespace: "shop" }],
};
const LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"];
const SAFE_CONTAINER = {
  name: "app",
  image: "ghcr.io/stefanprodan/podinfo:6.7.1",
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"] },
  },
  resources: {
    requests: { cpu: "100m", memory: "128Mi" },
    limits: { cpu: "500m", memory: "256Mi" },
  },
};
const WORKLOAD = {
  metadata: { name: "product", namespace: "shop" },
  spec: {
    template: {
      spec: {
        securityContext: { runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } },
        containers: [SAFE_CONTAINER],
      },
    },
  },
};
const LISTENER = {
  protocol: "HTTPS",
  port: 443,
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  certificateArn: "arn:aws:acm:ap-south-1:123456789012:certificate/x",
};
const LB = {
  internal: true,
  loadBalancerType: "application",
  dropInvalidHeaderFields: true,
  accessLogs: { enabled: true, bucket: "alb-logs" },
};
const IAM_POLICY = {
  policy: JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::assets/*"] }],
  }),
};

/** A Region switch plan as the standby declares it (components/regionswitch/plan.ts). */
const SWITCH_PLAN = {
  name: "ecommerce-dr-singapore-switch",
  recoveryApproach: "activePassive",
  regions: ["ap-south-1", "ap-southeast-1"],
  workflows: workflows({
    planName: "ecommerce-dr-singapore-switch",
    primaryRegion: "ap-south-1",
    standbyRegion: "ap-southeast-1",
    globalClusterId: "ecommerce-prod-mumbai-global",
    auroraClusterArns: {
      "ap-south-1": "arn:aws:rds:ap-south-1:123456789012:cluster:a",
      "ap-southeast-1": "arn:aws:rds:ap-southeast-1:123456789012:cluster:b",
    },
    eksClusterArns: {
      "ap-south-1": "arn:aws:eks:ap-south-1:123456789012:cluster/a",
      "ap-southeast-1": "arn:aws:eks:ap-southeast-1:123456789012:cluster/b",
    },
    namespace: "shop",
    deployments: ["cart"],
    zoneId: "Z1",
    recordName: "api.shop.example.com",
    approverRoleArn: "arn:aws:iam::123456789012:role/approver",
  }),
};

export const BASELINE: Record<string, Record<string, unknown>> = {
  "aws:arcregionswitch/plan:Plan": SWITCH_PLAN,
  "aws:rds/cluster:Cluster": {
    storageEncrypted: true,
    kmsKeyId: KEY,
    backupRetentionPeriod: 14,
    deletionProtection: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: "orders-final",
  },
  "aws:rds/globalCluster:GlobalCluster": { storageEncrypted: true, deletionProtection: true },
  "aws:rds/instance:Instance": {
    storageEncrypted: true,
    kmsKeyId: KEY,
    publiclyAccessible: false,
    deletionProtection: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: "final",
  },
  "aws:rds/clusterInstance:ClusterInstance": { publiclyAccessible: false },
  "aws:elasticache/user:User": {
    userId: "default-shop",
    userName: "default",
    engine: "valkey",
    accessString: "off -@all",
    authenticationMode: { type: "password", passwords: ["[secret]"] },
  },
  "aws:elasticache/replicationGroup:ReplicationGroup": {
    atRestEncryptionEnabled: true,
    kmsKeyId: KEY,
    transitEncryptionEnabled: true,
    userGroupIds: ["[unknown]"],
    automaticFailoverEnabled: true,
    multiAzEnabled: true,
    numCacheClusters: 2,
  },
  "aws:dynamodb/table:Table": {
    serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
    pointInTimeRecovery: { enabled: true },
    deletionProtectionEnabled: true,
  },
  "aws:dynamodb/tableReplica:TableReplica": {
    kmsKeyArn: KEY,
    pointInTimeRecovery: true,
    deletionProtectionEnabled: true,
  },
  "aws:sqs/queue:Queue": { kmsMasterKeyId: KEY },
  "aws:sns/topic:Topic": { kmsMasterKeyId: KEY },
  "aws:kms/key:Key": { enableKeyRotation: true, policy: ROOT_POLICY },
  "aws:kms/replicaKey:ReplicaKey": { policy: ROOT_POLICY },
  "aws:secretsmanager/secret:Secret": {
    kmsKeyId: KEY,
    replicas: [{ region: "ap-southeast-1", kmsKeyId: KEY }],
  },
  "aws:eks/cluster:Cluster": {
    encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } },
    vpcConfig: { endpointPrivateAccess: true, endpointPublicAccess: false },
    enabledClusterLogTypes: LOG_TYPES,
  },
  "eks:index:Cluster": {
    endpointPrivateAccess: true,
    endpointPublicAccess: false,
    encryptionConfigKeyArn: KEY,
    enabledClusterLogTypes: LOG_TYPES,
    authenticationMode: "API",
  },
  "aws:ec2/launchTemplate:LaunchTemplate": {
    blockDeviceMappings: [
      { deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeType: "gp3", kmsKeyId: KEY } },
    ],
    metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
  },
  "aws:cloudwatch/logGroup:LogGroup": { kmsKeyId: KEY, retentionInDays: 365 },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    alarmActions: ["arn:aws:sns:ap-south-1:123456789012:alarms"],
    okActions: ["arn:aws:sns:ap-south-1:123456789012:alarms"],
  },
  "aws:lb/listener:Listener": LISTENER,
  "aws:alb/listener:Listener": LISTENER,
  "aws:lb/loadBalancer:LoadBalancer": LB,
  "aws:alb/loadBalancer:LoadBalancer": LB,
  "aws:cloudfront/distribution:Distribution": {
    defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
    orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "https-only" }],
    viewerCertificate: {
      acmCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x",
      minimumProtocolVersion: "TLSv1.2_2021",
      sslSupportMethod: "sni-only",
    },
    origins: [
      {
        originId: "api",
        customOriginConfig: { originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
      },
      { originId: "web" },
    ],
    loggingConfig: { bucket: "cf-logs.s3.amazonaws.com" },
    webAclId: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/x",
  },
  "aws:apigatewayv2/domainName:DomainName": {
    domainNameConfiguration: { securityPolicy: "TLS_1_2", endpointType: "REGIONAL" },
  },
  "aws:apigateway/domainName:DomainName": { securityPolicy: "TLS_1_2" },
  "aws:apigatewayv2/stage:Stage": {
    accessLogSettings: {
      destinationArn: "arn:aws:logs:ap-south-1:123456789012:log-group:/api",
      format: "{}",
    },
  },
  "aws:apigateway/stage:Stage": {
    accessLogSettings: {
      destinationArn: "arn:aws:logs:ap-south-1:123456789012:log-group:/api",
      format: "{}",
    },
  },
  "aws:apigatewayv2/route:Route": {
    apiId: "a1b2c3",
    routeKey: "ANY /orders",
    authorizationType: "JWT",
    authorizerId: "jwt1",
    target: "integrations/i1",
  },
  "aws:lb/targetGroup:TargetGroup": { targetType: "ip", protocol: "HTTPS", port: 8443 },
  "aws:alb/targetGroup:TargetGroup": { targetType: "ip", protocol: "HTTPS", port: 8443 },
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
    cidrIpv4: "0.0.0.0/0",
    fromPort: 443,
    toPort: 443,
    ipProtocol: "tcp",
  },
  "kubernetes:networking.istio.io/v1:Gateway": {
    metadata: { name: "public", namespace: "istio-system" },
    spec: {
      selector: { istio: "ingressgateway" },
      servers: [
        {
          port: { number: 443, name: "https", protocol: "HTTPS" },
          hosts: ["shop.example.com"],
          tls: { mode: "SIMPLE", credentialName: "shop-cert" },
        },
        {
          port: { number: 80, name: "http", protocol: "HTTP" },
          hosts: ["shop.example.com"],
          tls: { httpsRedirect: true },
        },
      ],
    },
  },
  "aws:ec2/vpcEndpoint:VpcEndpoint": {
    vpcId: "vpc-1",
    serviceName: "com.amazonaws.ap-south-1.sts",
    vpcEndpointType: "Interface",
    privateDnsEnabled: true,
    securityGroupIds: ["sg-1"],
    subnetIds: ["subnet-1"],
  },
  "kubernetes:core/v1:Secret": {
    metadata: { name: "grafana-admin", namespace: "observability" },
    type: "Opaque",
    stringData: { "admin-password": "[secret]" },
  },
  "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding": {
    metadata: { name: "gateway", namespace: "istio-system" },
    spec: {
      serviceRef: { name: "istio-ingressgateway", port: 8080 },
      targetGroupARN: "arn:aws:elasticloadbalancing:ap-south-1:1:targetgroup/g/1",
      targetType: "ip",
      networking: {
        ingress: [{ from: [{ securityGroup: { groupID: "sg-1" } }], ports: [{ port: 8080 }] }],
      },
    },
  },
  "kubernetes:networking.istio.io/v1:ServiceEntry": {
    metadata: { name: "aws-apis", namespace: "istio-system" },
    spec: {
      hosts: ["sqs.ap-south-1.amazonaws.com", "*.s3.ap-south-1.amazonaws.com"],
      location: "MESH_EXTERNAL",
      ports: [{ name: "tls", number: 443, protocol: "TLS" }],
      resolution: "NONE",
    },
  },
  "aws:ec2/subnet:Subnet": { mapPublicIpOnLaunch: false, tags: { tier: "private" } },
  "aws:ec2/securityGroup:SecurityGroup": {
    ingress: [{ cidrBlocks: ["10.10.0.0/16"], fromPort: 443, toPort: 443, protocol: "tcp" }],
  },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
    cidrIpv4: "10.10.0.0/16",
    fromPort: 443,
    toPort: 443,
    ipProtocol: "tcp",
  },
  "aws:ec2/securityGroupRule:SecurityGroupRule": {
    type: "ingress",
    cidrBlocks: ["10.10.0.0/16"],
    fromPort: 443,
    toPort: 443,
    protocol: "tcp",
  },
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": { vpcId: "vpc-1" },
  "aws:route53/record:Record": {
    failoverRoutingPolicies: [{ type: "PRIMARY" }],
    healthCheckId: "hc-1",
    setIdentifier: "prod-mumbai",
  },
  "aws:iam/policy:Policy": IAM_POLICY,
  "aws:iam/rolePolicy:RolePolicy": IAM_POLICY,
  "aws:iam/userPolicy:UserPolicy": IAM_POLICY,
  "aws:iam/groupPolicy:GroupPolicy": IAM_POLICY,
  "aws:iam/role:Role": {
    assumeRolePolicy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "pods.eks.amazonaws.com" },
          Action: ["sts:AssumeRole", "sts:TagSession"],
        },
      ],
    }),
    managedPolicyArns: [],
  },
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
    policyArn: "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
  },
  "aws:iam/policyAttachment:PolicyAttachment": {
    policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
  },
  "aws:iam/userPolicyAttachment:UserPolicyAttachment": {
    policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
  },
  "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": {
    policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
  },
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
    policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
  },
  "kubernetes:apps/v1:Deployment": WORKLOAD,
  "kubernetes:apps/v1:StatefulSet": WORKLOAD,
  "kubernetes:apps/v1:DaemonSet": WORKLOAD,
  "kubernetes:batch/v1:Job": WORKLOAD,
  "kubernetes:policy/v1:PodDisruptionBudget": {
    metadata: { namespace: "shop" },
    spec: { maxUnavailable: 1 },
  },
  "kubernetes:core/v1:Service": {
    metadata: { name: "product", namespace: "shop" },
    spec: { type: "ClusterIP" },
  },
  "kubernetes:core/v1:ServiceAccount": { metadata: { name: "product", namespace: "shop" } },
  "kubernetes:core/v1:Namespace": {
    metadata: { name: "shop", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
  },
  "aws:cloudtrail/trail:Trail": {
    s3BucketName: "audit",
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    kmsKeyId: KEY,
  },
  "aws:cfg/recorder:Recorder": {
    roleArn: "arn:aws:iam::123456789012:role/config",
    recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
  },
  "aws:budgets/budget:Budget": {
    budgetType: "COST",
    timeUnit: "MONTHLY",
    limitAmount: "20000",
    notifications: [
      { notificationType: "ACTUAL", threshold: 80, subscriberSnsTopicArns: ["arn:topic"] },
      { notificationType: "FORECASTED", threshold: 100, subscriberEmailAddresses: ["a@b.c"] },
    ],
  },
  "aws:s3/bucketPolicy:BucketPolicy": { policy: resourcePolicy("s3", "arn:aws:s3:::b") },
  // Bucket settings are separate resources (stack rules); the bucket itself carries `protect`.
  "aws:s3/bucket:Bucket": { bucket: "assets" },
  "aws:sqs/queuePolicy:QueuePolicy": {
    policy: resourcePolicy("sqs", "arn:aws:sqs:ap-south-1:123456789012:q"),
  },
  "aws:sns/topicPolicy:TopicPolicy": {
    policy: resourcePolicy("sns", "arn:aws:sns:ap-south-1:123456789012:t"),
  },
  "kubernetes:security.istio.io/v1:PeerAuthentication": {
    metadata: { name: "default", namespace: "istio-system" },
    spec: { mtls: { mode: "STRICT" } },
  },
  "kubernetes:security.istio.io/v1:AuthorizationPolicy": {
    metadata: { name: "cart", namespace: "shop" },
    spec: {
      action: "ALLOW",
      selector: { matchLabels: { app: "cart" } },
      rules: [{ from: [{ source: { principals: ["cluster.local/ns/shop/sa/order"] } }] }],
    },
  },
  "kubernetes:rbac.authorization.k8s.io/v1:Role": {
    metadata: { name: "fis", namespace: "shop" },
    rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "delete"] }],
  },
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole": {
    metadata: { name: "reader" },
    rules: [{ apiGroups: [""], resources: ["nodes"], verbs: ["get", "list"] }],
  },
  "random:index/randomPassword:RandomPassword": { length: 40, special: true },
  "aws:fis/experimentTemplate:ExperimentTemplate": {
    stopConditions: [
      { source: "aws:cloudwatch:alarm", value: "arn:aws:cloudwatch:ap-south-1:1:alarm:api-5xx" },
    ],
  },
  "aws:cognito/userPool:UserPool": {
    mfaConfiguration: "OPTIONAL",
    passwordPolicy: {
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
    },
    userPoolAddOns: { advancedSecurityMode: "ENFORCED" },
  },
  "kubernetes:helm.sh/v3:Release": {
    chart: "istiod",
    version: "1.28.3",
    repositoryOpts: { repo: "https://istio-release.storage.googleapis.com/charts" },
  },
  "aws:eks/accessEntry:AccessEntry": {
    principalArn: "arn:aws:iam::123456789012:role/karpenter-node",
    type: "EC2_LINUX",
  },
  "aws:ecr/repository:Repository": ECR_REPOSITORY,
  "awsx:ecr:Repository": ECR_REPOSITORY,
  "aws:route53/healthCheck:HealthCheck": {
    type: "HTTPS",
    port: 443,
    enableSni: true,
    fqdn: "api.shop.example.com",
  },
  "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding": ROLE_BINDING,
  "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding": ROLE_BINDING,
  "aws:cognito/userPoolClient:UserPoolClient": {
    allowedOauthFlows: ["code"],
    enableTokenRevocation: true,
  },
  "aws:rds/clusterParameterGroup:ClusterParameterGroup": {
    family: "aurora-postgresql16",
    parameters: [{ name: "rds.force_ssl", value: "1" }],
  },
  "kubernetes:security.istio.io/v1:RequestAuthentication": {
    metadata: { name: "jwt", namespace: "istio-system" },
    spec: {
      jwtRules: [
        {
          issuer: "https://cognito-idp.ap-south-1.amazonaws.com/pool",
          jwksUri: "https://cognito-idp.ap-south-1.amazonaws.com/pool/.well-known/jwks.json",
        },
      ],
    },
  },
  "kubernetes:karpenter.sh/v1:NodePool": {
    metadata: { name: "general" },
    spec: { template: { spec: { expireAfter: "720h" } }, limits: { cpu: "256" } },
  },
  "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass": {
    metadata: { name: "general" },
    spec: {
      metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { volumeType: "gp3", encrypted: true, kmsKeyID: KEY } },
      ],
    },
  },
  "kubernetes:storage.k8s.io/v1:StorageClass": {
    metadata: { name: "gp3-encrypted" },
    provisioner: "ebs.csi.aws.com",
    parameters: { type: "gp3", encrypted: "true", kmsKeyId: KEY },
  },
};
