import { describeResourceRule, violates } from "../../ruleSuite";
import { container, withInit } from "../../fixtures/kubernetes";

const RULE = "kubernetes-workload-disallow-privilege-escalation";

describeResourceRule(RULE, {
  violations: [
    violates(
      "kubernetes:apps/v1:Deployment",
      "escalation allowed",
      (p) => delete container(p).securityContext.allowPrivilegeEscalation,
      /container app may escalate privileges/,
    ),
    violates(
      "kubernetes:apps/v1:StatefulSet",
      "capabilities kept",
      (p) => (container(p).securityContext.capabilities = { drop: ["NET_RAW"] }),
      /does not drop ALL capabilities/,
    ),
    violates(
      "kubernetes:apps/v1:Deployment",
      "no security context",
      (p) => delete container(p).securityContext,
      /container app may escalate privileges\n.*container app does not drop ALL capabilities/,
    ),
    violates(
      "kubernetes:apps/v1:DaemonSet",
      "an init container that may escalate",
      withInit({ securityContext: { capabilities: { drop: ["ALL"] } } }),
      /container migrate may escalate privileges/,
    ),
  ],
  sameAs: {
    "kubernetes:apps/v1:DaemonSet": "kubernetes:apps/v1:Deployment",
    "kubernetes:batch/v1:Job": "kubernetes:apps/v1:Deployment",
  },
});
