/**
 * Synthetic plan fragments of the design the platform aims at, with only the resources the game day
 * reads: a Region switch plan steering the api record pair, services writing through the global
 * writer endpoint, Singapore's own issuer with inline keys, a CloudFront origin group, and S3
 * replication both ways. Tests break them one way at a time.
 */
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { PlanSets } from "../../../offline/gameday/world";

export const HOME = "ap-south-1";
export const STANDBY = "ap-southeast-1";
export const GLOBAL_ENDPOINT = "shop-global.global-abc123.global.rds.amazonaws.com";
const ZONE = "Z123";
const API = "api.shop.example.com";

export function res(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  outputs: Record<string, unknown> = {},
  ignoreChanges?: string[],
): PlannedResource {
  return {
    urn: `urn:pulumi:x::ecommerce-platform::${type}::${name}`,
    id: String(outputs.id ?? `${name}-id`),
    type,
    name,
    parent: "",
    dependencies: [],
    propertyDependencies: {},
    inputs,
    protect: false,
    retainOnDelete: false,
    ignoreChanges,
    custom: true,
    provider: "",
    outputs,
  };
}

const deployment = (region: string, dbHost: string) =>
  res("kubernetes:apps/v1:Deployment", "services-order", {
    metadata: { name: "order", namespace: "shop" },
    spec: {
      template: {
        spec: {
          containers: [
            {
              env: [
                { name: "AWS_REGION", value: region },
                { name: "DB_HOST", value: dbHost },
                { name: "QUEUE_URL", value: `https://sqs.${region}.amazonaws.com/1/q` },
              ],
            },
          ],
        },
      },
    },
  });

const cluster = (id: string, region: string, extra: Record<string, unknown> = {}) =>
  res(
    "aws:rds/cluster:Cluster",
    "data-aurora",
    { clusterIdentifier: id, globalClusterIdentifier: "shop-global", ...extra },
    {
      arn: `arn:aws:rds:${region}:1:cluster:${id}`,
      endpoint: `${id}.cluster-x.${region}.rds.amazonaws.com`,
      readerEndpoint: `${id}.cluster-ro-x.${region}.rds.amazonaws.com`,
    },
    ["globalClusterIdentifier", "enableGlobalWriteForwarding"],
  );

const issuer = (region: string) => `https://cognito-idp.${region}.amazonaws.com/${region}_Pool`;

const identity = (region: string) => [
  res("aws:apigatewayv2/authorizer:Authorizer", "edge-jwt", {
    authorizerType: "JWT",
    jwtConfiguration: { issuer: issuer(region), audiences: ["spa"] },
  }),
  res("kubernetes:security.istio.io/v1:RequestAuthentication", "mesh-jwt", {
    spec: { jwtRules: [{ issuer: issuer(region), jwks: '{"keys":[]}' }] },
  }),
];

const record = (role: "PRIMARY" | "SECONDARY", region: string) =>
  res("aws:route53/record:Record", `edge-api-${role.toLowerCase()}`, {
    name: API,
    type: "CNAME",
    ttl: 60,
    zoneId: ZONE,
    setIdentifier: region,
    failoverRoutingPolicies: [{ type: role }],
    records: [`d-1.execute-api.${region}.amazonaws.com`],
    healthCheckId: `arc-${region}`,
  });

const bucket = (name: string) => res("aws:s3/bucket:Bucket", name, { bucket: name });
const replication = (from: string, to: string) =>
  res("aws:s3/bucketReplicationConfig:BucketReplicationConfig", `${from}-replication`, {
    bucket: from,
    rules: [{ status: "Enabled", destination: { bucket: `arn:aws:s3:::${to}` } }],
  });

