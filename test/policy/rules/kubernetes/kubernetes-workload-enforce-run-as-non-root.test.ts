import { describeResourceRule, passes, violates } from "../../ruleSuite";
import { container, withInit } from "../../fixtures/kubernetes";

const RULE = "kubernetes-workload-enforce-run-as-non-root";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:apps/v1:Deployment",
      "non-root set on the pod only",
      (p) => delete container(p).securityContext.runAsNonRoot,
    ),
    passes(
      "kubernetes:apps/v1:Deployment",
      "non-root set on the container only",
      (p) => delete p.spec.template.spec.securityContext,
    ),
  ],
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      "root allowed",
      (p) => {
        delete container(p).securityContext.runAsNonRoot;
        delete p.spec.template.spec.securityContext;
      },
      /container app may run as root/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "a container that overrides the pod's non-root",
      (p) => (container(p).securityContext.runAsNonRoot = false),
      /container app may run as root/,
    ),
    violates(
      "kubernetes:apps/v1:DaemonSet",
      "an init container that may run as root",
      (p) => {
        delete p.spec.template.spec.securityContext;
        withInit({ securityContext: {} })(p);
      },
      /container migrate may run as root/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
  },
});
