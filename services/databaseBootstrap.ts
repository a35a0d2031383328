import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { podIdentityRole } from "../components/cluster/podIdentity";
import { policyDocument } from "../components/shared/iamDocuments";
import { MAINTENANCE_DATABASE, bootstrapSql } from "./databaseSql";
import { CONTAINER_SECURITY, POD_SECURITY } from "./workload";

/**
 * Pinned client images. The AWS CLI fetches the master secret with the Job's Pod Identity
 * credentials; psql (PostgreSQL 16, the cluster's major version) runs the script.
 */
export const BOOTSTRAP_IMAGES = {
  awsCli: "public.ecr.aws/aws-cli/aws-cli:2.22.0",
  psql: "public.ecr.aws/docker/library/postgres:16.4-alpine",
};
export const BOOTSTRAP_NAMESPACE = "db-bootstrap";
/** AWS's CA bundle for RDS, so psql verifies the writer's certificate (sslmode=verify-full). */
export const RDS_CA_BUNDLE = "https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem";

export interface DatabaseBootstrapArgs {
  /** The primary's EKS cluster, where the Job runs (the writer is reachable only from the VPC). */
  provider: k8s.Provider;
  /** For the Job's Pod Identity association. */
  clusterName: string;
  /** Account of the Job's role (Pod Identity trust) and of the secret's ARN. */
  accountId: pulumi.Input<string>;
  /** The stack's region (the secret's key is used only through Secrets Manager there). */
  region: string;
  /** The Aurora-bound services: each gets its own database and IAM login role. */
  services: string[];
  /** The writer (cluster) endpoint of the primary's Aurora cluster. */
  auroraEndpoint: pulumi.Input<string>;
  /** The master user, and the secret (JSON with `password`) and key that hold its password. */
  masterUser: string;
  /** The secret (JSON with `password`) holding the master user's password. */
  masterSecretArn: pulumi.Input<string>;
  /** The secrets key: the Job may decrypt with it only through Secrets Manager. */
  secretsKeyArn: pulumi.Input<string>;
  /** The VPC's CIDR: the only place the Job may reach PostgreSQL. */
  vpcCidr: string;
  /** What must exist first: the cluster's nodes, the Aurora writer and the secret's value. */
  dependsOn: pulumi.Resource[];
}

/** A short, stable digest of everything that should make the Job run again. */
export function bootstrapDigest(sql: string, images: Record<string, string>): string {
  return createHash("sha256").update(JSON.stringify({ sql, images })).digest("hex").slice(0, 10);
}

/**
 * Creates each Aurora-bound service's database and IAM login role from inside the primary's EKS
 * cluster (the writer is private). A Kubernetes Job in its own namespace, named after a digest of
 * its script and images, so a change runs a new Job and an unchanged one never reruns; the
 * Kubernetes provider waits for it to complete, so what depends on it (the services'
 * Deployments) rolls only after it succeeded. The standby never runs it: the global database
 * replicates roles and databases.
 */
export class DatabaseBootstrap extends pulumi.ComponentResource {
  public readonly job: k8s.batch.v1.Job;
  public readonly sql: string;

