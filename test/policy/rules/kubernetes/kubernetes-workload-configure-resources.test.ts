import { describeResourceRule, violates } from "../../ruleSuite";
import { container, withInit } from "../../fixtures/kubernetes";

const RULE = "kubernetes-workload-configure-resources";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      "no memory limit",
      (p) => delete container(p).resources.limits.memory,
      /container app has no memory limit/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "no CPU request",
      (p) => delete container(p).resources.requests.cpu,
      /container app has no cpu request/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "no resources at all",
      (p) => delete container(p).resources,
      /container app has no cpu request\n.*memory request\n.*cpu limit\n.*memory limit/,
    ),
    violates(
      "kubernetes:batch/v1:Job",
      "an init container without resources",
      withInit({ resources: undefined }),
      /container migrate has no cpu request/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
  },
});
