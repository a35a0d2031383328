import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { ServiceName, ServiceSpec } from "./catalog";
import { DatabaseBootstrap, DatabaseBootstrapArgs } from "./databaseBootstrap";
import { Microservice, MicroserviceArgs } from "./microservice";
import { upstreams } from "./workload";

/** What every microservice shares, plus the specs and (in the primary) the registry. */
export interface ServicesArgs extends Omit<
  MicroserviceArgs,
  "spec" | "calls" | "dataReady" | "migrate"
> {
  /** The catalog's services, one Microservice each. */
  specs: ServiceSpec[];
  /**
   * Primary only: create each Aurora-bound service's database and login role (the bootstrap
   * Job), then run the services' migrations, before their Deployments. The standby's database
   * is a replica of the primary's, so it has neither. Default: unset (no bootstrap).
   */
  bootstrap?: Omit<
    DatabaseBootstrapArgs,
    "provider" | "clusterName" | "accountId" | "region" | "services"
  >;
  /**
   * Primary only: create an ECR repository per service, encrypted with this key, and replicate
   * them to `replicaRegions`. The standby pulls the replicas. Default: unset (no repositories).
   */
  registry?: { kmsKeyArn: pulumi.Input<string>; replicaRegions: string[] };
}

/** Repository prefix: one replication filter covers every service. */
export const REPOSITORY_PREFIX = "ecommerce/";

/** The shop's services for the stack's posture, and (in the primary) their image repositories. */
export class Services extends pulumi.ComponentResource {
  public readonly services: Record<ServiceName, Microservice>;
  public readonly bootstrap?: DatabaseBootstrap;
  public readonly repositoryUrls: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: ServicesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:services:Services", name, {}, opts);
    const urls: Record<string, pulumi.Output<string>> = {};
    if (args.registry) {
      for (const spec of args.specs) {
        const repo = new awsx.ecr.Repository(
          `${name}-${spec.name}`,
          {
            name: `${REPOSITORY_PREFIX}${spec.name}`,
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: args.registry.kmsKeyArn }],
            forceDelete: false,
            lifecyclePolicy: {
              rules: [
                {
                  description: "drop untagged layers after a week",
                  tagStatus: "untagged",
                  maximumAgeLimit: 7,
                },
                {
                  description: "keep the last 50 releases",
                  tagStatus: "any",
                  maximumNumberOfImages: 50,
                },
              ],
            },
          },
          { parent: this },
        );
        urls[spec.name] = repo.url;
      }
      if (args.registry.replicaRegions.length > 0) {
        // Account-level: replicates every ecommerce/ repository to the standby's region.
        new aws.ecr.ReplicationConfiguration(
          `${name}-replication`,
          {
            replicationConfiguration: {
              rules: [
                {
                  destinations: args.registry.replicaRegions.map((region) => ({
                    region,
                    registryId: args.accountId,
                  })),
                  repositoryFilters: [{ filter: REPOSITORY_PREFIX, filterType: "PREFIX_MATCH" }],
                },
              ],
            },
          },
          { parent: this },
        );
      }
    }

    const aurora = args.specs.filter((s) => s.bindings.includes("aurora")).map((s) => s.name);
    if (args.bootstrap) {
      this.bootstrap = new DatabaseBootstrap(
        `${name}-db-bootstrap`,
        {
          ...args.bootstrap,
          provider: args.provider,
          clusterName: args.clusterName,
          accountId: args.accountId,
          region: args.region,
          services: aurora,
        },
        { parent: this },
      );
    }
    const calls = upstreams(args.specs, args.namespace);
    this.services = Object.fromEntries(
      args.specs.map((spec) => [
        spec.name,
        new Microservice(
          `${name}-${spec.name}`,
          {
            spec,
            posture: args.posture,
            namespace: args.namespace,
            provider: args.provider,
            clusterName: args.clusterName,
            region: args.region,
            accountId: args.accountId,
            data: args.data,
            endpoints: args.endpoints,
            calls: calls[spec.name],
            dataReady:
              this.bootstrap && aurora.includes(spec.name) ? [this.bootstrap.job] : undefined,
            migrate: args.bootstrap !== undefined,
            gatewayRef: args.gatewayRef,
            gatewayHosts: args.gatewayHosts,
            gatewayPrincipal: args.gatewayPrincipal,
            dependsOn: args.dependsOn,
          },
          { parent: this },
        ),
      ]),
    ) as Record<ServiceName, Microservice>;
    this.repositoryUrls = pulumi.output(urls);
    this.registerOutputs({ repositoryUrls: this.repositoryUrls });
  }
}
