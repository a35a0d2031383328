import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import {
  activityOf,
  componentOf,
  cpuOf,
  drPremium,
  estimateStack,
  logKind,
  monthlyHours,
  pastStandardSupport,
  pricesFor,
  totalsBy,
} from "../../../offline/cost/estimate";
import {
  EKS_STANDARD_SUPPORT_ENDS,
  HOURS_PER_MONTH,
  PRICED_REGIONS,
  PRICES,
  SOURCES,
  USAGE,
} from "../../../offline/cost/prices";
import { PlannedResource, StackPlan } from "../../../offline/plan";
import { SUPPORTED_KUBERNETES_VERSIONS } from "../../../stacks/config";
import { plan } from "../../helpers";
import { dollars, formatCostLine, formatPremium } from "../../../offline/cost/report";

const STACK_URN = "urn:pulumi:t::p::pulumi:pulumi:Stack::p-t";
let counter = 0;
function res(
  type: string,
  inputs: Record<string, unknown>,
  parent = STACK_URN,
  name = `r${++counter}`,
): PlannedResource {
  return {
    urn: `urn:pulumi:t::p::${type}::${name}`,
    type,
    name,
    parent,
    dependencies: [],
    propertyDependencies: {},
    inputs,
    protect: false,
    retainOnDelete: false,
    custom: !type.startsWith("ecommerce:"),
    provider: "",
    outputs: {},
  };
}
function stackOf(
  resources: PlannedResource[],
  config: Record<string, unknown> = { "ecommerce:role": "primary" },
  region = "ap-south-1",
): StackPlan {
  return {
    stack: "t",
    project: "p",
    region,
    qualifiedName: "o/p/t",
    config,
    resources,
    outputs: {},
    secretOutputs: [],
  };
}
const STANDBY = { "ecommerce:role": "standby", "ecommerce:dr": { mode: "standby" } };
const close = (actual: number, expected: number) => expect(actual).to.be.closeTo(expected, 1e-6);
const totalOf = (r: PlannedResource, config?: Record<string, unknown>, region?: string) =>
  estimateStack(stackOf([r], config, region)).total;

