/** Shared readers for Kubernetes workload objects (Deployment, StatefulSet, DaemonSet). */
import { Props } from "./rule";

export const WORKLOADS = [
  "kubernetes:apps/v1:Deployment",
  "kubernetes:apps/v1:StatefulSet",
  "kubernetes:apps/v1:DaemonSet",
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
