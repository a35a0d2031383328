import type { PolicyResource } from "@pulumi/policy";
import { asArray } from "../../lib/props";
import { stackRule } from "../../lib/rule";
import { StackView, T } from "../../lib/stackView";

const DB_SUBNETS = "aws:rds/subnetGroup:SubnetGroup";
const CACHE_SUBNETS = "aws:elasticache/subnetGroup:SubnetGroup";

/** Where each placed resource names its subnets: directly, or through a subnet group. */
const PLACED: {
  type: string;
  subnets: (stack: StackView, r: PolicyResource) => PolicyResource[];
}[] = [
  {
    type: "aws:rds/cluster:Cluster",
    subnets: (s, r) =>
      s
        .referenced(r, "dbSubnetGroupName", [DB_SUBNETS])
        .flatMap((g) => s.referenced(g, "subnetIds", [T.subnet])),
  },
  {
    type: "aws:rds/instance:Instance",
    subnets: (s, r) =>
      s
        .referenced(r, "dbSubnetGroupName", [DB_SUBNETS])
        .flatMap((g) => s.referenced(g, "subnetIds", [T.subnet])),
  },
  {
    type: "aws:elasticache/replicationGroup:ReplicationGroup",
    subnets: (s, r) =>
      s
        .referenced(r, "subnetGroupName", [CACHE_SUBNETS])
        .flatMap((g) => s.referenced(g, "subnetIds", [T.subnet])),
  },
  {
    type: "aws:eks/nodeGroup:NodeGroup",
    subnets: (s, r) => s.referenced(r, "subnetIds", [T.subnet]),
  },
  {
    type: "eks:index:ManagedNodeGroup",
    subnets: (s, r) => s.referenced(r, "subnetIds", [T.subnet]),
  },
  {
    // Karpenter selects subnets by tag: every subnet those tags match must be private.
    type: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
    subnets: (s, r) =>
      asArray<{ tags?: Record<string, string>; id?: string }>(
        r.props?.spec?.subnetSelectorTerms,
      ).flatMap((term) =>
        s
          .ofType(T.subnet)
          .filter((subnet) =>
            term.id
              ? subnet.props?.id === term.id
              : Object.entries(term.tags ?? {}).every(([k, v]) =>
                  v === "*" ? k in (subnet.props?.tags ?? {}) : subnet.props?.tags?.[k] === v,
                ),
          ),
      ),
  },
];

export default stackRule(
  {
    name: "aws-vpc-subnet-enforce-private-placement",
    description:
      "Databases, caches, EKS node groups and Karpenter node classes use only subnets without a route to an internet gateway.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.4.4", "CIS EKS 1.5 §5.4.3"],
    topic: "network-exposure",
    types: PLACED.map((p) => p.type),
    remediation:
      "Place the resource in the private (nodes) or data (stores) subnets; never in subnets routed to the internet gateway.",
  },
  (stack) =>
    PLACED.flatMap(({ type, subnets }) =>
      stack.ofType(type).flatMap((resource) => {
        const found = subnets(stack, resource);
        if (found.length === 0)
          return [
            {
              resource,
              message: "its subnets cannot be resolved: pass subnet ids from the network outputs",
            },
          ];
        return found
          .filter((s) => stack.routesToInternet(s))
          .map((s) => ({
            resource,
            message: `uses subnet ${s.name}, which routes to an internet gateway`,
          }));
      }),
    ),
);
