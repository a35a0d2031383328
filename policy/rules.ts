/**
 * Every rule of the pack, in one list: the PolicyPack registers it (index.ts), and the tests and
 * the offline gate run it in-process (constructing a PolicyPack would start a gRPC server).
 */
import { Rule } from "./lib/rule";
import awsCloudtrailTrailEnableMultiRegion from "./rules/cloudtrail/aws-cloudtrail-trail-enable-multi-region";
import awsCloudtrailTrailEnableLogFileValidation from "./rules/cloudtrail/aws-cloudtrail-trail-enable-log-file-validation";
import awsCloudtrailTrailConfigureCustomerManagedKey from "./rules/cloudtrail/aws-cloudtrail-trail-configure-customer-managed-key";
import awsConfigRecorderEnableAllSupported from "./rules/config/aws-config-recorder-enable-all-supported";
import awsBudgetsBudgetConfigureNotifications from "./rules/budgets/aws-budgets-budget-configure-notifications";
import awsGuarddutyDetectorEnableRuntimeMonitoring from "./rules/guardduty/aws-guardduty-detector-enable-runtime-monitoring";
import awsSecurityhubAccountEnableStandards from "./rules/securityhub/aws-securityhub-account-enable-standards";
import awsApigatewayDomainnameConfigureTls from "./rules/apigateway/aws-apigateway-domainname-configure-tls";
import awsApigatewayStageEnableAccessLogs from "./rules/apigateway/aws-apigateway-stage-enable-access-logs";
import awsCloudfrontDistributionConfigureMinimumTls from "./rules/cloudfront/aws-cloudfront-distribution-configure-minimum-tls";
import awsCloudfrontDistributionEnableLogging from "./rules/cloudfront/aws-cloudfront-distribution-enable-logging";
import awsCloudfrontDistributionEnforceHttpsOrigin from "./rules/cloudfront/aws-cloudfront-distribution-enforce-https-origin";
import awsCloudfrontDistributionEnforceViewerHttps from "./rules/cloudfront/aws-cloudfront-distribution-enforce-viewer-https";
import awsCloudfrontDistributionEnforceOriginAccessControl from "./rules/cloudfront/aws-cloudfront-distribution-enforce-origin-access-control";
import awsCloudfrontDistributionConfigureOriginFailover from "./rules/cloudfront/aws-cloudfront-distribution-configure-origin-failover";
import awsCloudwatchLoggroupConfigureRetention from "./rules/cloudwatch/aws-cloudwatch-loggroup-configure-retention";
import awsCloudwatchLoggroupMissingKmsKey from "./rules/cloudwatch/aws-cloudwatch-loggroup-missing-kms-key";
import awsCloudwatchMetricalarmMissingActions from "./rules/cloudwatch/aws-cloudwatch-metricalarm-missing-actions";
import awsCognitoUserpoolEnforceAccountProtection from "./rules/cognito/aws-cognito-userpool-enforce-account-protection";
import awsCognitoUserpoolclientEnforceCodeFlow from "./rules/cognito/aws-cognito-userpoolclient-enforce-code-flow";
import awsDynamodbTableConfigureCustomerManagedKey from "./rules/dynamodb/aws-dynamodb-table-configure-customer-managed-key";
import awsDynamodbTableEnableDeletionProtection from "./rules/dynamodb/aws-dynamodb-table-enable-deletion-protection";
import awsDynamodbTableEnablePointInTimeRecovery from "./rules/dynamodb/aws-dynamodb-table-enable-point-in-time-recovery";
import awsEc2DefaultsecuritygroupDisallowRules from "./rules/ec2/aws-ec2-defaultsecuritygroup-disallow-rules";
import awsEc2LaunchtemplateConfigureCustomerManagedKey from "./rules/ec2/aws-ec2-launchtemplate-configure-customer-managed-key";
import awsEc2LaunchtemplateConfigureImdsHopLimit from "./rules/ec2/aws-ec2-launchtemplate-configure-imds-hop-limit";
import awsEc2LaunchtemplateEnableEbsEncryption from "./rules/ec2/aws-ec2-launchtemplate-enable-ebs-encryption";
import awsEc2LaunchtemplateEnforceImdsv2 from "./rules/ec2/aws-ec2-launchtemplate-enforce-imdsv2";
import awsEc2SecuritygroupDisallowPublicIngress from "./rules/ec2/aws-ec2-securitygroup-disallow-public-ingress";
import awsEc2SubnetDisallowPublicIp from "./rules/ec2/aws-ec2-subnet-disallow-public-ip";
import awsEc2VpcendpointEnforcePrivateAccess from "./rules/ec2/aws-ec2-vpcendpoint-enforce-private-access";
import awsEcrRepositoryEnforceImmutableScannedEncrypted from "./rules/ecr/aws-ecr-repository-enforce-immutable-scanned-encrypted";
import awsEksAccessentryDisallowBroadPrincipal from "./rules/eks/aws-eks-accessentry-disallow-broad-principal";
import eksClusterDisallowPublicEndpoint from "./rules/eks/eks-cluster-disallow-public-endpoint";
import eksClusterEnableControlPlaneLogging from "./rules/eks/eks-cluster-enable-control-plane-logging";
import eksClusterEnableSecretsEncryption from "./rules/eks/eks-cluster-enable-secrets-encryption";
import eksComponentConfigureApiAuthentication from "./rules/eks/eks-component-configure-api-authentication";
import eksComponentConfigureControlPlaneLogGroup from "./rules/eks/eks-component-configure-control-plane-log-group";
import eksComponentEnableControlPlaneLogging from "./rules/eks/eks-component-enable-control-plane-logging";
import eksComponentEnableSecretsEncryption from "./rules/eks/eks-component-enable-secrets-encryption";
import eksComponentEnforcePrivateEndpoint from "./rules/eks/eks-component-enforce-private-endpoint";
import awsElasticacheReplicationgroupEnableAtRestEncryption from "./rules/elasticache/aws-elasticache-replicationgroup-enable-at-rest-encryption";
import awsElasticacheReplicationgroupEnableAutomaticFailover from "./rules/elasticache/aws-elasticache-replicationgroup-enable-automatic-failover";
import awsElasticacheReplicationgroupEnableTransitEncryption from "./rules/elasticache/aws-elasticache-replicationgroup-enable-transit-encryption";
import awsElasticacheUserDisallowOpenAccess from "./rules/elasticache/aws-elasticache-user-disallow-open-access";
import awsFisExperimenttemplateConfigureStopCondition from "./rules/fis/aws-fis-experimenttemplate-configure-stop-condition";
import awsIamPolicyDisallowWildcardAdmin from "./rules/iam/aws-iam-policy-disallow-wildcard-admin";
import awsIamRoleDisallowAdministratorAccess from "./rules/iam/aws-iam-role-disallow-administrator-access";
import awsIamRoleDisallowWildcardTrust from "./rules/iam/aws-iam-role-disallow-wildcard-trust";
import awsKmsKeyDisallowPublicPrincipal from "./rules/kms/aws-kms-key-disallow-public-principal";
import awsKmsKeyEnableRotation from "./rules/kms/aws-kms-key-enable-rotation";
import kubernetesAuthorizationpolicyDisallowAllowAll from "./rules/kubernetes/kubernetes-authorizationpolicy-disallow-allow-all";
import kubernetesEc2nodeclassConfigureCustomerManagedKey from "./rules/kubernetes/kubernetes-ec2nodeclass-configure-customer-managed-key";
import kubernetesEc2nodeclassEnforceImdsHopLimit from "./rules/kubernetes/kubernetes-ec2nodeclass-enforce-imds-hop-limit";
import kubernetesHelmreleaseEnforcePinnedChart from "./rules/kubernetes/kubernetes-helmrelease-enforce-pinned-chart";
import kubernetesNamespaceMissingDefaultDeny from "./rules/kubernetes/kubernetes-namespace-missing-default-deny";
import kubernetesNamespaceMissingPodSecurityLabel from "./rules/kubernetes/kubernetes-namespace-missing-pod-security-label";
import kubernetesNodepoolConfigureExpiryAndLimits from "./rules/kubernetes/kubernetes-nodepool-configure-expiry-and-limits";
import kubernetesPeerauthenticationEnforceStrictMtls from "./rules/kubernetes/kubernetes-peerauthentication-enforce-strict-mtls";
import kubernetesPoddisruptionbudgetConfigureAllowedDisruption from "./rules/kubernetes/kubernetes-poddisruptionbudget-configure-allowed-disruption";
import kubernetesRequestauthenticationEnforceHttpsJwks from "./rules/kubernetes/kubernetes-requestauthentication-enforce-https-jwks";
import kubernetesRoleDisallowWildcards from "./rules/kubernetes/kubernetes-role-disallow-wildcards";
import kubernetesRolebindingDisallowAnonymousSubjects from "./rules/kubernetes/kubernetes-rolebinding-disallow-anonymous-subjects";
import kubernetesServiceDisallowLoadBalancer from "./rules/kubernetes/kubernetes-service-disallow-load-balancer";
import kubernetesStorageclassConfigureCustomerManagedKey from "./rules/kubernetes/kubernetes-storageclass-configure-customer-managed-key";
import kubernetesWorkloadConfigureResources from "./rules/kubernetes/kubernetes-workload-configure-resources";
import kubernetesWorkloadDisallowDefaultNamespace from "./rules/kubernetes/kubernetes-workload-disallow-default-namespace";
import kubernetesWorkloadDisallowLatestTag from "./rules/kubernetes/kubernetes-workload-disallow-latest-tag";
import kubernetesWorkloadDisallowPrivilegeEscalation from "./rules/kubernetes/kubernetes-workload-disallow-privilege-escalation";
import kubernetesWorkloadDisallowPrivileged from "./rules/kubernetes/kubernetes-workload-disallow-privileged";
import kubernetesWorkloadEnforceReadOnlyRootFilesystem from "./rules/kubernetes/kubernetes-workload-enforce-read-only-root-filesystem";
import kubernetesWorkloadEnforceRunAsNonRoot from "./rules/kubernetes/kubernetes-workload-enforce-run-as-non-root";
import awsLbListenerEnforceHttps from "./rules/lb/aws-lb-listener-enforce-https";
import awsLbLoadbalancerEnableAccessLogs from "./rules/lb/aws-lb-loadbalancer-enable-access-logs";
import awsLbLoadbalancerEnforceInternal from "./rules/lb/aws-lb-loadbalancer-enforce-internal";
import randomRandompasswordConfigureLength from "./rules/random/random-randompassword-configure-length";
import awsRdsClusterConfigureBackupRetention from "./rules/rds/aws-rds-cluster-configure-backup-retention";
import awsRdsClusterConfigureCustomerManagedKey from "./rules/rds/aws-rds-cluster-configure-customer-managed-key";
import awsRdsClusterConfigureFinalSnapshot from "./rules/rds/aws-rds-cluster-configure-final-snapshot";
import awsRdsClusterEnableDeletionProtection from "./rules/rds/aws-rds-cluster-enable-deletion-protection";
import awsRdsClusterEnableStorageEncryption from "./rules/rds/aws-rds-cluster-enable-storage-encryption";
import awsRdsClusterEnforceMultiAz from "./rules/rds/aws-rds-cluster-enforce-multi-az";
import awsRdsClusterparametergroupEnforceTls from "./rules/rds/aws-rds-clusterparametergroup-enforce-tls";
import awsRdsInstanceDisallowPublicAccess from "./rules/rds/aws-rds-instance-disallow-public-access";
import awsRdsInstanceEnableStorageEncryption from "./rules/rds/aws-rds-instance-enable-storage-encryption";
import awsRoute53HealthcheckEnforceHttps from "./rules/route53/aws-route53-healthcheck-enforce-https";
import awsRoute53RecordMissingFailoverHealthCheck from "./rules/route53/aws-route53-record-missing-failover-health-check";
import awsS3BucketEnableVersioningForReplication from "./rules/s3/aws-s3-bucket-enable-versioning-for-replication";
import awsS3BucketMissingPublicAccessBlock from "./rules/s3/aws-s3-bucket-missing-public-access-block";
import awsS3BucketMissingSseKms from "./rules/s3/aws-s3-bucket-missing-sse-kms";
import awsS3BucketpolicyEnforceSecureAccess from "./rules/s3/aws-s3-bucketpolicy-enforce-secure-access";
import awsSecretsmanagerSecretConfigureCustomerManagedKey from "./rules/secretsmanager/aws-secretsmanager-secret-configure-customer-managed-key";
import awsSnsTopicEnableKmsEncryption from "./rules/sns/aws-sns-topic-enable-kms-encryption";
import awsSnsTopicpolicyEnforceSecureAccess from "./rules/sns/aws-sns-topicpolicy-enforce-secure-access";
import awsSqsQueueEnableKmsEncryption from "./rules/sqs/aws-sqs-queue-enable-kms-encryption";
import awsSqsQueueMissingRedrivePolicy from "./rules/sqs/aws-sqs-queue-missing-redrive-policy";
import awsSqsQueuepolicyEnforceSecureAccess from "./rules/sqs/aws-sqs-queuepolicy-enforce-secure-access";
import awsStatefulResourceEnablePulumiProtect from "./rules/stateful/aws-stateful-resource-enable-pulumi-protect";
import awsVpcSecuritygroupingressruleDisallowPublicIngress from "./rules/vpc/aws-vpc-securitygroupingressrule-disallow-public-ingress";
import awsVpcSubnetDisallowInternetRouteOnDataTier from "./rules/vpc/aws-vpc-subnet-disallow-internet-route-on-data-tier";
import awsVpcSubnetEnforcePrivatePlacement from "./rules/vpc/aws-vpc-subnet-enforce-private-placement";
import awsVpcVpcMissingFlowLog from "./rules/vpc/aws-vpc-vpc-missing-flow-log";
import awsWafv2WebaclMissingLogging from "./rules/wafv2/aws-wafv2-webacl-missing-logging";

