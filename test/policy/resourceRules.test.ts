import { expect } from "chai";
import { rules } from "../../policy/rules";
import { STATEFUL_TYPES } from "../../policy/rules/stateful/aws-stateful-resource-enable-pulumi-protect";
import { BASELINE } from "./fixtures";
import { clone, res, violations } from "./harness";

type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One violating case: a rule, the resource type, the single field changed, the expected message. */
interface Case {
  rule: string;
  type: string;
  title: string;
  mutate: (p: Props) => void;
  expect: RegExp;
  config?: object;
  name?: string;
  /** The resource's Pulumi `protect` (fixtures are protected unless a case says otherwise). */
  protect?: boolean;
}

const c = (
  rule: string,
  type: string,
  title: string,
  mutate: (p: Props) => void,
  expectation: RegExp,
  extra: Partial<Case> = {},
): Case => ({
  rule,
  type,
  title,
  mutate,
  expect: expectation,
  ...extra,
});
const container = (p: Props) => p.spec.template.spec.containers[0];
const wildcardDoc = (principal: unknown) =>
  JSON.stringify({
    Statement: [{ Effect: "Allow", Principal: principal, Action: "*", Resource: "*" }],
  });

const RESOURCE_CASES: Case[] = [
  // the Region switch plan
  c(
    "aws-arcregionswitch-plan-enforce-approval",
    "aws:arcregionswitch/plan:Plan",
    "no approval before activating the standby",
    (p) => p.workflows[1].steps.shift(),
    /workflow 1 \(ap-southeast-1\) does not open with a ManualApproval step/,
  ),
  c(
    "aws-arcregionswitch-plan-enforce-approval",
    "aws:arcregionswitch/plan:Plan",
    "approval without an approver",
    (p) => delete p.workflows[0].steps[0].executionApprovalConfigs[0].approvalRole,
    /workflow 0 \(ap-south-1\): its approval step names no approvalRole/,
  ),
  c(
    "aws-arcregionswitch-plan-enforce-writer-before-traffic",
    "aws:arcregionswitch/plan:Plan",
    "a graceful drill that fails over with data loss",
    (p) =>
      (p.workflows[1].steps[1].parallelConfigs[0].steps[0].globalAuroraConfigs[0].behavior =
        "failover"),
    /workflow 1 \(ap-southeast-1\): Aurora behavior failover loses data even in a graceful execution/,
  ),
  c(
    "aws-arcregionswitch-plan-enforce-writer-before-traffic",
    "aws:arcregionswitch/plan:Plan",
    "DNS moves before the database",
    (p) => p.workflows[1].steps.reverse(),
    /workflow 1 \(ap-southeast-1\): the Route 53 step does not come after the Aurora global database step/,
  ),
  // encryption at rest
  c(
    "aws-rds-cluster-enable-storage-encryption",
    "aws:rds/cluster:Cluster",
    "unencrypted cluster",
    (p) => (p.storageEncrypted = false),
    /storage is not encrypted/,
  ),
  c(
    "aws-rds-cluster-enable-storage-encryption",
    "aws:rds/globalCluster:GlobalCluster",
    "unencrypted global cluster",
    (p) => delete p.storageEncrypted,
    /storage is not encrypted/,
  ),
  c(
    "aws-rds-cluster-configure-customer-managed-key",
    "aws:rds/cluster:Cluster",
    "AWS managed key",
    (p) => delete p.kmsKeyId,
    /no customer managed key/,
  ),
  c(
    "aws-rds-instance-enable-storage-encryption",
    "aws:rds/instance:Instance",
    "unencrypted instance",
    (p) => (p.storageEncrypted = false),
    /storage is not encrypted/,
  ),
  c(
    "aws-rds-instance-enable-storage-encryption",
    "aws:rds/instance:Instance",
    "instance without CMK",
    (p) => delete p.kmsKeyId,
    /no customer managed key/,
  ),
  c(
    "aws-elasticache-replicationgroup-enable-at-rest-encryption",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "at rest off",
    (p) => (p.atRestEncryptionEnabled = false),
    /at-rest encryption is off/,
  ),
  c(
    "aws-elasticache-replicationgroup-enable-at-rest-encryption",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "no CMK",
    (p) => delete p.kmsKeyId,
    /no customer managed key/,
  ),
  c(
    "aws-dynamodb-table-configure-customer-managed-key",
    "aws:dynamodb/table:Table",
    "AWS owned key",
    (p) => (p.serverSideEncryption = { enabled: false }),
    /no customer managed key/,
  ),
  c(
    "aws-dynamodb-table-configure-customer-managed-key",
    "aws:dynamodb/tableReplica:TableReplica",
    "replica without key",
    (p) => delete p.kmsKeyArn,
    /replica has no customer managed key/,
  ),
  c(
    "aws-sqs-queue-enable-kms-encryption",
    "aws:sqs/queue:Queue",
    "SQS-managed SSE only",
    (p) => {
      delete p.kmsMasterKeyId;
      p.sqsManagedSseEnabled = true;
    },
    /kmsMasterKeyId is empty/,
  ),
  c(
    "aws-sns-topic-enable-kms-encryption",
    "aws:sns/topic:Topic",
    "unencrypted topic",
    (p) => delete p.kmsMasterKeyId,
    /not encrypted/,
  ),
  c(
    "aws-kms-key-enable-rotation",
    "aws:kms/key:Key",
    "rotation off",
    (p) => (p.enableKeyRotation = false),
    /key rotation is off/,
  ),
  c(
    "aws-secretsmanager-secret-configure-customer-managed-key",
    "aws:secretsmanager/secret:Secret",
    "default key",
    (p) => delete p.kmsKeyId,
    /no customer managed key/,
  ),
  c(
    "aws-secretsmanager-secret-configure-customer-managed-key",
    "aws:secretsmanager/secret:Secret",
    "replica with default key",
    (p) => delete p.replicas[0].kmsKeyId,
    /replica in ap-southeast-1 has no customer managed key/,
  ),
  c(
    "eks-cluster-enable-secrets-encryption",
    "aws:eks/cluster:Cluster",
    "no encryption config",
    (p) => delete p.encryptionConfig,
    /secrets are not encrypted/,
  ),
  c(
    "eks-cluster-enable-secrets-encryption",
    "aws:eks/cluster:Cluster",
    "key without secrets resource",
    (p) => (p.encryptionConfig.resources = []),
    /secrets are not encrypted/,
  ),
  c(
    "aws-ec2-launchtemplate-enable-ebs-encryption",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "unencrypted root volume",
    (p) => (p.blockDeviceMappings[0].ebs.encrypted = "false"),
    /volume \/dev\/xvda is not encrypted/,
  ),
  c(
    "aws-ec2-launchtemplate-configure-customer-managed-key",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "root volume on aws/ebs",
    (p) => delete p.blockDeviceMappings[0].ebs.kmsKeyId,
    /volume \/dev\/xvda uses the AWS managed key/,
  ),
  c(
    "aws-ec2-launchtemplate-configure-imds-hop-limit",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "hop limit 2",
    (p) => (p.metadataOptions.httpPutResponseHopLimit = 2),
    /IMDS hop limit is 2, not 1/,
  ),
  c(
    "kubernetes-ec2nodeclass-configure-customer-managed-key",
    "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
    "node volume on aws/ebs",
    (p) => delete p.spec.blockDeviceMappings[0].ebs.kmsKeyID,
    /volume \/dev\/xvda is not encrypted with a customer managed key/,
  ),
  c(
    "kubernetes-ec2nodeclass-configure-customer-managed-key",
    "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
    "Karpenter's default volume",
    (p) => delete p.spec.blockDeviceMappings,
    /no blockDeviceMappings/,
  ),
  c(
    "kubernetes-ec2nodeclass-enforce-imds-hop-limit",
    "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
    "hop limit 2",
    (p) => (p.spec.metadataOptions.httpPutResponseHopLimit = 2),
    /IMDS hop limit is 2, not 1/,
  ),
  c(
    "kubernetes-ec2nodeclass-enforce-imds-hop-limit",
    "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
    "IMDSv1 allowed",
    (p) => (p.spec.metadataOptions.httpTokens = "optional"),
    /IMDSv2 is not required/,
  ),
  c(
    "kubernetes-storageclass-configure-customer-managed-key",
    "kubernetes:storage.k8s.io/v1:StorageClass",
    "aws/ebs",
    (p) => delete p.parameters.kmsKeyId,
    /AWS managed key/,
  ),
  c(
    "kubernetes-storageclass-configure-customer-managed-key",
    "kubernetes:storage.k8s.io/v1:StorageClass",
    "unencrypted",
    (p) => (p.parameters.encrypted = "false"),
    /not encrypted/,
  ),
  ...(
    [
      ["s3", "aws:s3/bucketPolicy:BucketPolicy"],
      ["sqs", "aws:sqs/queuePolicy:QueuePolicy"],
      ["sns", "aws:sns/topicPolicy:TopicPolicy"],
    ] as const
  ).flatMap(([svc, type]) => {
    const rule = `aws-${svc}-${type.split(":")[2].toLowerCase()}-enforce-secure-access`;
    const edit = (p: Props, f: (statements: Props[]) => void) => {
      const doc = JSON.parse(p.policy);
      f(doc.Statement);
      p.policy = JSON.stringify(doc);
    };
    return [
      c(rule, type, "no TLS-only deny", (p) => edit(p, (st) => st.pop()), /without TLS/),
      c(
        rule,
        type,
        "anyone allowed",
        (p) =>
          edit(p, (st) => {
            st[0].Principal = "*";
            delete st[0].Condition;
          }),
        /statement 0 allows anyone without a condition/,
      ),
    ];
  }),
  c(
    "kubernetes-peerauthentication-enforce-strict-mtls",
    "kubernetes:security.istio.io/v1:PeerAuthentication",
    "permissive",
    (p) => (p.spec.mtls.mode = "PERMISSIVE"),
    /mTLS mode is PERMISSIVE, not STRICT/,
  ),
  c(
    "kubernetes-peerauthentication-enforce-strict-mtls",
    "kubernetes:security.istio.io/v1:PeerAuthentication",
    "a port opened to plaintext",
    (p) => (p.spec.portLevelMtls = { 8080: { mode: "DISABLE" } }),
    /port 8080 allows DISABLE/,
  ),
  c(
    "kubernetes-authorizationpolicy-disallow-allow-all",
    "kubernetes:security.istio.io/v1:AuthorizationPolicy",
    "an empty rule",
    (p) => p.spec.rules.push({}),
    /an ALLOW rule matches every request/,
  ),
  c(
    "kubernetes-role-disallow-wildcards",
    "kubernetes:rbac.authorization.k8s.io/v1:Role",
    "every verb",
    (p) => (p.rules[0].verbs = ["*"]),
    /rule 0 grants every verb/,
  ),
  c(
    "kubernetes-role-disallow-wildcards",
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole",
    "every resource",
    (p) => (p.rules[0].resources = ["*"]),
    /rule 0 grants every resource/,
  ),
  c(
    "random-randompassword-configure-length",
    "random:index/randomPassword:RandomPassword",
    "short",
    (p) => (p.length = 16),
    /length 16 is below 32/,
  ),
  c(
    "random-randompassword-configure-length",
    "random:index/randomPassword:RandomPassword",
    "no digits",
    (p) => (p.numeric = false),
    /numeric characters are turned off/,
  ),
  c(
    "aws-fis-experimenttemplate-configure-stop-condition",
    "aws:fis/experimentTemplate:ExperimentTemplate",
    "unguarded",
    (p) => (p.stopConditions = [{ source: "none" }]),
    /no CloudWatch alarm stop condition/,
  ),
  c(
    "aws-cognito-userpool-enforce-account-protection",
    "aws:cognito/userPool:UserPool",
    "MFA off",
    (p) => (p.mfaConfiguration = "OFF"),
    /MFA is off/,
  ),
  c(
    "aws-cognito-userpool-enforce-account-protection",
    "aws:cognito/userPool:UserPool",
    "short passwords",
    (p) => (p.passwordPolicy.minimumLength = 8),
    /passwords may be 8 characters/,
  ),
  c(
    "aws-cognito-userpool-enforce-account-protection",
    "aws:cognito/userPool:UserPool",
    "threat protection audit only",
    (p) => (p.userPoolAddOns.advancedSecurityMode = "AUDIT"),
    /threat protection is not enforced/,
  ),
  c(
    "kubernetes-helmrelease-enforce-pinned-chart",
    "kubernetes:helm.sh/v3:Release",
    "a version range",
    (p) => (p.version = "^1.28"),
    /not an exact version/,
  ),
  c(
    "kubernetes-helmrelease-enforce-pinned-chart",
    "kubernetes:helm.sh/v3:Release",
    "plain HTTP repository",
    (p) => (p.repositoryOpts.repo = "http://charts.example.com"),
    /not HTTPS or OCI/,
  ),
  c(
    "aws-eks-accessentry-disallow-broad-principal",
    "aws:eks/accessEntry:AccessEntry",
    "the account root",
    (p) => (p.principalArn = "arn:aws:iam::123456789012:root"),
    /stands for more than one identity/,
  ),
  c(
    "aws-ecr-repository-enforce-immutable-scanned-encrypted",
    "awsx:ecr:Repository",
    "mutable tags",
    (p) => (p.imageTagMutability = "MUTABLE"),
    /image tags can be overwritten/,
  ),
  c(
    "aws-ecr-repository-enforce-immutable-scanned-encrypted",
    "aws:ecr/repository:Repository",
    "no scanning",
    (p) => (p.imageScanningConfiguration.scanOnPush = false),
    /not scanned on push/,
  ),
  c(
    "aws-ecr-repository-enforce-immutable-scanned-encrypted",
    "aws:ecr/repository:Repository",
    "AES256",
    (p) => (p.encryptionConfigurations = [{ encryptionType: "AES256" }]),
    /not encrypted with a customer managed KMS key/,
  ),
  c(
    "aws-route53-healthcheck-enforce-https",
    "aws:route53/healthCheck:HealthCheck",
    "plain HTTP",
    (p) => (p.type = "HTTP"),
    /probes over HTTP/,
  ),
  c(
    "kubernetes-rolebinding-disallow-anonymous-subjects",
    "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
    "anonymous",
    (p) => p.subjects.push({ kind: "User", name: "system:anonymous" }),
    /binds system:anonymous/,
  ),
  c(
    "kubernetes-rolebinding-disallow-anonymous-subjects",
    "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding",
    "every authenticated user",
    (p) => p.subjects.push({ kind: "Group", name: "system:authenticated" }),
    /binds system:authenticated/,
  ),
  c(
    "aws-cognito-userpoolclient-enforce-code-flow",
    "aws:cognito/userPoolClient:UserPoolClient",
    "implicit grant",
    (p) => p.allowedOauthFlows.push("implicit"),
    /implicit grant/,
  ),
  c(
    "aws-rds-clusterparametergroup-enforce-tls",
    "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    "plaintext connections",
    (p) => (p.parameters = []),
    /rds.force_ssl is unset/,
  ),
  c(
    "aws-rds-clusterparametergroup-enforce-tls",
    "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    "MySQL without secure transport",
    (p) => {
      p.family = "aurora-mysql8.0";
      p.parameters = [{ name: "require_secure_transport", value: "OFF" }];
    },
    /require_secure_transport is OFF/,
  ),
  c(
    "kubernetes-requestauthentication-enforce-https-jwks",
    "kubernetes:security.istio.io/v1:RequestAuthentication",
    "keys over HTTP",
    (p) => (p.spec.jwtRules[0].jwksUri = "http://idp.example.com/jwks.json"),
    /jwtRule 0 fetches keys from http:/,
  ),
  c(
    "kubernetes-requestauthentication-enforce-https-jwks",
    "kubernetes:security.istio.io/v1:RequestAuthentication",
    "no issuer",
    (p) => delete p.spec.jwtRules[0].issuer,
    /jwtRule 0 has no issuer/,
  ),
  c(
    "kubernetes-nodepool-configure-expiry-and-limits",
    "kubernetes:karpenter.sh/v1:NodePool",
    "nodes never expire",
    (p) => (p.spec.template.spec.expireAfter = "Never"),
    /nodes never expire/,
  ),
  c(
    "kubernetes-nodepool-configure-expiry-and-limits",
    "kubernetes:karpenter.sh/v1:NodePool",
    "no CPU limit",
    (p) => delete p.spec.limits,
    /no CPU limit/,
  ),
  c(
    "aws-cloudwatch-loggroup-missing-kms-key",
    "aws:cloudwatch/logGroup:LogGroup",
    "no key",
    (p) => delete p.kmsKeyId,
    /not encrypted with a customer managed key/,
  ),
  c(
    "aws-cloudwatch-metricalarm-missing-actions",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "silent alarm",
    (p) => delete p.alarmActions,
    /notifies no one/,
  ),
  c(
    "aws-cloudwatch-metricalarm-missing-actions",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "recovery unannounced",
    (p) => (p.okActions = []),
    /recovery is not announced/,
  ),
  c(
    "aws-cloudwatch-loggroup-configure-retention",
    "aws:cloudwatch/logGroup:LogGroup",
    "kept forever",
    (p) => delete p.retentionInDays,
    /no retention set/,
  ),
  c(
    "aws-cloudwatch-loggroup-configure-retention",
    "aws:cloudwatch/logGroup:LogGroup",
    "below the configured minimum",
    (p) => (p.retentionInDays = 180),
    /retention 180 days is below the minimum of 365/,
    { config: { minimumDays: 365 } },
  ),
  // encryption in transit
  c(
    "aws-elasticache-replicationgroup-enable-transit-encryption",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "plaintext",
    (p) => (p.transitEncryptionEnabled = false),
    /in-transit encryption is off/,
  ),
  c(
    "aws-elasticache-replicationgroup-enable-transit-encryption",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "no user group and no AUTH token",
    (p) => delete p.userGroupIds,
    /no client authentication \(neither userGroupIds nor authToken is set\)/,
  ),
  c(
    "aws-elasticache-user-disallow-open-access",
    "aws:elasticache/user:User",
    "an enabled user without a password",
    (p) => {
      p.authenticationMode = { type: "no-password-required" };
      p.accessString = "on ~* +@all";
    },
    /user default needs no password and is on/,
  ),
  c(
    "aws-elasticache-user-disallow-open-access",
    "aws:elasticache/user:User",
    "an enabled user flagged noPasswordRequired",
    (p) => {
      delete p.authenticationMode;
      p.noPasswordRequired = true;
      p.accessString = "on ~app:* +@read";
    },
    /needs no password and is on/,
  ),
  c(
    "aws-lb-listener-enforce-https",
    "aws:lb/listener:Listener",
    "TLS 1.0 policy",
    (p) => (p.sslPolicy = "ELBSecurityPolicy-2016-08"),
    /allows protocols below TLS 1.2/,
  ),
  c(
    "aws-lb-listener-enforce-https",
    "aws:alb/listener:Listener",
    "HTTP forwarding",
    (p) => {
      p.protocol = "HTTP";
      p.defaultActions = [{ type: "forward" }];
    },
    /plain HTTP listener that does not redirect/,
  ),
  c(
    "aws-cloudfront-distribution-enforce-viewer-https",
    "aws:cloudfront/distribution:Distribution",
    "allow-all default behavior",
    (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"),
    /behavior default allows HTTP/,
  ),
  c(
    "aws-cloudfront-distribution-enforce-viewer-https",
    "aws:cloudfront/distribution:Distribution",
    "allow-all /api/*",
    (p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all"),
    /behavior \/api\/\* allows HTTP/,
  ),
  c(
    "aws-cloudfront-distribution-configure-minimum-tls",
    "aws:cloudfront/distribution:Distribution",
    "TLS 1.1 minimum",
    (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016"),
    /TLSv1.1_2016 is below TLS 1.2/,
  ),
  c(
    "aws-cloudfront-distribution-enforce-https-origin",
    "aws:cloudfront/distribution:Distribution",
    "HTTP to origin",
    (p) => (p.origins[0].customOriginConfig.originProtocolPolicy = "match-viewer"),
    /origin api is reached over match-viewer/,
  ),
  c(
    "aws-cloudfront-distribution-enforce-https-origin",
    "aws:cloudfront/distribution:Distribution",
    "TLS 1.0 to origin",
    (p) => p.origins[0].customOriginConfig.originSslProtocols.push("TLSv1"),
    /origin api allows TLSv1/,
  ),
  c(
    "aws-apigateway-domainname-configure-tls",
    "aws:apigatewayv2/domainName:DomainName",
    "TLS 1.0 domain",
    (p) => (p.domainNameConfiguration.securityPolicy = "TLS_1_0"),
    /TLS_1_0 allows TLS below 1.2/,
  ),
  c(
    "aws-apigateway-domainname-configure-tls",
    "aws:apigateway/domainName:DomainName",
    "v1 default policy",
    (p) => delete p.securityPolicy,
    /default TLS_1_0/,
  ),
  // private placement and exposure
  c(
    "aws-rds-instance-disallow-public-access",
    "aws:rds/clusterInstance:ClusterInstance",
    "public Aurora instance",
    (p) => (p.publiclyAccessible = true),
    /publicly accessible/,
  ),
  c(
    "aws-rds-instance-disallow-public-access",
    "aws:rds/instance:Instance",
    "public RDS instance",
    (p) => (p.publiclyAccessible = true),
    /publicly accessible/,
  ),
  c(
    "aws-ec2-subnet-disallow-public-ip",
    "aws:ec2/subnet:Subnet",
    "private subnet mapping public IPs",
    (p) => (p.mapPublicIpOnLaunch = true),
    /maps public IPs on launch in the private tier/,
  ),
  c(
    "aws-ec2-securitygroup-disallow-public-ingress",
    "aws:ec2/securityGroup:SecurityGroup",
    "SSH from anywhere",
    (p) => (p.ingress = [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 22, toPort: 22 }]),
    /ingress 22-22 is open to 0.0.0.0\/0/,
  ),
  c(
    "aws-ec2-securitygroup-disallow-public-ingress",
    "aws:ec2/securityGroup:SecurityGroup",
    "IPv6 anywhere",
    (p) => (p.ingress = [{ ipv6CidrBlocks: ["::/0"], fromPort: 443, toPort: 443 }]),
    /open to ::\/0/,
  ),
  c(
    "aws-ec2-securitygroup-disallow-public-ingress",
    "aws:ec2/securityGroup:SecurityGroup",
    "443 from anywhere, not allow-listed",
    (p) => (p.ingress = [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443 }]),
    /ingress 443-443 is open/,
    { config: { publicHttpsAllowList: ["other-lb"] } },
  ),
  c(
    "aws-vpc-securitygroupingressrule-disallow-public-ingress",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "Postgres from anywhere",
    (p) => {
      p.cidrIpv4 = "0.0.0.0/0";
      p.fromPort = 5432;
      p.toPort = 5432;
    },
    /ingress 5432-5432 is open to 0.0.0.0\/0/,
  ),
  c(
    "aws-vpc-securitygroupingressrule-disallow-public-ingress",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "legacy rule resource",
    (p) => (p.cidrBlocks = ["0.0.0.0/0"]),
    /open to 0.0.0.0\/0/,
  ),
  c(
    "aws-ec2-defaultsecuritygroup-disallow-rules",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "default group with a rule",
    (p) => (p.ingress = [{ self: true, protocol: "-1", fromPort: 0, toPort: 0 }]),
    /the default security group has rules/,
  ),
  c(
    "aws-lb-loadbalancer-enforce-internal",
    "aws:lb/loadBalancer:LoadBalancer",
    "internet-facing",
    (p) => (p.internal = false),
    /internet-facing load balancer not on the allow-list/,
  ),
  c(
    "aws-ec2-launchtemplate-enforce-imdsv2",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "IMDSv1 allowed",
    (p) => (p.metadataOptions.httpTokens = "optional"),
    /IMDSv2 is not required/,
  ),
  c(
    "eks-cluster-disallow-public-endpoint",
    "aws:eks/cluster:Cluster",
    "public without CIDRs",
    (p) => (p.vpcConfig.endpointPublicAccess = true),
    /public endpoint open to the internet/,
  ),
  c(
    "eks-cluster-disallow-public-endpoint",
    "aws:eks/cluster:Cluster",
    "public to 0.0.0.0/0",
    (p) =>
      (p.vpcConfig = {
        endpointPrivateAccess: true,
        endpointPublicAccess: true,
        publicAccessCidrs: ["0.0.0.0/0"],
      }),
    /public endpoint open/,
  ),
  c(
    "eks-cluster-disallow-public-endpoint",
    "aws:eks/cluster:Cluster",
    "private access off",
    (p) => (p.vpcConfig.endpointPrivateAccess = false),
    /private endpoint access is off/,
  ),
  // HA and DR
  c(
    "aws-rds-cluster-configure-backup-retention",
    "aws:rds/cluster:Cluster",
    "one day of backups",
    (p) => (p.backupRetentionPeriod = 1),
    /backups kept 1 day\(s\), below the minimum of 7/,
  ),
  c(
    "aws-rds-cluster-enable-deletion-protection",
    "aws:rds/cluster:Cluster",
    "unprotected cluster",
    (p) => (p.deletionProtection = false),
    /deletion protection is off/,
  ),
  c(
    "aws-rds-cluster-enable-deletion-protection",
    "aws:rds/globalCluster:GlobalCluster",
    "unprotected global cluster",
    (p) => delete p.deletionProtection,
    /deletion protection is off/,
  ),
  c(
    "aws-rds-cluster-configure-final-snapshot",
    "aws:rds/cluster:Cluster",
    "skips the final snapshot",
    (p) => (p.skipFinalSnapshot = true),
    /no final snapshot/,
  ),
  c(
    "aws-elasticache-replicationgroup-enable-automatic-failover",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "no failover",
    (p) => (p.automaticFailoverEnabled = false),
    /automatic failover is off/,
  ),
  c(
    "aws-elasticache-replicationgroup-enable-automatic-failover",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "single AZ",
    (p) => (p.multiAzEnabled = false),
    /Multi-AZ is off/,
  ),
  c(
    "aws-dynamodb-table-enable-point-in-time-recovery",
    "aws:dynamodb/table:Table",
    "PITR off",
    (p) => (p.pointInTimeRecovery = { enabled: false }),
    /point-in-time recovery is off/,
  ),
  c(
    "aws-dynamodb-table-enable-point-in-time-recovery",
    "aws:dynamodb/tableReplica:TableReplica",
    "replica PITR off",
    (p) => (p.pointInTimeRecovery = false),
    /point-in-time recovery is off/,
  ),
  c(
    "aws-dynamodb-table-enable-deletion-protection",
    "aws:dynamodb/table:Table",
    "unprotected table",
    (p) => (p.deletionProtectionEnabled = false),
    /deletion protection is off/,
  ),
  c(
    "aws-route53-record-missing-failover-health-check",
    "aws:route53/record:Record",
    "PRIMARY without health check",
    (p) => delete p.healthCheckId,
    /PRIMARY failover record without a health check/,
  ),
  // logging
  c(
    "eks-cluster-enable-control-plane-logging",
    "aws:eks/cluster:Cluster",
    "audit log off",
    (p) => (p.enabledClusterLogTypes = ["api", "authenticator"]),
    /missing: audit, controllerManager, scheduler/,
  ),
  c(
    "aws-lb-loadbalancer-enable-access-logs",
    "aws:alb/loadBalancer:LoadBalancer",
    "no access logs",
    (p) => (p.accessLogs = { enabled: false }),
    /access logs are off/,
  ),
  c(
    "aws-lb-loadbalancer-enable-access-logs",
    "aws:lb/loadBalancer:LoadBalancer",
    "keeps invalid headers",
    (p) => (p.dropInvalidHeaderFields = false),
    /invalid header fields are not dropped/,
  ),
  c(
    "aws-cloudfront-distribution-enable-logging",
    "aws:cloudfront/distribution:Distribution",
    "no logging",
    (p) => delete p.loggingConfig,
    /access logging is off/,
  ),
  c(
    "aws-cloudfront-distribution-enable-logging",
    "aws:cloudfront/distribution:Distribution",
    "no WAF",
    (p) => delete p.webAclId,
    /no WAF web ACL/,
  ),
  c(
    "aws-apigateway-stage-enable-access-logs",
    "aws:apigatewayv2/stage:Stage",
    "no access logs",
    (p) => delete p.accessLogSettings,
    /access logging is off/,
  ),
  // IAM
  c(
    "aws-iam-policy-disallow-wildcard-admin",
    "aws:iam/rolePolicy:RolePolicy",
    "* on *",
    (p) =>
      (p.policy = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] })),
    /statement 0 allows "\*" on "\*"/,
  ),
  c(
    "aws-iam-policy-disallow-wildcard-admin",
    "aws:iam/policy:Policy",
    "*:* on * in a list",
    (p) =>
      (p.policy = {
        Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: ["*"] }],
      }),
    /allows "\*" on "\*"/,
  ),
  c(
    "aws-iam-role-disallow-administrator-access",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "AdministratorAccess attached",
    (p) => (p.policyArn = "arn:aws:iam::aws:policy/AdministratorAccess"),
    /attaches AdministratorAccess/,
  ),
  c(
    "aws-iam-role-disallow-administrator-access",
    "aws:iam/role:Role",
    "AdministratorAccess inline on the role",
    (p) => (p.managedPolicyArns = ["arn:aws:iam::aws:policy/AdministratorAccess"]),
    /has AdministratorAccess/,
  ),
  c(
    "aws-iam-role-disallow-wildcard-trust",
    "aws:iam/role:Role",
    "anyone may assume",
    (p) => (p.assumeRolePolicy = wildcardDoc("*")),
    /trust statement 0 lets anyone assume the role/,
  ),
  c(
    "aws-iam-role-disallow-wildcard-trust",
    "aws:iam/role:Role",
    "any AWS principal",
    (p) => (p.assumeRolePolicy = wildcardDoc({ AWS: ["*"] })),
    /lets anyone assume/,
  ),
  c(
    "aws-kms-key-disallow-public-principal",
    "aws:kms/key:Key",
    "key for anyone",
    (p) => (p.policy = wildcardDoc({ AWS: "*" })),
    /grants the key to anyone/,
  ),
  c(
    "aws-kms-key-disallow-public-principal",
    "aws:kms/replicaKey:ReplicaKey",
    "replica key for anyone",
    (p) => (p.policy = wildcardDoc("*")),
    /grants the key to anyone/,
  ),
  // Kubernetes
  c(
    "kubernetes-workload-disallow-privileged",
    "kubernetes:apps/v1:Deployment",
    "privileged container",
    (p) => (container(p).securityContext.privileged = true),
    /container app is privileged/,
  ),
  c(
    "kubernetes-workload-disallow-privileged",
    "kubernetes:apps/v1:DaemonSet",
    "host network",
    (p) => (p.spec.template.spec.hostNetwork = true),
    /pod uses hostNetwork/,
  ),
  c(
    "kubernetes-workload-disallow-privilege-escalation",
    "kubernetes:apps/v1:Deployment",
    "escalation allowed",
    (p) => delete container(p).securityContext.allowPrivilegeEscalation,
    /container app may escalate privileges/,
  ),
  c(
    "kubernetes-workload-disallow-privilege-escalation",
    "kubernetes:apps/v1:StatefulSet",
    "capabilities kept",
    (p) => (container(p).securityContext.capabilities = { drop: ["NET_RAW"] }),
    /does not drop ALL capabilities/,
  ),
  c(
    "kubernetes-workload-enforce-run-as-non-root",
    "kubernetes:apps/v1:Deployment",
    "root allowed",
    (p) => {
      delete container(p).securityContext.runAsNonRoot;
      delete p.spec.template.spec.securityContext;
    },
    /container app may run as root/,
  ),
  c(
    "kubernetes-workload-enforce-read-only-root-filesystem",
    "kubernetes:apps/v1:Deployment",
    "writable root",
    (p) => (container(p).securityContext.readOnlyRootFilesystem = false),
    /writable root filesystem/,
  ),
  c(
    "kubernetes-workload-configure-resources",
    "kubernetes:apps/v1:Deployment",
    "no memory limit",
    (p) => delete container(p).resources.limits.memory,
    /container app has no memory limit/,
  ),
  c(
    "kubernetes-workload-disallow-latest-tag",
    "kubernetes:apps/v1:Deployment",
    ":latest",
    (p) => (container(p).image = "ghcr.io/stefanprodan/podinfo:latest"),
    /is not pinned/,
  ),
  c(
    "kubernetes-workload-disallow-latest-tag",
    "kubernetes:apps/v1:Deployment",
    "untagged behind a registry port",
    (p) => (container(p).image = "registry:5000/podinfo"),
    /image registry:5000\/podinfo is not pinned/,
  ),
  c(
    "kubernetes-workload-disallow-default-namespace",
    "kubernetes:apps/v1:Deployment",
    "default namespace",
    (p) => (p.metadata.namespace = "default"),
    /in the default namespace/,
  ),
  c(
    "kubernetes-workload-disallow-default-namespace",
    "kubernetes:core/v1:Service",
    "no namespace",
    (p) => delete p.metadata.namespace,
    /in the default namespace/,
  ),
  c(
    "kubernetes-poddisruptionbudget-configure-allowed-disruption",
    "kubernetes:policy/v1:PodDisruptionBudget",
    "maxUnavailable 0",
    (p) => (p.spec.maxUnavailable = 0),
    /maxUnavailable 0 blocks/,
  ),
  c(
    "kubernetes-poddisruptionbudget-configure-allowed-disruption",
    "kubernetes:policy/v1:PodDisruptionBudget",
    "minAvailable 100%",
    (p) => (p.spec = { minAvailable: "100%" }),
    /minAvailable 100% blocks/,
  ),
  c(
    "kubernetes-service-disallow-load-balancer",
    "kubernetes:core/v1:Service",
    "LoadBalancer service",
    (p) => (p.spec.type = "LoadBalancer"),
    /LoadBalancer not on the allow-list/,
  ),
  c(
    "kubernetes-namespace-missing-pod-security-label",
    "kubernetes:core/v1:Namespace",
    "no PSA label",
    (p) => (p.metadata.labels = {}),
    /no pod-security.kubernetes.io\/enforce label/,
  ),
  // component-level rules on eks.Cluster inputs
  c(
    "eks-component-enforce-private-endpoint",
    "eks:index:Cluster",
    "public endpoint by default",
    (p) => delete p.endpointPublicAccess,
    /public endpoint open to the internet/,
  ),
  c(
    "eks-component-enforce-private-endpoint",
    "eks:index:Cluster",
    "private endpoint off",
    (p) => (p.endpointPrivateAccess = false),
    /private endpoint access is off/,
  ),
  c(
    "eks-component-enable-secrets-encryption",
    "eks:index:Cluster",
    "no key",
    (p) => delete p.encryptionConfigKeyArn,
    /secrets are not encrypted/,
  ),
  c(
    "eks-component-enable-control-plane-logging",
    "eks:index:Cluster",
    "no logs",
    (p) => delete p.enabledClusterLogTypes,
    /missing: api, audit, authenticator, controllerManager, scheduler/,
  ),
  c(
    "eks-component-configure-api-authentication",
    "eks:index:Cluster",
    "aws-auth ConfigMap",
    (p) => (p.authenticationMode = "API_AND_CONFIG_MAP"),
    /authenticationMode is API_AND_CONFIG_MAP/,
  ),
  // Defaults and less common shapes
  c(
    "eks-cluster-disallow-public-endpoint",
    "aws:eks/cluster:Cluster",
    "public access left to the AWS default (on)",
    (p) => delete p.vpcConfig.endpointPublicAccess,
    /public endpoint open to the internet/,
  ),
  c(
    "aws-cloudfront-distribution-configure-minimum-tls",
    "aws:cloudfront/distribution:Distribution",
    "default certificate",
    (p) =>
      (p.viewerCertificate = {
        cloudfrontDefaultCertificate: true,
        minimumProtocolVersion: "TLSv1.2_2021",
      }),
    /CloudFront default certificate, which accepts TLSv1/,
  ),
  c(
    "aws-iam-policy-disallow-wildcard-admin",
    "aws:iam/role:Role",
    "* on * in a role's inline policy",
    (p) =>
      (p.inlinePolicies = [
        {
          name: "admin",
          policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }),
        },
      ]),
    /inline policy admin: statement 0 allows "\*" on "\*"/,
  ),
  c(
    "aws-rds-cluster-configure-final-snapshot",
    "aws:rds/instance:Instance",
    "instance skips the final snapshot",
    (p) => {
      p.skipFinalSnapshot = true;
      delete p.finalSnapshotIdentifier;
    },
    /no final snapshot/,
  ),
  // audit and governance
  c(
    "aws-cloudtrail-trail-enable-multi-region",
    "aws:cloudtrail/trail:Trail",
    "single-region trail",
    (p) => delete p.isMultiRegionTrail,
    /the trail records one region only/,
  ),
  c(
    "aws-cloudtrail-trail-enable-multi-region",
    "aws:cloudtrail/trail:Trail",
    "global service events excluded",
    (p) => (p.includeGlobalServiceEvents = false),
    /global service events \(IAM, STS\) are excluded/,
  ),
  c(
    "aws-cloudtrail-trail-enable-log-file-validation",
    "aws:cloudtrail/trail:Trail",
    "no digest files",
    (p) => (p.enableLogFileValidation = false),
    /log file validation is off/,
  ),
  c(
    "aws-cloudtrail-trail-configure-customer-managed-key",
    "aws:cloudtrail/trail:Trail",
    "S3-managed encryption",
    (p) => delete p.kmsKeyId,
    /not a KMS key/,
  ),
  c(
    "aws-config-recorder-enable-all-supported",
    "aws:cfg/recorder:Recorder",
    "a chosen list of types",
    (p) => (p.recordingGroup = { allSupported: false, resourceTypes: ["AWS::S3::Bucket"] }),
    /records a chosen list of resource types/,
  ),
  c(
    "aws-budgets-budget-configure-notifications",
    "aws:budgets/budget:Budget",
    "no forecast alert",
    (p) => p.notifications.pop(),
    /no forecasted notification with a subscriber/,
  ),
  c(
    "aws-budgets-budget-configure-notifications",
    "aws:budgets/budget:Budget",
    "an actual alert nobody receives",
    (p) => delete p.notifications[0].subscriberSnsTopicArns,
    /no actual notification with a subscriber/,
  ),
  // pack coverage: routes, target groups, egress, Istio edge
  c(
    "aws-apigateway-route-configure-authorizer",
    "aws:apigatewayv2/route:Route",
    "private route without authorizer",
    (p) => {
      p.authorizationType = "NONE";
      delete p.authorizerId;
    },
    /route ANY \/orders has no authorizer/,
  ),
  c(
    "aws-apigateway-route-configure-authorizer",
    "aws:apigatewayv2/route:Route",
    "authorization type left out (NONE)",
    (p) => delete p.authorizationType,
    /has no authorizer/,
  ),
  c(
    "aws-apigateway-route-configure-authorizer",
    "aws:apigatewayv2/route:Route",
    "JWT without an authorizer id",
    (p) => delete p.authorizerId,
    /JWT authorization without an authorizerId/,
  ),
  c(
    "aws-apigateway-route-configure-authorizer",
    "aws:apigatewayv2/route:Route",
    "a route off a shortened allow-list",
    (p) => {
      p.routeKey = "GET /healthz";
      p.authorizationType = "NONE";
    },
    /GET \/healthz has no authorizer/,
    { config: { publicRouteAllowList: [] } },
  ),
  c(
    "aws-lb-targetgroup-enforce-https",
    "aws:lb/targetGroup:TargetGroup",
    "plain HTTP targets",
    (p) => (p.protocol = "HTTP"),
    /targets are reached over HTTP, not HTTPS or TLS/,
  ),
  c(
    "aws-lb-targetgroup-enforce-https",
    "aws:lb/targetGroup:TargetGroup",
    "protocol left out",
    (p) => delete p.protocol,
    /over HTTP,/,
  ),
  c(
    "aws-lb-targetgroup-enforce-https",
    "aws:lb/targetGroup:TargetGroup",
    "the allow-listed name off the list",
    (p) => (p.protocol = "HTTP"),
    /over HTTP,/,
    { name: "edge-gateway", config: { plaintextTargetGroupAllowList: [] } },
  ),
  c(
    "aws-vpc-securitygroupegressrule-disallow-public-egress",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "all protocols to anywhere",
    (p) => {
      p.ipProtocol = "-1";
      delete p.fromPort;
      delete p.toPort;
    },
    /egress -1 all-all is open to 0.0.0.0\/0/,
  ),
  c(
    "aws-vpc-securitygroupegressrule-disallow-public-egress",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "a port range to ::/0",
    (p) => {
      delete p.cidrIpv4;
      p.cidrIpv6 = "::/0";
      p.toPort = 8443;
    },
    /egress tcp 443-8443 is open to ::\/0/,
  ),
  c(
    "aws-vpc-securitygroupegressrule-disallow-public-egress",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "UDP on 443",
    (p) => (p.ipProtocol = "udp"),
    /egress udp 443-443/,
  ),
  c(
    "kubernetes-gateway-enforce-https-servers",
    "kubernetes:networking.istio.io/v1:Gateway",
    "HTTP server without a redirect",
    (p) => delete p.spec.servers[1].tls,
    /port 80 speaks HTTP without TLS or an HTTPS redirect/,
  ),
  c(
    "kubernetes-gateway-enforce-https-servers",
    "kubernetes:networking.istio.io/v1:Gateway",
    "the allow-listed shop gateway off the list",
    (p) => {
      p.metadata.name = "shop-gateway";
      p.spec.servers = [{ port: { number: 8080, name: "http", protocol: "HTTP" }, hosts: ["*"] }];
    },
    /port 8080 speaks HTTP/,
    { config: { tlsTerminatedUpstreamAllowList: [] } },
  ),
  c(
    "aws-ec2-vpcendpoint-enforce-private-access",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "an interface endpoint without private DNS",
    (p) => (p.privateDnsEnabled = false),
    /private DNS is off/,
  ),
  c(
    "aws-ec2-vpcendpoint-enforce-private-access",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "an interface endpoint without a security group",
    (p) => (p.securityGroupIds = []),
    /no security group limits who reaches the endpoint/,
  ),
  c(
    "aws-ec2-vpcendpoint-enforce-private-access",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "a gateway endpoint on no route table",
    (p) => {
      p.vpcEndpointType = "Gateway";
      p.routeTableIds = [];
    },
    /a gateway endpoint attached to no route table/,
  ),
  c(
    "kubernetes-secret-disallow-long-lived-token",
    "kubernetes:core/v1:Secret",
    "a service-account token",
    (p) => (p.type = "kubernetes.io/service-account-token"),
    /a long-lived service-account token Secret/,
  ),
  c(
    "kubernetes-secret-disallow-long-lived-token",
    "kubernetes:core/v1:Secret",
    "no namespace",
    (p) => delete p.metadata.namespace,
    /a Secret in the default namespace/,
  ),
  c(
    "kubernetes-targetgroupbinding-enforce-scoped-targets",
    "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding",
    "instance targets",
    (p) => (p.spec.targetType = "instance"),
    /targetType instance is not ip/,
  ),
  c(
    "kubernetes-targetgroupbinding-enforce-scoped-targets",
    "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding",
    "the internet admitted",
    (p) => (p.spec.networking.ingress[0].from = [{ ipBlock: { cidr: "0.0.0.0/0" } }]),
    /admits 0.0.0.0\/0 to the targets/,
  ),
  c(
    "kubernetes-serviceentry-disallow-wildcard-hosts",
    "kubernetes:networking.istio.io/v1:ServiceEntry",
    "a wildcard domain",
    (p) => p.spec.hosts.push("*.amazonaws.com"),
    /MESH_EXTERNAL host \*\.amazonaws\.com is a wildcard/,
  ),
  c(
    "kubernetes-serviceentry-disallow-wildcard-hosts",
    "kubernetes:networking.istio.io/v1:ServiceEntry",
    "location left out (MESH_EXTERNAL) with a bare wildcard",
    (p) => {
      delete p.spec.location;
      p.spec.hosts = ["*"];
    },
    /host \* is a wildcard/,
  ),
  ...STATEFUL_TYPES.map((type) =>
    c(
      "aws-stateful-resource-enable-pulumi-protect",
      type,
      `${type.split(":")[2]} with protect off`,
      () => undefined,
      /Pulumi protect is off/,
      { protect: false },
    ),
  ),
];

