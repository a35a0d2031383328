/**
 * The AWS Load Balancer Controller's least-privilege policy, as data (see iamPolicies.ts for the
 * other controllers and what each grants beyond upstream).
 */
import { PolicyDocument, policyDocument } from "../shared/iamDocuments";
import { ControllerScope } from "./iamPolicies";

/**
 * The AWS Load Balancer Controller, after upstream v2.13.3's `docs/install/iam_policy.json` (the
 * app version of the pinned chart 1.13.3; kept as `upstream/aws-load-balancer-controller-v2.13.3.json`
 * and compared by a test): every action upstream grants, with mutating actions narrowed to this
 * region and account and to what this cluster's controller tagged.
 */
export function loadBalancerControllerPolicy(s: ControllerScope): PolicyDocument {
  const elb = `arn:aws:elasticloadbalancing:${s.region}:${s.accountId}`;
  const elbResources = ["loadbalancer", "targetgroup", "listener", "listener-rule"].map(
    (kind) => `${elb}:${kind}/*`,
  );
  const securityGroups = `arn:aws:ec2:${s.region}:${s.accountId}:security-group/*`;
  const created = { "aws:ResourceTag/elbv2.k8s.aws/cluster": s.clusterName };
  return policyDocument([
    {
      Sid: "ServiceLinkedRole",
      Effect: "Allow",
      Action: "iam:CreateServiceLinkedRole",
      Resource: "*",
      Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    },
    {
      Sid: "ReadOnly",
      Effect: "Allow",
      Action: [
        "ec2:DescribeAccountAttributes",
        "ec2:DescribeAddresses",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInternetGateways",
        "ec2:DescribeVpcs",
        "ec2:DescribeVpcPeeringConnections",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeInstances",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeTags",
        "ec2:GetCoipPoolUsage",
        "ec2:DescribeCoipPools",
        "ec2:GetSecurityGroupsForVpc",
        "ec2:DescribeIpamPools",
        "ec2:DescribeRouteTables",
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeListenerCertificates",
        "elasticloadbalancing:DescribeSSLPolicies",
        "elasticloadbalancing:DescribeRules",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetGroupAttributes",
        "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeTrustStores",
        "elasticloadbalancing:DescribeListenerAttributes",
        "elasticloadbalancing:DescribeCapacityReservation",
        "acm:ListCertificates",
        "acm:DescribeCertificate",
        "iam:ListServerCertificates",
        "iam:GetServerCertificate",
        "cognito-idp:DescribeUserPoolClient",
        "waf-regional:GetWebACL",
        "waf-regional:GetWebACLForResource",
        "wafv2:GetWebACL",
        "wafv2:GetWebACLForResource",
        "shield:GetSubscriptionState",
        "shield:DescribeProtection",
      ],
      Resource: "*",
    },
    // Ingress annotations attach WAF web ACLs and Shield protection; SetWebAcl accepts only "*"
    // (no resource type in the service authorization reference), as upstream grants it.
    {
      Sid: "WebAclsAndShield",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:SetWebAcl",
        "waf-regional:AssociateWebACL",
        "waf-regional:DisassociateWebACL",
        "wafv2:AssociateWebACL",
        "wafv2:DisassociateWebACL",
        "shield:CreateProtection",
        "shield:DeleteProtection",
      ],
      Resource: "*",
    },
    // Ingress from load balancers onto the cluster's node/pod groups only: never the data stores'.
    {
      Sid: "ClusterSecurityGroupRules",
      Effect: "Allow",
      Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
      Resource: securityGroups,
      Condition: { Null: { [`aws:ResourceTag/kubernetes.io/cluster/${s.clusterName}`]: "false" } },
    },
    {
      Sid: "OwnSecurityGroupRules",
      Effect: "Allow",
      Action: ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"],
      Resource: securityGroups,
      Condition: { StringEquals: created },
    },
    {
      Sid: "CreateSecurityGroups",
      Effect: "Allow",
      Action: ["ec2:CreateSecurityGroup", "ec2:CreateTags"],
      Resource: `arn:aws:ec2:${s.region}:${s.accountId}:security-group/*`,
      Condition: { StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": s.clusterName } },
    },
    // CreateSecurityGroup is authorized on the VPC too, where the request tag (which describes the
    // group being created) cannot be matched; upstream grants the action on "*".
    {
      Sid: "CreateSecurityGroupsInVpcs",
      Effect: "Allow",
      Action: "ec2:CreateSecurityGroup",
      Resource: `arn:aws:ec2:${s.region}:${s.accountId}:vpc/*`,
    },
    {
      Sid: "ManageOwnSecurityGroups",
      Effect: "Allow",
      Action: ["ec2:DeleteSecurityGroup", "ec2:CreateTags", "ec2:DeleteTags"],
      Resource: securityGroups,
      Condition: { StringEquals: created },
    },
    {
      Sid: "CreateLoadBalancers",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateLoadBalancer",
        "elasticloadbalancing:CreateTargetGroup",
        "elasticloadbalancing:AddTags",
      ],
      Resource: elbResources,
      Condition: { StringEquals: { "aws:RequestTag/elbv2.k8s.aws/cluster": s.clusterName } },
    },
    {
      Sid: "ManageOwnLoadBalancers",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:SetIpAddressType",
        "elasticloadbalancing:SetSecurityGroups",
        "elasticloadbalancing:SetSubnets",
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:ModifyTargetGroup",
        "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:ModifyCapacityReservation",
        "elasticloadbalancing:ModifyIpPools",
        "elasticloadbalancing:AddTags",
        "elasticloadbalancing:RemoveTags",
      ],
      Resource: [`${elb}:loadbalancer/*`, `${elb}:targetgroup/*`],
      Condition: { StringEquals: created },
    },
    {
      Sid: "ListenersAndTargets",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:CreateRule",
        "elasticloadbalancing:DeleteRule",
        "elasticloadbalancing:ModifyListener",
        "elasticloadbalancing:ModifyListenerAttributes",
        "elasticloadbalancing:ModifyRule",
        "elasticloadbalancing:SetRulePriorities",
        "elasticloadbalancing:AddListenerCertificates",
        "elasticloadbalancing:RemoveListenerCertificates",
        "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:DeregisterTargets",
      ],
      Resource: elbResources,
    },
  ]);
}