import awsApigatewayRouteConfigureAuthorizer from "./rules/apigateway/aws-apigateway-route-configure-authorizer";
import awsCodebuildProjectEnableEncryptedLogs from "./rules/codebuild/aws-codebuild-project-enable-encrypted-logs";
import awsCodebuildProjectEnforcePrivateVpc from "./rules/codebuild/aws-codebuild-project-enforce-private-vpc";
import awsElasticacheUsergroupEnforceDisabledDefaultUser from "./rules/elasticache/aws-elasticache-usergroup-enforce-disabled-default-user";
import kubernetesGatewayEnforceHttpsServers from "./rules/kubernetes/kubernetes-gateway-enforce-https-servers";
import kubernetesServiceentryDisallowWildcardHosts from "./rules/kubernetes/kubernetes-serviceentry-disallow-wildcard-hosts";
import kubernetesSecretDisallowLongLivedToken from "./rules/kubernetes/kubernetes-secret-disallow-long-lived-token";
import kubernetesTargetgroupbindingEnforceScopedTargets from "./rules/kubernetes/kubernetes-targetgroupbinding-enforce-scoped-targets";
import awsLbTargetgroupEnforceHttps from "./rules/lb/aws-lb-targetgroup-enforce-https";
import awsMacieClassificationjobEnforceDataBucketScope from "./rules/macie/aws-macie-classificationjob-enforce-data-bucket-scope";
import awsS3BucketEnableAccessLogging from "./rules/s3/aws-s3-bucket-enable-access-logging";
import awsVpcSecuritygroupegressruleDisallowPublicEgress from "./rules/vpc/aws-vpc-securitygroupegressrule-disallow-public-egress";

