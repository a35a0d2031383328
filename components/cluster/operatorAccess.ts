import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { formatCidr, tryParseCidr } from "../network/cidr";

/** Who reaches the private API endpoint: an IPv4 CIDR (VPN pool) or a security group (bastion). */
export type OperatorSource = { cidr: string } | { securityGroupId: string };

/** The widest operator CIDR accepted: /8. `0.0.0.0/0` and anything near it are refused. */
export const MIN_OPERATOR_PREFIX = 8;

/** `sg-` and 8 or 17 hex digits: the two forms EC2 issues security-group ids in. */
const SECURITY_GROUP_ID = /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * Classifies one `ecommerce:cluster.operatorAccess` entry; `undefined` for anything that is neither
 * a canonical IPv4 CIDR no wider than /8 nor a security-group id.
 */
export function parseOperatorSource(text: string): OperatorSource | undefined {
  if (SECURITY_GROUP_ID.test(text)) return { securityGroupId: text };
  const cidr = tryParseCidr(text);
  if (cidr === undefined || cidr.prefix < MIN_OPERATOR_PREFIX) return undefined;
  return { cidr: formatCidr(cidr) };
}

export interface ApiIngressArgs {
  /** The EKS cluster security group (the control plane's ENIs carry it). */
  securityGroupId: pulumi.Input<string>;
  /** The operator paths (a CIDR no wider than /8, or a security group) admitted on TCP 443. */
  sources: OperatorSource[];
}

/**
 * One `SecurityGroupIngressRule` per source, TCP 443 only: the Kubernetes API behind the private
 * endpoint. Standalone rules (not inline `ingress`) leave the rules EKS manages on its own
 * security group untouched.
 */
export function operatorIngressRules(
  name: string,
  args: ApiIngressArgs,
  opts: pulumi.CustomResourceOptions,
): aws.vpc.SecurityGroupIngressRule[] {
  return args.sources.map(
    (source, i) =>
      new aws.vpc.SecurityGroupIngressRule(
        `${name}-${i}`,
        {
          securityGroupId: args.securityGroupId,
          description: "Kubernetes API from an operator path (VPN or bastion)",
          ipProtocol: "tcp",
          fromPort: 443,
          toPort: 443,
          ...("cidr" in source
            ? { cidrIpv4: source.cidr }
            : { referencedSecurityGroupId: source.securityGroupId }),
        },
        opts,
      ),
  );
}

export interface ResolverEndpointArgs {
  /** The VPC the endpoint and its security group live in. */
  vpcId: pulumi.Input<string>;
  /** Private subnets; the endpoint takes an address in the first two (two AZs). */
  subnetIds: pulumi.Input<string[]>;
  /** The same operator paths as the API rules: they may query DNS on 53 (TCP and UDP). */
  sources: OperatorSource[];
  /** Prefix of the endpoint's and security group's names and `Name` tags. */
  namePrefix: string;
}

/**
 * A Route 53 Resolver inbound endpoint: the private endpoint's DNS name resolves only inside the
 * VPC, so a VPN client forwards the cluster's zone here. Two addresses in two AZs (the minimum
 * AWS accepts), behind a group that admits only the operator paths on port 53.
 */
export function resolverInboundEndpoint(
  name: string,
  args: ResolverEndpointArgs,
  opts: pulumi.CustomResourceOptions,
): aws.route53.ResolverEndpoint {
  const sg = new aws.ec2.SecurityGroup(
    name,
    {
      vpcId: args.vpcId,
      description: "Route 53 Resolver inbound endpoint: DNS from operator paths only",
      tags: { Name: `${args.namePrefix}-resolver-inbound` },
    },
    opts,
  );
  args.sources.forEach((source, i) =>
    ["tcp", "udp"].forEach(
      (protocol) =>
        new aws.vpc.SecurityGroupIngressRule(
          `${name}-${protocol}-${i}`,
          {
            securityGroupId: sg.id,
            description: "DNS from an operator path (VPN or bastion)",
            ipProtocol: protocol,
            fromPort: 53,
            toPort: 53,
            ...("cidr" in source
              ? { cidrIpv4: source.cidr }
              : { referencedSecurityGroupId: source.securityGroupId }),
          },
          opts,
        ),
    ),
  );
  return new aws.route53.ResolverEndpoint(
    name,
    {
      name: `${args.namePrefix}-inbound`,
      direction: "INBOUND",
      securityGroupIds: [sg.id],
      ipAddresses: pulumi
        .output(args.subnetIds)
        .apply((ids) => ids.slice(0, 2).map((subnetId) => ({ subnetId }))),
      tags: { Name: `${args.namePrefix}-resolver-inbound` },
    },
    opts,
  );
}
