/** Shared readers for Kubernetes workload objects (Deployment, StatefulSet, DaemonSet, Job). */
import { Props } from "./rule";

export const WORKLOADS = [
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:DaemonSet",
  // Same pod template path (spec.template.spec): the database bootstrap and migration Jobs.
  "kubernetes:batch/v1:Job",
];

export interface Container {
  name?: string;
  image?: string;
  securityContext?: Props;
  resources?: { requests?: Props; limits?: Props };
}

export function podSpec(props: Props): Props {
  return props.spec?.template?.spec ?? {};
}

/** All containers, init containers included: they run with the same privileges. */
export function containers(props: Props): Container[] {
  const spec = podSpec(props);
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

/** A container setting, falling back to the pod-level security context where Kubernetes does. */
export function effective(props: Props, c: Container, key: "runAsNonRoot"): unknown {
  return c.securityContext?.[key] ?? podSpec(props).securityContext?.[key];
}