  constructor(name: string, args: DatabaseBootstrapArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:services:DatabaseBootstrap", name, {}, opts);
    const ns = BOOTSTRAP_NAMESPACE;
    const k8sOpts = { parent: this, provider: args.provider, dependsOn: args.dependsOn };
    const sql = bootstrapSql(args.services);
    const digest = bootstrapDigest(sql, BOOTSTRAP_IMAGES);
    const labels = { app: "db-bootstrap" };

    const namespace = new k8s.core.v1.Namespace(
      name,
      {
        metadata: {
          name: ns,
          labels: {
            "pod-security.kubernetes.io/enforce": "restricted",
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/warn": "restricted",
            "app.kubernetes.io/part-of": "ecommerce-platform",
          },
        },
      },
      k8sOpts,
    );
    const inNs = { ...k8sOpts, dependsOn: [...args.dependsOn, namespace] };
    // Default deny, as in every other namespace: a later pod here gets nothing it is not given.
    new k8s.networking.v1.NetworkPolicy(
      `${name}-default-deny`,
      {
        metadata: { name: "default-deny", namespace: ns },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
      inNs,
    );
    // Nothing reaches the Job; it reaches DNS, the Pod Identity agent, Secrets Manager and the RDS
    // CA bundle over HTTPS, and PostgreSQL in the VPC.
    new k8s.networking.v1.NetworkPolicy(
      name,
      {
        metadata: { name: "db-bootstrap", namespace: ns },
        spec: {
          podSelector: { matchLabels: labels },
          policyTypes: ["Egress"],
          egress: [
            {
              to: [
                {
                  namespaceSelector: {
                    matchLabels: { "kubernetes.io/metadata.name": "kube-system" },
                  },
                },
              ],
              ports: [
                { protocol: "UDP", port: 53 },
                { protocol: "TCP", port: 53 },
              ],
            },
            {
              to: [{ ipBlock: { cidr: "169.254.170.23/32" } }],
              ports: [{ protocol: "TCP", port: 80 }],
            },
            { ports: [{ protocol: "TCP", port: 443 }] },
            { to: [{ ipBlock: { cidr: args.vpcCidr } }], ports: [{ protocol: "TCP", port: 5432 }] },
          ],
        },
      },
      inNs,
    );
    const serviceAccount = new k8s.core.v1.ServiceAccount(
      name,
      { metadata: { name: "db-bootstrap", namespace: ns, labels } },
      inNs,
    );
    const identity = podIdentityRole(
      `${name}-pod`,
      {
        clusterName: args.clusterName,
        accountId: args.accountId,
        namespace: ns,
        serviceAccount: "db-bootstrap",
        description: "Aurora bootstrap Job: reads the master secret",
        policy: pulumi
          .output({ secret: args.masterSecretArn, key: args.secretsKeyArn })
          .apply(({ secret, key }) =>
            policyDocument([
              {
                Sid: "MasterSecret",
                Effect: "Allow",
                Action: "secretsmanager:GetSecretValue",
                Resource: secret,
              },
              {
                Sid: "MasterSecretKey",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: key,
                Condition: {
                  StringEquals: {
                    "kms:ViaService": `secretsmanager.${args.region}.amazonaws.com`,
                    "kms:EncryptionContext:SecretARN": secret,
                  },
                },
              },
            ]),
          ),
      },
      { parent: this, dependsOn: args.dependsOn },
    );
    const script = new k8s.core.v1.ConfigMap(
      name,
      {
        metadata: { name: `db-bootstrap-${digest}`, namespace: ns, labels },
        immutable: true,
        data: { "bootstrap.sql": sql },
      },
      inNs,
    );

    const restricted = CONTAINER_SECURITY;
    const resources = {
      requests: { cpu: "50m", memory: "64Mi" },
      limits: { cpu: "500m", memory: "256Mi" },
    };
    this.job = new k8s.batch.v1.Job(
      name,
      {
        metadata: {
          name: `db-bootstrap-${digest}`,
          namespace: ns,
          labels,
          annotations: {
            "ecommerce/bootstrap-digest": digest,
            // A failed run is replaced by the next `pulumi up` instead of being waited on again.
            "pulumi.com/replaceUnready": "true",
          },
        },
        spec: {
          backoffLimit: 4,
          activeDeadlineSeconds: 900,
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: "db-bootstrap",
              restartPolicy: "Never",
              securityContext: POD_SECURITY,
              initContainers: [
                {
                  name: "master-secret",
                  image: BOOTSTRAP_IMAGES.awsCli,
                  // The secret is the JSON the data layer writes; its password's alphabet has no
                  // quote or backslash (aurora.ts), so the value is the text between the quotes.
                  // The image is built FROM amazonlinux:2 (aws/aws-cli's Dockerfile), whose
                  // base carries sh, sed and curl; its entrypoint `aws` is replaced here.
                  command: [
                    "sh",
                    "-ec",
                    [
                      "umask 077",
                      'aws secretsmanager get-secret-value --secret-id "$SECRET_ARN" --query SecretString --output text' +
                        ' | sed -n \'s/.*"password":"\\([^"]*\\)".*/\\1/p\' > /run/db/password',
                      "test -s /run/db/password",
                      `curl -fsS --retry 3 -o /run/db/rds-ca.pem ${RDS_CA_BUNDLE}`,
                    ].join("\n"),
                  ],
                  env: [
                    { name: "SECRET_ARN", value: args.masterSecretArn },
                    { name: "AWS_REGION", value: args.region },
                    { name: "HOME", value: "/tmp" },
                  ],
                  resources,
                  securityContext: restricted,
                  volumeMounts: [
                    { name: "credentials", mountPath: "/run/db" },
                    { name: "tmp", mountPath: "/tmp" },
                  ],
                },
              ],
              containers: [
                {
                  name: "psql",
                  image: BOOTSTRAP_IMAGES.psql,
                  command: [
                    "sh",
                    "-ec",
                    'export PGPASSWORD="$(cat /run/db/password)"\nexec psql --no-psqlrc -v ON_ERROR_STOP=1 -f /sql/bootstrap.sql',
                  ],
                  env: [
                    { name: "PGHOST", value: args.auroraEndpoint },
                    { name: "PGPORT", value: "5432" },
                    { name: "PGDATABASE", value: MAINTENANCE_DATABASE },
                    { name: "PGUSER", value: args.masterUser },
                    { name: "PGSSLMODE", value: "verify-full" },
                    { name: "PGSSLROOTCERT", value: "/run/db/rds-ca.pem" },
                    { name: "HOME", value: "/tmp" },
                  ],
                  resources,
                  securityContext: restricted,
                  volumeMounts: [
                    { name: "credentials", mountPath: "/run/db", readOnly: true },
                    { name: "sql", mountPath: "/sql", readOnly: true },
                    { name: "tmp", mountPath: "/tmp" },
                  ],
                },
              ],
              volumes: [
                // The password lives in memory only, for the pod's lifetime.
                { name: "credentials", emptyDir: { medium: "Memory", sizeLimit: "1Mi" } },
                { name: "sql", configMap: { name: script.metadata.name } },
                { name: "tmp", emptyDir: {} },
              ],
            },
          },
        },
      },
      {
        ...inNs,
        dependsOn: [
          ...inNs.dependsOn,
          serviceAccount,
          script,
          ...(identity.association ? [identity.association] : []),
        ],
        // Retries with backoff can outlast the provider's default 10 minutes.
        customTimeouts: { create: "20m", update: "20m" },
      },
    );
    this.sql = sql;
    this.registerOutputs({ job: this.job });
  }
}