const workflow = (region: string) => ({
  workflowTargetAction: "activate",
  workflowTargetRegion: region,
  steps: [
    {
      name: "approve",
      executionBlockType: "ManualApproval",
      executionApprovalConfigs: [{ approvalRole: "r" }],
    },
    {
      name: "aurora",
      executionBlockType: "AuroraGlobalDatabase",
      globalAuroraConfigs: [
        { behavior: "failover", globalClusterIdentifier: "shop-global", databaseClusterArns: [] },
      ],
    },
    { name: "scale", executionBlockType: "EKSResourceScaling", eksResourceScalingConfigs: [{}] },
    {
      name: "dns",
      executionBlockType: "Route53HealthCheck",
      route53HealthCheckConfigs: [
        {
          hostedZoneId: ZONE,
          recordName: API,
          recordSets: [
            { recordSetIdentifier: HOME, region: HOME },
            { recordSetIdentifier: STANDBY, region: STANDBY },
          ],
        },
      ],
    },
  ],
});

const plan = (
  stack: string,
  region: string,
  role: string,
  resources: PlannedResource[],
): StackPlan => ({
  stack,
  project: "ecommerce-platform",
  region,
  qualifiedName: `organization/ecommerce-platform/${stack}`,
  config: { "ecommerce:role": role },
  resources,
  outputs: {},
  secretOutputs: [],
});

export function primaryPlan(): StackPlan {
  return plan("prod-mumbai", HOME, "primary", [
    res(
      "aws:rds/globalCluster:GlobalCluster",
      "data-global",
      { globalClusterIdentifier: "shop-global" },
      { endpoint: GLOBAL_ENDPOINT },
    ),
    cluster("mumbai-aurora", HOME),
    deployment(HOME, GLOBAL_ENDPOINT),
    ...identity(HOME),
    record("PRIMARY", HOME),
    bucket("mumbai-web"),
    replication("mumbai-web", "singapore-web"),
    res("aws:cloudfront/distribution:Distribution", "edge-cdn", {
      defaultCacheBehavior: { targetOriginId: "web" },
      origins: [
        { originId: "web-home", domainName: `mumbai-web.s3.${HOME}.amazonaws.com` },
        { originId: "web-standby", domainName: `singapore-web.s3.${STANDBY}.amazonaws.com` },
        { originId: "api", domainName: API },
      ],
      originGroups: [
        { originId: "web", members: [{ originId: "web-home" }, { originId: "web-standby" }] },
      ],
    }),
  ]);
}

export function standbyPlan(mode = "standby"): StackPlan {
  const p = plan("dr-singapore", STANDBY, "standby", [
    cluster(
      "singapore-aurora",
      STANDBY,
      mode === "failover" ? { globalClusterIdentifier: undefined } : {},
    ),
    deployment(STANDBY, GLOBAL_ENDPOINT),
    ...identity(STANDBY),
    record("SECONDARY", STANDBY),
    bucket("singapore-web"),
    replication("singapore-web", "mumbai-web"),
    res("aws:dynamodb/tableReplica:TableReplica", "data-carts", {
      globalTableArn: `arn:aws:dynamodb:${HOME}:1:table/carts`,
    }),
    res("aws:arcregionswitch/plan:Plan", "dr-switch", {
      primaryRegion: HOME,
      regions: [HOME, STANDBY],
      recoveryApproach: "activePassive",
      workflows: [workflow(STANDBY), workflow(HOME)],
    }),
  ]);
  p.config["ecommerce:dr"] = { mode };
  return p;
}

/** The fixed design in every posture. */
export function fixedSets(): PlanSets {
  return {
    standby: [primaryPlan(), standbyPlan()],
    drill: [primaryPlan(), standbyPlan("drill")],
    failover: [primaryPlan(), standbyPlan("failover")],
  };
}

/** Applies `change` to every resource of every plan of every posture (a deliberate break). */
export function breakSets(
  sets: PlanSets,
  change: (
    r: PlannedResource,
    p: StackPlan,
    posture: keyof PlanSets,
  ) => PlannedResource | PlannedResource[] | undefined,
): PlanSets {
  const out = {} as PlanSets;
  for (const posture of Object.keys(sets) as (keyof PlanSets)[]) {
    out[posture] = sets[posture].map((p) => ({
      ...p,
      resources: p.resources.flatMap((r) => {
        const next = change(structuredClone(r), p, posture);
        return next === undefined ? [] : next;
      }),
    }));
  }
  return out;
}
