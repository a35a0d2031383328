import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";

/** An upstream chart, pinned: a repository URL, or an `oci://` reference as `chart` alone. */
export interface ChartPin {
  chart: string;
  version: string;
  repo?: string;
  /** The application version the chart deploys, where a check compares upstream files with it. */
  appVersion?: string;
}

/** Where cluster add-ons run: the system node group, which carries the CriticalAddonsOnly taint. */
export const SYSTEM_LABEL = { "node-role": "system" };
export const CRITICAL_ADDONS_TOLERATION = { key: "CriticalAddonsOnly", operator: "Exists" };
export const SYSTEM_PLACEMENT = {
  nodeSelector: SYSTEM_LABEL,
  tolerations: [CRITICAL_ADDONS_TOLERATION],
};

/**
 * A Helm release of a pinned upstream chart. `atomic`: a release that does not become ready is
 * rolled back, so a failed `pulumi up` leaves the previous version running.
 */
export function pinnedRelease(
  resourceName: string,
  release: { name: string; namespace: string; values: pulumi.Input<pulumi.Inputs> },
  pin: ChartPin,
  opts: pulumi.CustomResourceOptions,
): k8s.helm.v3.Release {
  return new k8s.helm.v3.Release(
    resourceName,
    {
      name: release.name,
      chart: pin.chart,
      version: pin.version,
      ...(pin.repo ? { repositoryOpts: { repo: pin.repo } } : {}),
      namespace: release.namespace,
      atomic: true,
      values: release.values,
    },
    opts,
  );
}
