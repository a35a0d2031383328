import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { ServiceSpec } from "./catalog";
import { CONTAINER_SECURITY, POD_SECURITY } from "./workload";

/**
 * A service's schema-migration Job (`ecommerce:services.<name>.migration`): its image and
 * command, run as the service's own ServiceAccount (so its Pod Identity role and database login)
 * with the service's environment. Named after a digest of image and command: a new migration
 * runs a new Job, an unchanged one never reruns. The stack orders it after the Aurora bootstrap
 * and before the service's Deployments.
 */
export function migrationJob(
  spec: ServiceSpec,
  migration: { image: string; command: string[] },
  namespace: string,
  env: pulumi.Input<{ name: string; value: string }[]>,
): k8s.batch.v1.JobArgs {
  const digest = createHash("sha256").update(JSON.stringify(migration)).digest("hex").slice(0, 10);
  // Not `app: <name>`: the Service, PDB and policies of the service must not select it.
  const labels = { app: `${spec.name}-migration` };
  return {
    metadata: {
      name: `${spec.name}-migrate-${digest}`,
      namespace,
      labels,
      annotations: { "pulumi.com/replaceUnready": "true" },
    },
    spec: {
      backoffLimit: 2,
      activeDeadlineSeconds: 900,
      template: {
        metadata: {
          labels,
          // A sidecar never exits, so the Job would never complete; the database is outside the
          // mesh anyway (TLS and IAM auth end to end).
          annotations: { "sidecar.istio.io/inject": "false" },
        },
        spec: {
          serviceAccountName: spec.name,
          restartPolicy: "Never",
          securityContext: POD_SECURITY,
          containers: [
            {
              name: "migrate",
              image: migration.image,
              command: migration.command,
              env,
              resources: spec.contract.resources,
              securityContext: CONTAINER_SECURITY,
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: {} }],
        },
      },
    },
  };
}
