import { describeResourceRule, violates } from "../../ruleSuite";

const RULE = "kubernetes-workload-disallow-default-namespace";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      "default namespace",
      (p) => (p.metadata.namespace = "default"),
      /in the default namespace/,
    ),
    violates(
      "kubernetes:core/v1:Service",
      "no namespace",
      (p) => delete p.metadata.namespace,
      /in the default namespace/,
    ),
    violates(
      "kubernetes:core/v1:ServiceAccount",
      "a service account in the default namespace",
      (p) => (p.metadata.namespace = "default"),
      /in the default namespace/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
    "kubernetes:core/v1:ServiceAccount": "kubernetes:core/v1:Service",
  },
});
