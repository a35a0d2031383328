import { expect } from "chai";
import {
  failoverRecords,
  healthChecks,
  regionsIn,
  replicationLinks,
  switchPlans,
} from "../../../offline/gameday/facts";
import { servingInputs } from "../../../offline/gameday/servingPaths";
import { StackPlan } from "../../../offline/plan";
import { res } from "./fixture";

const plan = (region: string, resources: StackPlan["resources"]): StackPlan => ({
  stack: `s-${region}`,
  project: "p",
  region,
  qualifiedName: `o/p/s-${region}`,
  config: {},
  resources,
  outputs: {},
  secretOutputs: [],
});

describe("offline/gameday/facts (what the plans say about failover)", () => {
  const regions: [string, unknown, string[]][] = [
    ["a regional host", "d-1.execute-api.ap-south-1.amazonaws.com", ["ap-south-1"]],
    ["a health-check FQDN", "api-ap-southeast-1.shop.example.com", ["ap-southeast-1"]],
    [
      "a Cognito pool id",
      "https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_9E6A",
      ["ap-south-1"],
    ],
    ["an ARN", "arn:aws:dynamodb:us-east-1:1:table/t", ["us-east-1"]],
    ["a global writer endpoint", "g.global-abc.global.rds.amazonaws.com", []],
    ["a stack name", "ecommerce-prod-mumbai-assets", []],
  ];
  for (const [title, value, expected] of regions)
    it(`finds the Regions in ${title}`, () => expect(regionsIn(value)).to.deep.equal(expected));

  it("reads a Region switch plan's workflows, flattening parallel blocks and inferring block types", () => {
    const [p] = switchPlans([
      plan("ap-southeast-1", [
        res("aws:arcregionswitch/plan:Plan", "switch", {
          primaryRegion: "ap-south-1",
          regions: ["ap-south-1", "ap-southeast-1"],
          triggers: [{ action: "activate", targetRegion: "ap-southeast-1" }],
          workflows: [
            {
              workflowTargetAction: "activate",
              workflowTargetRegion: "ap-southeast-1",
              steps: [
                {
                  name: "both",
                  executionBlockType: "Parallel",
                  parallelConfigs: [
                    {
                      steps: [
                        {
                          name: "db",
                          globalAuroraConfigs: [
                            { behavior: "failover", databaseClusterArns: ["a"] },
                          ],
                        },
                        { name: "eks", eksResourceScalingConfigs: [{}] },
                      ],
                    },
                  ],
                },
                {
                  name: "dns",
                  route53HealthCheckConfigs: [
                    {
                      recordName: "api.x.",
                      recordSets: [{ recordSetIdentifier: "sg", region: "ap-southeast-1" }],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      ]),
    ]);
    expect(p.triggers).to.deep.equal([{ action: "activate", targetRegion: "ap-southeast-1" }]);
    expect(p.workflows[0].steps.map((s) => [s.name, s.kind])).to.deep.equal([
      ["db", "AuroraGlobalDatabase"],
      ["eks", "EKSResourceScaling"],
      ["dns", "Route53HealthCheck"],
    ]);
    expect(p.workflows[0].steps[2]).to.deep.include({
      recordName: "api.x",
      recordSets: [{ setIdentifier: "sg", region: "ap-southeast-1" }],
    });
  });

  it("reads failover records (values and aliases) and health checks, calculated ones with their children", () => {
    const plans = [
      plan("ap-south-1", [
        res("aws:route53/record:Record", "p", {
          name: "api.x.",
          failoverRoutingPolicies: [{ type: "PRIMARY" }],
          aliases: [{ name: "d-1.execute-api.ap-south-1.amazonaws.com" }],
          setIdentifier: "one",
          healthCheckId: "calc",
        }),
        res("aws:route53/record:Record", "plain", { name: "www.x", type: "A" }),
        res(
          "aws:route53/healthCheck:HealthCheck",
          "calc",
          { type: "CALCULATED", childHealthchecks: ["a", "b"], childHealthThreshold: 2 },
          { id: "calc" },
        ),
      ]),
    ];
    expect(failoverRecords(plans)).to.deep.equal([
      {
        stack: "s-ap-south-1",
        name: "api.x",
        role: "PRIMARY",
        setIdentifier: "one",
        region: "ap-south-1",
        healthCheckId: "calc",
      },
    ]);
    expect(healthChecks(plans)[0]).to.deep.include({
      type: "CALCULATED",
      children: ["a", "b"],
      childThreshold: 2,
    });
  });

  it("gives S3 replication its direction from the buckets' Regions and DynamoDB replicas both directions", () => {
    const links = replicationLinks([
      plan("ap-south-1", [res("aws:s3/bucket:Bucket", "home", { bucket: "home" })]),
      plan("ap-southeast-1", [
        res("aws:s3/bucket:Bucket", "away", { bucket: "away" }),
        // Declared in the standby's stack, running in the primary's Region (`region` input).
        res("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "r", {
          bucket: "home",
          region: "ap-south-1",
          rules: [
            { status: "Enabled", destination: { bucket: "arn:aws:s3:::away" } },
            { status: "Disabled", destination: { bucket: "arn:aws:s3:::home" } },
          ],
        }),
        res("aws:dynamodb/tableReplica:TableReplica", "t", {
          globalTableArn: "arn:aws:dynamodb:ap-south-1:1:table/carts",
        }),
      ]),
    ]);
    expect(links.map((l) => `${l.store} ${l.from} → ${l.to}`)).to.deep.equal([
      "s3:home ap-south-1 → ap-southeast-1",
      "dynamodb:carts ap-south-1 → ap-southeast-1",
      "dynamodb:carts ap-southeast-1 → ap-south-1",
    ]);
  });

  it("treats an origin group's members as alternatives and inline JWKS as needing no Region", () => {
    const inputs = servingInputs(
      [
        plan("ap-southeast-1", [
          res("kubernetes:security.istio.io/v1:RequestAuthentication", "jwt", {
            spec: {
              jwtRules: [{ issuer: "https://cognito-idp.ap-south-1.amazonaws.com/x", jwks: "{}" }],
            },
          }),
          res("aws:cloudfront/distribution:Distribution", "cdn", {
            defaultCacheBehavior: { targetOriginId: "g" },
            origins: [
              { originId: "a", domainName: "a.s3.ap-south-1.amazonaws.com" },
              { originId: "b", domainName: "b.s3.ap-southeast-1.amazonaws.com" },
            ],
            originGroups: [{ originId: "g", members: [{ originId: "a" }, { originId: "b" }] }],
          }),
        ]),
      ],
      "ap-southeast-1",
    );
    expect(inputs.map((i) => [i.path, i.alternatives])).to.deep.equal([
      ["token validation (mesh)", [[]]],
      ["storefront", [["ap-south-1"], ["ap-southeast-1"]]],
    ]);
  });
});