describe("policy resource rules (compliant baseline, one field mutated per case)", () => {
  const resourceRules = rules.filter((r) => r.kind === "resource");

  describe("every resource rule passes the compliant baseline of each type it checks", () => {
    for (const rule of resourceRules) {
      for (const type of rule.meta.types) {
        it(`${rule.name} on ${type}`, async () => {
          expect(BASELINE, `no baseline fixture for ${type}`).to.have.property(type);
          expect(
            await violations(rule.name, [res(type, "fixture", clone(BASELINE[type]))]),
          ).to.deep.equal([]);
        });
      }
    }
  });

  describe("violations", () => {
    for (const k of RESOURCE_CASES) {
      it(`${k.rule}: ${k.title}`, async () => {
        const props = clone(BASELINE[k.type]);
        k.mutate(props);
        const fixture = { ...res(k.type, k.name ?? "fixture", props), protect: k.protect };
        const found = await violations(k.rule, [fixture], k.config);
        expect(found.length, "violations").to.be.greaterThan(0);
        expect(found.map((v) => v.message).join("\n")).to.match(k.expect);
        expect(found.every((v) => v.message.startsWith(`${k.name ?? "fixture"}: `))).to.equal(true);
      });
    }
  });

  describe("allow-lists and exemptions", () => {
    it("admits 443 from anywhere on an allow-listed public load balancer group only", async () => {
      const props = { ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 443, toPort: 443 }] };
      const rule = "aws-ec2-securitygroup-disallow-public-ingress";
      expect(
        await violations(rule, [res("aws:ec2/securityGroup:SecurityGroup", "public-alb", props)], {
          publicHttpsAllowList: ["public-alb"],
        }),
      ).to.deep.equal([]);
      const ssh = { ingress: [{ cidrBlocks: ["0.0.0.0/0"], fromPort: 22, toPort: 22 }] };
      expect(
        await violations(rule, [res("aws:ec2/securityGroup:SecurityGroup", "public-alb", ssh)], {
          publicHttpsAllowList: ["public-alb"],
        }),
      ).to.have.length(1);
    });

    it("accepts an internet-facing load balancer on the allow-list and an HTTP listener that redirects", async () => {
      const lb = { ...clone(BASELINE["aws:lb/loadBalancer:LoadBalancer"]), internal: false };
      expect(
        await violations(
          "aws-lb-loadbalancer-enforce-internal",
          [res("aws:lb/loadBalancer:LoadBalancer", "edge", lb)],
          { publicLoadBalancerAllowList: ["edge"] },
        ),
      ).to.deep.equal([]);
      const redirect = {
        protocol: "HTTP",
        port: 80,
        defaultActions: [
          {
            type: "redirect",
            redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" },
          },
        ],
      };
      expect(
        await violations("aws-lb-listener-enforce-https", [
          res("aws:lb/listener:Listener", "http", redirect),
        ]),
      ).to.deep.equal([]);
    });

    it("lets a public subnet map public IPs, and a conditioned wildcard trust pass", async () => {
      expect(
        await violations("aws-ec2-subnet-disallow-public-ip", [
          res("aws:ec2/subnet:Subnet", "pub", {
            mapPublicIpOnLaunch: true,
            tags: { tier: "public" },
          }),
        ]),
      ).to.deep.equal([]);
      const conditioned = JSON.stringify({
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "*" },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } },
          },
        ],
      });
      expect(
        await violations("aws-iam-role-disallow-wildcard-trust", [
          res("aws:iam/role:Role", "r", { assumeRolePolicy: conditioned }),
        ]),
      ).to.deep.equal([]);
    });

    it("accepts a replication group authenticated by an AUTH token instead of a user group", async () => {
      const g = clone(BASELINE["aws:elasticache/replicationGroup:ReplicationGroup"]) as Props;
      delete g.userGroupIds;
      g.authToken = "[secret]";
      expect(
        await violations("aws-elasticache-replicationgroup-enable-transit-encryption", [
          res("aws:elasticache/replicationGroup:ReplicationGroup", "g", g),
        ]),
      ).to.deep.equal([]);
    });

    it("pins images by digest and ignores non-ingress legacy rules", async () => {
      const d = clone(BASELINE["kubernetes:apps/v1:Deployment"]) as Props;
      container(d).image = "ghcr.io/stefanprodan/podinfo@sha256:0123";
      expect(
        await violations("kubernetes-workload-disallow-latest-tag", [
          res("kubernetes:apps/v1:Deployment", "d", d),
        ]),
      ).to.deep.equal([]);
      const egress = {
        type: "egress",
        cidrBlocks: ["0.0.0.0/0"],
        fromPort: 0,
        toPort: 0,
        protocol: "-1",
      };
      expect(
        await violations("aws-vpc-securitygroupingressrule-disallow-public-ingress", [
          res("aws:ec2/securityGroupRule:SecurityGroupRule", "e", egress),
        ]),
      ).to.deep.equal([]);
    });
  });

  describe("pack coverage allow-lists (the defaults admit what the edge and mesh deploy)", () => {
    const base = (type: string, patch: (p: Props) => void) => {
      const p = clone(BASELINE[type]) as Props;
      patch(p);
      return p;
    };
    const passes = async (rule: string, type: string, name: string, props: Props) =>
      expect(await violations(rule, [res(type, name, props)])).to.deep.equal([]);

    it("leaves the health check and catalogue routes open, and accepts IAM authorization", async () => {
      const route = "aws:apigatewayv2/route:Route";
      const rule = "aws-apigateway-route-configure-authorizer";
      for (const key of ["GET /healthz", "ANY /products/{proxy+}", "ANY /auth"]) {
        await passes(
          rule,
          route,
          "r",
          base(route, (p) => {
            p.routeKey = key;
            p.authorizationType = "NONE";
            delete p.authorizerId;
          }),
        );
      }
      await passes(
        rule,
        route,
        "r",
        base(route, (p) => {
          p.authorizationType = "AWS_IAM";
          delete p.authorizerId;
        }),
      );
    });

    it("lets the gateway's target group speak HTTP, and Lambda targets have no protocol", async () => {
      const tg = "aws:lb/targetGroup:TargetGroup";
      const rule = "aws-lb-targetgroup-enforce-https";
      await passes(
        rule,
        tg,
        "edge-gateway",
        base(tg, (p) => (p.protocol = "HTTP")),
      );
      await passes(rule, tg, "fn", { targetType: "lambda" });
      await passes(
        rule,
        tg,
        "quic",
        base(tg, (p) => (p.protocol = "QUIC")),
      );
    });

    it("lets the node groups' egress reach anywhere and any rule reach a security group", async () => {
      const egress = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
      const rule = "aws-vpc-securitygroupegressrule-disallow-public-egress";
      const all = base(egress, (p) => {
        p.ipProtocol = "-1";
        delete p.fromPort;
        delete p.toPort;
      });
      await passes(rule, egress, "network-workloads-egress", all);
      await passes(
        rule,
        egress,
        "https-by-number",
        base(egress, (p) => (p.ipProtocol = "6")),
      );
      const toGroup = base(egress, (p) => {
        delete p.cidrIpv4;
        p.referencedSecurityGroupId = "sg-1";
        p.fromPort = 8080;
        p.toPort = 8080;
      });
      await passes(rule, egress, "alb-to-gateway", toGroup);
    });

    it("accepts the ALB-fronted shop gateway on HTTP and internal wildcard entries", async () => {
      const gw = "kubernetes:networking.istio.io/v1:Gateway";
      await passes(
        "kubernetes-gateway-enforce-https-servers",
        gw,
        "g",
        base(gw, (p) => {
          p.metadata.name = "shop-gateway";
          p.spec.servers = [
            { port: { number: 8080, name: "http", protocol: "HTTP" }, hosts: ["*"] },
          ];
        }),
      );
      const se = "kubernetes:networking.istio.io/v1:ServiceEntry";
      await passes(
        "kubernetes-serviceentry-disallow-wildcard-hosts",
        se,
        "s",
        base(se, (p) => {
          p.spec.location = "MESH_INTERNAL";
          p.spec.hosts = ["*.shop.svc.cluster.local"];
        }),
      );
    });
  });

  it("has a violating case for every type of every resource rule", () => {
    const covered = new Set(RESOURCE_CASES.map((k) => `${k.rule} ${k.type}`));
    // Types that share one code path with a covered sibling (same props, same branch).
    const sameAs: Record<string, string> = {
      "aws:alb/loadBalancer:LoadBalancer": "aws:lb/loadBalancer:LoadBalancer",
      "aws:lb/loadBalancer:LoadBalancer": "aws:alb/loadBalancer:LoadBalancer",
      "aws:apigateway/stage:Stage": "aws:apigatewayv2/stage:Stage",
      "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
      "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
      "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
      "kubernetes:core/v1:ServiceAccount": "kubernetes:core/v1:Service",
      "aws:iam/policy:Policy": "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/userPolicy:UserPolicy": "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/groupPolicy:GroupPolicy": "aws:iam/rolePolicy:RolePolicy",
      "aws:iam/policyAttachment:PolicyAttachment":
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "aws:iam/userPolicyAttachment:UserPolicyAttachment":
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "aws:iam/groupPolicyAttachment:GroupPolicyAttachment":
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
      "aws:lb/listener:Listener": "aws:alb/listener:Listener",
      "aws:alb/listener:Listener": "aws:lb/listener:Listener",
      "aws:dynamodb/tableReplica:TableReplica": "aws:dynamodb/table:Table",
      "aws:rds/instance:Instance": "aws:rds/cluster:Cluster",
      "aws:alb/targetGroup:TargetGroup": "aws:lb/targetGroup:TargetGroup",
    };
    const missing = resourceRules.flatMap((r) =>
      r.meta.types
        .filter((t) => !covered.has(`${r.name} ${t}`) && !covered.has(`${r.name} ${sameAs[t]}`))
        .map((t) => `${r.name} ${t}`),
    );
    expect(missing).to.deep.equal([]);
  });
});
