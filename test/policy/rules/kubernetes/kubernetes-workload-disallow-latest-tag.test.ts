import { describeResourceRule, passes, violates } from "../../ruleSuite";
import { container, withInit } from "../../fixtures/kubernetes";

const RULE = "kubernetes-workload-disallow-latest-tag";

describeResourceRule(RULE, {
  passes: [
    passes(
      "kubernetes:apps/v1:Deployment",
      "an image pinned by digest",
      (p) => (container(p).image = "ghcr.io/stefanprodan/podinfo@sha256:0123"),
    ),
    passes(
      "kubernetes:apps/v1:Deployment",
      "a tagged image behind a registry port",
      (p) => (container(p).image = "registry:5000/podinfo:6.7.1"),
    ),
  ],
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      ":latest",
      (p) => (container(p).image = "ghcr.io/stefanprodan/podinfo:latest"),
      /is not pinned/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "untagged behind a registry port",
      (p) => (container(p).image = "registry:5000/podinfo"),
      /image registry:5000\/podinfo is not pinned/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "no tag",
      (p) => (container(p).image = "ghcr.io/stefanprodan/podinfo"),
      /image ghcr.io\/stefanprodan\/podinfo is not pinned/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "an empty tag",
      (p) => (container(p).image = "podinfo:"),
      /image podinfo: is not pinned/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "no image",
      (p) => delete container(p).image,
      /container app image undefined is not pinned/,
    ),
    violates(
      "kubernetes:apps/v1:StatefulSet",
      "an init container on :latest",
      withInit({ image: "busybox:latest" }),
      /container migrate image busybox:latest is not pinned/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:StatefulSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
  },
});