describe("offline/cost (the estimate's arithmetic)", () => {
  it("prices every region it claims, each price with its source page", () => {
    for (const region of PRICED_REGIONS) {
      for (const key of Object.keys(PRICES[region])) {
        expect(SOURCES, key).to.have.property(key);
        expect(SOURCES[key as keyof typeof SOURCES]).to.match(/^https:\/\/aws\.amazon\.com\//);
      }
    }
    expect(() => pricesFor("eu-west-1")).to.throw(
      /no prices for eu-west-1 in offline\/cost\/prices.ts/,
    );
  });

  const hours: [number, number, number][] = [
    [0.1, 1, 73],
    [0.0857, 3, 187.683],
    [0.056, 0, 0],
  ];
  for (const [hourly, count, expected] of hours) {
    it(`monthlyHours(${hourly}, ${count}) = ${expected}`, () =>
      close(monthlyHours(hourly, count), expected));
  }

  const cpus: [unknown, number][] = [
    ["100m", 0.1],
    ["1500m", 1.5],
    ["2", 2],
    [0.5, 0.5],
    [undefined, 0],
  ];
  for (const [q, v] of cpus) it(`cpuOf(${JSON.stringify(q)}) = ${v}`, () => close(cpuOf(q), v));

  const logs: [string, string][] = [
    ["/ecommerce/ecommerce-prod-mumbai/vpc-flow-logs", "flow"],
    ["/aws/eks/ecommerce-prod-mumbai/containers/shop", "shop"],
    ["/aws/eks/ecommerce-prod-mumbai/containers/kube-system", "containers"],
    ["/aws/cloudtrail/ecommerce-prod-mumbai-audit", "trail"],
    ["aws-waf-logs-ecommerce-prod-mumbai", "waf"],
    ["/aws/apigateway/ecommerce-prod-mumbai", "api"],
    ["/something/else", "other"],
  ];
  for (const [name, kind] of logs)
    it(`logKind(${name}) = ${kind}`, () => expect(logKind(name)).to.equal(kind));

  const activities: [Record<string, unknown>, string, number, number][] = [
    [{ "ecommerce:role": "primary" }, "active", 1, 1],
    [STANDBY, "standby", 0, 0.2],
    [{ "ecommerce:role": "standby" }, "standby", 0, 0.2],
    [{ "ecommerce:role": "standby", "ecommerce:dr": { mode: "drill" } }, "drill", 1, 1],
    [{ "ecommerce:role": "standby", "ecommerce:dr": { mode: "failover" } }, "failover", 1, 1],
  ];
  for (const [config, posture, traffic, logShare] of activities) {
    it(`activity of ${JSON.stringify(config)}: ${posture}`, () =>
      expect(activityOf(config)).to.deep.equal({ posture, traffic, logs: logShare }));
  }

  describe("a line per priced resource", () => {
    const mumbai = PRICES["ap-south-1"];
    const singapore = PRICES["ap-southeast-1"];
    const cases: [string, () => number, number][] = [
      [
        "EKS control plane on a version in standard support",
        () => totalOf(res("eks:index:Cluster", { version: "1.34" })),
        73,
      ],
      [
        "EKS control plane on a version past standard support (extended support, $0.60 an hour)",
        () => totalOf(res("eks:index:Cluster", { version: "1.33" })),
        438,
      ],
      [
        "3 system nodes of the first instance type",
        () =>
          totalOf(
            res("eks:index:ManagedNodeGroup", {
              instanceTypes: ["m7g.large", "m7g.xlarge"],
              scalingConfig: { desiredSize: 3 },
            }),
          ),
        3 * HOURS_PER_MONTH * mumbai.ec2Hour["m7g.large"],
      ],
      [
        "a serving NAT gateway: hours and 500 GB",
        () => totalOf(res("aws:ec2/natGateway:NatGateway", {})),
        HOURS_PER_MONTH * mumbai.natHour + 500 * mumbai.natGb,
      ],
      [
        "a resting NAT gateway in Singapore: hours and 50 GB",
        () => totalOf(res("aws:ec2/natGateway:NatGateway", {}), STANDBY, "ap-southeast-1"),
        HOURS_PER_MONTH * singapore.natHour + 50 * singapore.natGb,
      ],
      [
        "an Aurora instance by class",
        () =>
          totalOf(
            res("aws:rds/clusterInstance:ClusterInstance", { instanceClass: "db.r7g.large" }),
          ),
        HOURS_PER_MONTH * mumbai.auroraHour["db.r7g.large"],
      ],
      [
        "a cache of two nodes",
        () =>
          totalOf(
            res("aws:elasticache/replicationGroup:ReplicationGroup", {
              nodeType: "cache.r7g.large",
              numCacheClusters: 2,
            }),
          ),
        2 * HOURS_PER_MONTH * mumbai.cacheHour["cache.r7g.large"],
      ],
      [
        "an interface endpoint in three AZs; a gateway endpoint is free",
        () =>
          totalOf(
            res("aws:ec2/vpcEndpoint:VpcEndpoint", {
              vpcEndpointType: "Interface",
              subnetIds: ["a", "b", "c"],
            }),
          ) + totalOf(res("aws:ec2/vpcEndpoint:VpcEndpoint", { vpcEndpointType: "Gateway" })),
        3 * HOURS_PER_MONTH * mumbai.interfaceEndpointAzHour,
      ],
      [
        "an HTTP API carries the assumed requests while serving",
        () => totalOf(res("aws:apigatewayv2/api:Api", {})),
        USAGE.apiRequestsMillion.value * mumbai.httpApiMillion,
      ],
      [
        "an HTTP API at rest costs nothing",
        () => totalOf(res("aws:apigatewayv2/api:Api", {}), STANDBY),
        0,
      ],
      [
        "a regional web ACL at rest: the ACL and its rules",
        () =>
          totalOf(res("aws:wafv2/webAcl:WebAcl", { scope: "REGIONAL", rules: [1, 2, 3] }), STANDBY),
        5 + 3 * 1,
      ],
      [
        "an HTTPS health check at 10 s: two optional features",
        () =>
          totalOf(
            res("aws:route53/healthCheck:HealthCheck", { type: "HTTPS", requestInterval: 10 }),
          ),
        0.5 + 2 * 1,
      ],
      [
        "a key and a replica key, a dollar each",
        () =>
          totalOf(res("aws:kms/key:Key", {})) + totalOf(res("aws:kms/replicaKey:ReplicaKey", {})),
        2,
      ],
      [
        "a flow-log group at rest: a fifth of the volume, ingested and a year stored",
        () =>
          totalOf(
            res("aws:cloudwatch/logGroup:LogGroup", { name: "/e/x/vpc-flow-logs" }),
            STANDBY,
            "ap-southeast-1",
          ),
        20 * singapore.logsIngestGb + 240 * singapore.logsStoreGbMonth,
      ],
      [
        "a resource priced in its own region (us-east-1 web ACL)",
        () =>
          totalOf(
            res("aws:wafv2/webAcl:WebAcl", { scope: "CLOUDFRONT", region: "us-east-1", rules: [] }),
            STANDBY,
          ),
        5 + (USAGE.wafRequestsMillion.value / 2) * PRICES["us-east-1"].wafMillion,
      ],
      [
        "workload nodes from minimum replicas × CPU requests (+ sidecar), packed at 75 %",
        () =>
          estimateStack(
            stackOf([
              res("kubernetes:karpenter.sh/v1:NodePool", {}),
              res("kubernetes:apps/v1:Deployment", {
                metadata: { name: "cart" },
                spec: {
                  template: {
                    spec: { containers: [{ resources: { requests: { cpu: "500m" } } }] },
                  },
                },
              }),
              res("kubernetes:autoscaling/v2:HorizontalPodAutoscaler", {
                spec: { minReplicas: 5, scaleTargetRef: { name: "cart" } },
              }),
            ]),
          ).total,
        // 5 × (0.5 + 0.1) = 3 vCPU over 3 usable vCPU a node: one m7g.xlarge.
        HOURS_PER_MONTH * mumbai.ec2Hour["m7g.xlarge"],
      ],
      [
        "a Global Accelerator's fixed fee",
        () => totalOf(res("aws:globalaccelerator/accelerator:Accelerator", {})),
        HOURS_PER_MONTH * 0.025,
      ],
      [
        "Aurora storage and I/O per cluster",
        () => totalOf(res("aws:rds/cluster:Cluster", {})),
        USAGE.auroraStorageGb.value * mumbai.auroraStorageGbMonth +
          USAGE.auroraIoMillion.value * mumbai.auroraIoMillion,
      ],
      [
        "an AWS Config recorder: configuration items of the stack's AWS resources",
        () =>
          estimateStack(
            stackOf([res("aws:cfg/recorder:Recorder", {}), res("aws:iam/role:Role", {})]),
          ).total,
        2 * USAGE.configItemsPerResource.value * mumbai.configItem,
      ],
      ["an unpriced type adds nothing", () => totalOf(res("aws:iam/role:Role", {})), 0],
    ];
    for (const [title, compute, expected] of cases) it(title, () => close(compute(), expected));

    it("knows the support dates of every Kubernetes version the config accepts, and refuses others", () => {
      expect(Object.keys(EKS_STANDARD_SUPPORT_ENDS)).to.have.members(SUPPORTED_KUBERNETES_VERSIONS);
      expect(pastStandardSupport("1.34")).to.equal(false);
      expect(pastStandardSupport("1.32")).to.equal(true);
      expect(() => totalOf(res("eks:index:Cluster", { version: "1.29" }))).to.throw(
        /no EKS support dates for Kubernetes 1.29/,
      );
    });

    it("refuses an instance type it has no price for", () => {
      expect(() =>
        totalOf(
          res("eks:index:ManagedNodeGroup", {
            instanceTypes: ["x9.huge"],
            scalingConfig: { desiredSize: 1 },
          }),
        ),
      ).to.throw(/no price for EC2 instance x9.huge/);
    });
  });

  it("groups items under the outermost component, and totals by key, largest first", () => {
    const data = res("ecommerce:data:Data", {}, STACK_URN, "data");
    const inner = res("ecommerce:services:Microservice", {}, data.urn, "inner");
    const key = res("aws:kms/key:Key", {}, inner.urn, "key");
    const nat = res("aws:ec2/natGateway:NatGateway", {}, STACK_URN, "nat");
    const byUrn = new Map([data, inner, key, nat].map((r) => [r.urn, r]));
    expect(componentOf(key, byUrn)).to.equal("data");
    expect(componentOf(nat, byUrn)).to.equal("stack");
    const e = estimateStack(stackOf([data, inner, key, nat]));
    expect(totalsBy(e.items, "component").map(([c]) => c)).to.deep.equal(["stack", "data"]);
    close(
      e.total,
      totalsBy(e.items, "type").reduce((t, [, v]) => t + v, 0),
    );
  });

  const premiums: [number, Record<string, number>, [string, number][]][] = [
    [
      4000,
      { standby: 2000, failover: 3000 },
      [
        ["standby", 50],
        ["failover", 75],
      ],
    ],
    [0, { standby: 10 }, [["standby", 0]]],
  ];
  for (const [primary, byMode, expected] of premiums) {
    it(`DR premium against a primary of $${primary}`, () =>
      expect(drPremium(primary, byMode).map((p) => [p.mode, p.percentOfPrimary])).to.deep.equal(
        expected,
      ));
  }

  describe("report", () => {
    const estimate = (stack: string, posture: string, items: [string, number][]) => ({
      stack,
      region: "ap-south-1",
      activity: { posture, traffic: 1, logs: 1 },
      items: items.map(([component, usd]) => ({ component, type: "t", name: "n", usd, basis: "" })),
      total: items.reduce((t, [, v]) => t + v, 0),
    });
    const amounts: [number, string][] = [
      [0, "$0"],
      [1234.5, "$1,235"],
      [3738.2, "$3,738"],
    ];
    for (const [n, text] of amounts)
      it(`dollars(${n}) = ${text}`, () => expect(dollars(n)).to.equal(text));

    it("prints one line per stack, its three largest components first", () => {
      const e = estimate("prod-mumbai", "active", [
        ["edge", 1200],
        ["data", 1300],
        ["network", 400],
        ["stack", 5],
      ]);
      expect(formatCostLine(e)).to.equal(
        "Estimated cost of prod-mumbai (active): $2,905 a month on demand (data $1,300, edge $1,200, network $400; npm run cost for the breakdown)",
      );
    });

    it("prints the standby's cost per mode as a share of the primary", () => {
      const primary = estimate("prod-mumbai", "active", [["data", 4000]]);
      const text = formatPremium(primary, [
        estimate("dr-singapore", "standby", [["data", 2000]]),
        estimate("dr-singapore", "failover", [["data", 3000]]),
      ]);
      expect(text).to.match(/against prod-mumbai \(\$4,000\)/);
      expect(text).to.match(/standby +\$2,000 +50 % of the primary/);
      expect(text).to.match(/failover +\$3,000 +75 % of the primary/);
    });
  });

  it("on the real plans: a resting standby costs less than the primary and than itself serving", async () => {
    const prod = estimateStack(await plan("prod-mumbai"));
    const dr = estimateStack(await plan("dr-singapore"));
    const failover = estimateStack(
      await plan("dr-singapore", ["dr-singapore:ecommerce:dr.mode=failover"]),
    );
    expect(prod.items.length).to.be.greaterThan(0);
    for (const item of [...prod.items, ...dr.items])
      expect(item.usd, item.name).to.be.greaterThan(0);
    expect(dr.total).to.be.lessThan(prod.total);
    expect(failover.total).to.be.greaterThan(dr.total);
    // Every cost-bearing kind the estimate knows shows up in the primary's plan.
    expect([...new Set(prod.items.map((i) => i.component))]).to.include.members([
      "network",
      "data",
      "cluster",
      "edge",
      "observability",
      "governance",
    ]);
  });

  it("docs/cost.md's table holds what the estimate gives the real plans, per posture", async () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../../docs/cost.md"), "utf8");
    const row = (stack: string, posture: string) => {
      const found = doc.match(new RegExp(`\\| ${stack} +\\| ${posture}[^|]*\\| (\\$[\\d,]+)`));
      if (!found) throw new Error(`docs/cost.md has no row for ${stack} ${posture}`);
      return found[1];
    };
    const standby = (mode: string) =>
      plan("dr-singapore", [`dr-singapore:ecommerce:dr.mode=${mode}`]);
    expect(row("prod-mumbai", "active")).to.equal(
      dollars(estimateStack(await plan("prod-mumbai")).total),
    );
    expect(row("dr-singapore", "standby")).to.equal(
      dollars(estimateStack(await plan("dr-singapore")).total),
    );
    for (const mode of ["drill", "failover"]) {
      expect(row("dr-singapore", mode), mode).to.equal(
        dollars(estimateStack(await standby(mode)).total),
      );
    }
  });
});