export const rules: Rule[] = [
  awsApigatewayDomainnameConfigureTls,
  awsApigatewayStageEnableAccessLogs,
  awsBudgetsBudgetConfigureNotifications,
  awsCloudfrontDistributionConfigureMinimumTls,
  awsCloudfrontDistributionEnableLogging,
  awsCloudfrontDistributionEnforceHttpsOrigin,
  awsCloudfrontDistributionEnforceViewerHttps,
  awsCloudfrontDistributionEnforceOriginAccessControl,
  awsCloudfrontDistributionConfigureOriginFailover,
  awsCloudtrailTrailConfigureCustomerManagedKey,
  awsCloudtrailTrailEnableLogFileValidation,
  awsCloudtrailTrailEnableMultiRegion,
  awsCloudwatchLoggroupConfigureRetention,
  awsCloudwatchLoggroupMissingKmsKey,
  awsCloudwatchMetricalarmMissingActions,
  awsConfigRecorderEnableAllSupported,
  awsCognitoUserpoolEnforceAccountProtection,
  awsCognitoUserpoolclientEnforceCodeFlow,
  awsDynamodbTableConfigureCustomerManagedKey,
  awsDynamodbTableEnableDeletionProtection,
  awsDynamodbTableEnablePointInTimeRecovery,
  awsEc2DefaultsecuritygroupDisallowRules,
  awsEc2LaunchtemplateConfigureCustomerManagedKey,
  awsEc2LaunchtemplateConfigureImdsHopLimit,
  awsEc2LaunchtemplateEnableEbsEncryption,
  awsEc2LaunchtemplateEnforceImdsv2,
  awsEc2SecuritygroupDisallowPublicIngress,
  awsEc2SubnetDisallowPublicIp,
  awsEc2VpcendpointEnforcePrivateAccess,
  awsGuarddutyDetectorEnableRuntimeMonitoring,
  awsEcrRepositoryEnforceImmutableScannedEncrypted,
  awsEksAccessentryDisallowBroadPrincipal,
  eksClusterDisallowPublicEndpoint,
  eksClusterEnableControlPlaneLogging,
  eksClusterEnableSecretsEncryption,
  eksComponentConfigureApiAuthentication,
  eksComponentConfigureControlPlaneLogGroup,
  eksComponentEnableControlPlaneLogging,
  eksComponentEnableSecretsEncryption,
  eksComponentEnforcePrivateEndpoint,
  awsElasticacheReplicationgroupEnableAtRestEncryption,
  awsElasticacheReplicationgroupEnableAutomaticFailover,
  awsElasticacheReplicationgroupEnableTransitEncryption,
  awsElasticacheUserDisallowOpenAccess,
  awsFisExperimenttemplateConfigureStopCondition,
  awsIamPolicyDisallowWildcardAdmin,
  awsIamRoleDisallowAdministratorAccess,
  awsIamRoleDisallowWildcardTrust,
  awsKmsKeyDisallowPublicPrincipal,
  awsKmsKeyEnableRotation,
  kubernetesAuthorizationpolicyDisallowAllowAll,
  kubernetesEc2nodeclassConfigureCustomerManagedKey,
  kubernetesEc2nodeclassEnforceImdsHopLimit,
  kubernetesHelmreleaseEnforcePinnedChart,
  kubernetesNamespaceMissingDefaultDeny,
  kubernetesNamespaceMissingPodSecurityLabel,
  kubernetesNodepoolConfigureExpiryAndLimits,
  kubernetesPeerauthenticationEnforceStrictMtls,
  kubernetesPoddisruptionbudgetConfigureAllowedDisruption,
  kubernetesRequestauthenticationEnforceHttpsJwks,
  kubernetesRoleDisallowWildcards,
  kubernetesRolebindingDisallowAnonymousSubjects,
  kubernetesServiceDisallowLoadBalancer,
  kubernetesStorageclassConfigureCustomerManagedKey,
  kubernetesWorkloadConfigureResources,
  kubernetesWorkloadDisallowDefaultNamespace,
  kubernetesWorkloadDisallowLatestTag,
  kubernetesWorkloadDisallowPrivilegeEscalation,
  kubernetesWorkloadDisallowPrivileged,
  kubernetesWorkloadEnforceReadOnlyRootFilesystem,
  kubernetesWorkloadEnforceRunAsNonRoot,
  awsLbListenerEnforceHttps,
  awsLbLoadbalancerEnableAccessLogs,
  awsLbLoadbalancerEnforceInternal,
  randomRandompasswordConfigureLength,
  awsRdsClusterConfigureBackupRetention,
  awsRdsClusterConfigureCustomerManagedKey,
  awsRdsClusterConfigureFinalSnapshot,
  awsRdsClusterEnableDeletionProtection,
  awsRdsClusterEnableStorageEncryption,
  awsRdsClusterEnforceMultiAz,
  awsRdsClusterparametergroupEnforceTls,
  awsRdsInstanceDisallowPublicAccess,
  awsRdsInstanceEnableStorageEncryption,
  awsRoute53HealthcheckEnforceHttps,
  awsRoute53RecordMissingFailoverHealthCheck,
  awsS3BucketEnableVersioningForReplication,
  awsS3BucketMissingPublicAccessBlock,
  awsS3BucketMissingSseKms,
  awsS3BucketpolicyEnforceSecureAccess,
  awsSecretsmanagerSecretConfigureCustomerManagedKey,
  awsSecurityhubAccountEnableStandards,
  awsSnsTopicEnableKmsEncryption,
  awsSnsTopicpolicyEnforceSecureAccess,
  awsSqsQueueEnableKmsEncryption,
  awsSqsQueueMissingRedrivePolicy,
  awsSqsQueuepolicyEnforceSecureAccess,
  awsStatefulResourceEnablePulumiProtect,
  awsVpcSecuritygroupingressruleDisallowPublicIngress,
  awsVpcSubnetDisallowInternetRouteOnDataTier,
  awsVpcSubnetEnforcePrivatePlacement,
  awsVpcVpcMissingFlowLog,
  awsWafv2WebaclMissingLogging,
  awsApigatewayRouteConfigureAuthorizer,
  awsCodebuildProjectEnableEncryptedLogs,
  awsCodebuildProjectEnforcePrivateVpc,
  awsElasticacheUsergroupEnforceDisabledDefaultUser,
  kubernetesGatewayEnforceHttpsServers,
  kubernetesServiceentryDisallowWildcardHosts,
  kubernetesSecretDisallowLongLivedToken,
  kubernetesTargetgroupbindingEnforceScopedTargets,
  awsLbTargetgroupEnforceHttps,
  awsMacieClassificationjobEnforceDataBucketScope,
  awsS3BucketEnableAccessLogging,
  awsVpcSecuritygroupegressruleDisallowPublicEgress,
];
