import { describeResourceRule, violates } from "../../ruleSuite";
import { container, withInit } from "../../fixtures/kubernetes";

const RULE = "kubernetes-workload-disallow-privileged";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      "privileged container",
      (p) => (container(p).securityContext.privileged = true),
      /container app is privileged/,
    ),
    violates(
      "kubernetes:apps/v1:DaemonSet",
      "host network",
      (p) => (p.spec.template.spec.hostNetwork = true),
      /pod uses hostNetwork/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "host PID namespace",
      (p) => (p.spec.template.spec.hostPID = true),
      /pod uses hostPID/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      'host IPC namespace, given as the string "true"',
      (p) => (p.spec.template.spec.hostIPC = "true"),
      /pod uses hostIPC/,
    ),
    violates(
      "kubernetes:batch/v1:Job",
      "a privileged init container",
      withInit({ securityContext: { privileged: true } }),
      /container migrate is privileged/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
  },
});
