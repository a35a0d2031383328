import { describeResourceRule, violates } from "../../ruleSuite";
import { container, withInit } from "../../fixtures/kubernetes";

const RULE = "kubernetes-workload-enforce-read-only-root-filesystem";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      "writable root",
      (p) => (container(p).securityContext.readOnlyRootFilesystem = false),
      /writable root filesystem/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "read-only root left out",
      (p) => delete container(p).securityContext.readOnlyRootFilesystem,
      /container app has a writable root filesystem/,
    ),
    violates(
      "kubernetes:apps/v1:StatefulSet",
      "an init container with a writable root",
      withInit({ securityContext: {} }),
      /container migrate has a writable root filesystem/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
  },
});
