import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "eks-component-enable-control-plane-logging";

describeResourceRule(RULE, {
  violations: [
    violates(
      "eks:index:Cluster",
      "no logs",
      (p) => delete p.enabledClusterLogTypes,
      /missing: api, audit, authenticator, controllerManager, scheduler/,
    ),
    violates(
      "eks:index:Cluster",
      "the audit log off",
      (p) =>
        (p.enabledClusterLogTypes = ["api", "authenticator", "controllerManager", "scheduler"]),
      /control-plane log types missing: audit$/,
    ),
  ],
});
