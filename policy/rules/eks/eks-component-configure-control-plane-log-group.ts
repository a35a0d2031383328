import { isSet } from "../../lib/known";
import { PolicyResource } from "@pulumi/policy";
import { stackRule } from "../../lib/rule";

const CLUSTERS = ["eks:index:Cluster", "aws:eks/cluster:Cluster"];
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

/**
 * EKS writes control-plane logs to `/aws/eks/<name>/cluster`, creating the group itself (no
 * retention, no key, outside the stack) when it does not exist as logging is turned on.
 */
export default stackRule(
  {
    name: "eks-component-configure-control-plane-log-group",
    description:
      "Clusters with control-plane logging depend on a declared /aws/eks/<name>/cluster log group with retention and a customer managed key.",
    severity: "medium",
    enforcementLevel: "mandatory",
    frameworks: ["CIS AWS Foundations 3.0 §3.1", "PCI-DSS 4.0 §10.5.1"],
    topic: "logging",
    types: [...CLUSTERS, LOG_GROUP],
    remediation:
      "Declare aws.cloudwatch.LogGroup /aws/eks/<name>/cluster with retentionInDays and kmsKeyId, and make the cluster dependOn it.",
  },
  (stack) =>
    stack
      .ofType(...CLUSTERS)
      .filter((c) => (c.props?.enabledClusterLogTypes ?? []).length > 0)
      .flatMap((cluster) => {
        const name = cluster.props?.name;
        const expected = `/aws/eks/${name}/cluster`;
        const group = stack.ofType(LOG_GROUP).find((g) => g.props?.name === expected);
        const problem = (message: string) => [{ resource: cluster, message }];
        if (!name) return problem("no explicit cluster name: its log group cannot be declared");
        if (!group)
          return problem(`no log group ${expected}: EKS creates one without retention or key`);
        const missing = [
          group.props?.retentionInDays ? undefined : "retentionInDays",
          isSet(group.props, "kmsKeyId") ? undefined : "kmsKeyId",
        ].filter(Boolean);
        if (missing.length > 0)
          return problem(`log group ${expected} has no ${missing.join(" or ")}`);
        const dependsOn = (r: PolicyResource) => r.dependencies.some((d) => d.urn === group.urn);
        return dependsOn(cluster)
          ? []
          : problem(`the cluster does not depend on ${expected}: EKS may create it first`);
      }),
);
