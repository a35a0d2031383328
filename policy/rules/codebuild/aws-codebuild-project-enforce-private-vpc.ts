import type { PolicyResource } from "@pulumi/policy";
import { isComputed, isSet, peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { stackRule } from "../../lib/rule";
import { StackView, T } from "../../lib/stackView";

export const PROJECT = "aws:codebuild/project:Project";

/** The project's subnets: by property dependency on vpcConfig, else by subnet id. */
function subnetsOf(stack: StackView, project: PolicyResource): PolicyResource[] {
  const deps = new Set(project.propertyDependencies?.vpcConfig?.map((d) => d.urn) ?? []);
  const byDep = stack.ofType(T.subnet).filter((s) => deps.has(s.urn));
  if (byDep.length > 0) return byDep;
  const ids = asArray(peek(project.props?.vpcConfig, "subnets")).filter((v) => !isComputed(v));
  return stack.ofType(T.subnet).filter((s) => ids.includes(peek(s.props, "id")));
}

export default stackRule(
  {
    name: "aws-codebuild-project-enforce-private-vpc",
    description:
      "CodeBuild projects (the deploy runners, which hold deploy credentials) run in VPC mode, with security groups, in subnets without a route to an internet gateway.",
    severity: "high",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §1.3.1", "PCI-DSS 4.0 §1.3.2"],
    topic: "network-exposure",
    types: [PROJECT],
    remediation:
      "Set vpcConfig { vpcId, subnets, securityGroupIds } with the network's private (NAT-routed) subnets.",
  },
  (stack) =>
    stack.ofType(PROJECT).flatMap((project) => {
      const vpc = peek(project.props, "vpcConfig");
      // A whole vpcConfig computed by other resources is set: its dependencies name the subnets.
      const missing = ["vpcId", "subnets", "securityGroupIds"].filter(
        (k) =>
          !isComputed(vpc) &&
          (!isSet(vpc, k) || (Array.isArray(peek(vpc, k)) && asArray(peek(vpc, k)).length === 0)),
      );
      if (!vpc || missing.length > 0)
        return [
          {
            resource: project,
            message: `does not run in a VPC (vpcConfig ${missing.join(", ") || "missing"})`,
          },
        ];
      const subnets = subnetsOf(stack, project);
      if (subnets.length === 0)
        return [{ resource: project, message: "its subnets cannot be resolved" }];
      return subnets
        .filter((s) => stack.routesToInternet(s))
        .map((s) => ({
          resource: project,
          message: `uses subnet ${s.name}, which routes to an internet gateway`,
        }));
    }),
);
