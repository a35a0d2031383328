import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "eks-cluster-enable-control-plane-logging";

describeResourceRule(RULE, {
  violations: [
    violates(
      "aws:eks/cluster:Cluster",
      "audit log off",
      (p) => (p.enabledClusterLogTypes = ["api", "authenticator"]),
      /missing: audit, controllerManager, scheduler/,
    ),
    violates(
      "aws:eks/cluster:Cluster",
      "no log types",
      (p) => delete p.enabledClusterLogTypes,
      /control-plane log types missing: api, audit, authenticator, controllerManager, scheduler/,
    ),
  ],
});
