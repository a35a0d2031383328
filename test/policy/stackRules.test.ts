import { expect } from "chai";
import { rules } from "../../policy/rules";
import { FixtureResource, res, violatedRules, violations } from "./harness";
import { describePackStackRules } from "./packStackRules";

const T = {
  vpc: "aws:ec2/vpc:Vpc",
  igw: "aws:ec2/internetGateway:InternetGateway",
  nat: "aws:ec2/natGateway:NatGateway",
  subnet: "aws:ec2/subnet:Subnet",
  rt: "aws:ec2/routeTable:RouteTable",
  route: "aws:ec2/route:Route",
  assoc: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  flowLog: "aws:ec2/flowLog:FlowLog",
  dbSubnets: "aws:rds/subnetGroup:SubnetGroup",
  cacheSubnets: "aws:elasticache/subnetGroup:SubnetGroup",
  cluster: "aws:rds/cluster:Cluster",
  clusterInstance: "aws:rds/clusterInstance:ClusterInstance",
  cache: "aws:elasticache/replicationGroup:ReplicationGroup",
  nodeGroup: "eks:index:ManagedNodeGroup",
  nodeClass: "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass",
  bucket: "aws:s3/bucket:Bucket",
  sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  queue: "aws:sqs/queue:Queue",
  acl: "aws:wafv2/webAcl:WebAcl",
  aclLogging: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  detector: "aws:guardduty/detector:Detector",
  feature: "aws:guardduty/detectorFeature:DetectorFeature",
  hub: "aws:securityhub/account:Account",
  standard: "aws:securityhub/standardsSubscription:StandardsSubscription",
};

/** A two-AZ VPC: public subnets routed to the IGW, private to a NAT, data with no route. */
function network(): FixtureResource[] {
  const out: FixtureResource[] = [
    res(T.vpc, "vpc", { id: "vpc-1" }),
    res(T.igw, "igw", { id: "igw-1" }, { vpcId: ["vpc"] }),
    res(T.nat, "nat", { id: "nat-1" }),
    res(T.rt, "public-rt", { id: "rtb-pub" }),
    res(T.rt, "private-rt", { id: "rtb-priv" }),
    res(T.rt, "data-rt", { id: "rtb-data" }),
    res(
      T.route,
      "public-default",
      { routeTableId: "rtb-pub", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" },
      { routeTableId: ["public-rt"], gatewayId: ["igw"] },
    ),
    res(
      T.route,
      "private-default",
      { routeTableId: "rtb-priv", destinationCidrBlock: "0.0.0.0/0", natGatewayId: "nat-1" },
      { routeTableId: ["private-rt"], natGatewayId: ["nat"] },
    ),
    res(T.flowLog, "flow", { vpcId: "vpc-1", trafficType: "ALL" }, { vpcId: ["vpc"] }),
  ];
  for (const tier of ["public", "private", "data"]) {
    for (const az of [0, 1]) {
      const tags = {
        tier,
        ...(tier === "private" ? { "karpenter.sh/discovery": "shop" } : {}),
        ...(tier === "public" ? { "kubernetes.io/role/elb": "1" } : {}),
      };
      out.push(res(T.subnet, `${tier}-${az}`, { id: `subnet-${tier}-${az}`, tags }));
      out.push(
        res(
          T.assoc,
          `${tier}-${az}-assoc`,
          {
            subnetId: `subnet-${tier}-${az}`,
            routeTableId: `rtb-${tier === "public" ? "pub" : tier === "private" ? "priv" : "data"}`,
          },
          { subnetId: [`${tier}-${az}`], routeTableId: [`${tier}-rt`] },
        ),
      );
    }
  }
  return out;
}

/** Stateful resources and compute placed in `tier` subnets. */
function placed(
  dbTier: string,
  nodeTier: string,
  karpenterTags: Record<string, string> = { "karpenter.sh/discovery": "shop" },
): FixtureResource[] {
  const subnets = (t: string) => [`${t}-0`, `${t}-1`];
  return [
    res(
      T.dbSubnets,
      "db-subnets",
      { subnetIds: subnets(dbTier).map((s) => `subnet-${s}`) },
      { subnetIds: subnets(dbTier) },
    ),
    res(
      T.cluster,
      "orders",
      { dbSubnetGroupName: "db-subnets" },
      { dbSubnetGroupName: ["db-subnets"] },
    ),
    res(
      T.cacheSubnets,
      "cache-subnets",
      { subnetIds: subnets(dbTier).map((s) => `subnet-${s}`) },
      { subnetIds: subnets(dbTier) },
    ),
    res(
      T.cache,
      "sessions",
      { subnetGroupName: "cache-subnets" },
      { subnetGroupName: ["cache-subnets"] },
    ),
    res(
      T.nodeGroup,
      "system",
      { subnetIds: subnets(nodeTier).map((s) => `subnet-${s}`) },
      { subnetIds: subnets(nodeTier) },
    ),
    res(T.nodeClass, "general", { spec: { subnetSelectorTerms: [{ tags: karpenterTags }] } }),
  ];
}

describe("policy stack rules (relationships resolved through dependencies and ids)", () => {
  describe("aws-vpc-subnet-enforce-private-placement", () => {
    const rule = "aws-vpc-subnet-enforce-private-placement";
    it("passes stores in data subnets and nodes in private (NAT-routed) subnets", async () => {
      expect(await violations(rule, [...network(), ...placed("data", "private")])).to.deep.equal(
        [],
      );
    });
    it("flags a database and a cache in public subnets", async () => {
      const found = await violations(rule, [...network(), ...placed("public", "private")]);
      expect(found.map((v) => v.message)).to.have.members([
        "orders: uses subnet public-0, which routes to an internet gateway",
        "orders: uses subnet public-1, which routes to an internet gateway",
        "sessions: uses subnet public-0, which routes to an internet gateway",
        "sessions: uses subnet public-1, which routes to an internet gateway",
      ]);
    });
    it("flags a node group in public subnets, resolved by id when no dependency was recorded", async () => {
      const resources = [...network(), ...placed("data", "private")].map((r) =>
        r.type === T.nodeGroup ? { ...r, deps: {}, props: { subnetIds: ["subnet-public-1"] } } : r,
      );
      const found = await violations(rule, resources);
      expect(found.map((v) => v.message)).to.deep.equal([
        "system: uses subnet public-1, which routes to an internet gateway",
      ]);
    });
    it("flags a Karpenter node class whose tag selector matches a public subnet", async () => {
      const found = await violations(rule, [
        ...network(),
        ...placed("data", "private", { "kubernetes.io/role/elb": "1" }),
      ]);
      expect(found.map((v) => v.message)).to.include(
        "general: uses subnet public-0, which routes to an internet gateway",
      );
    });
    it("flags a resource whose subnets cannot be resolved", async () => {
      const found = await violations(rule, [
        ...network(),
        res(T.nodeGroup, "orphan", { subnetIds: ["subnet-unknown"] }),
      ]);
      expect(found.map((v) => v.message)).to.deep.equal([
        "orphan: its subnets cannot be resolved: pass subnet ids from the network outputs",
      ]);
    });
    it("treats an inline IGW route on a route table as an internet route", async () => {
      const resources = network().map((r) =>
        r.name === "data-rt"
          ? {
              ...r,
              props: { ...r.props, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] },
            }
          : r,
      );
      const found = await violations(rule, [...resources, ...placed("data", "private")]);
      expect(found.map((v) => v.message)).to.include(
        "orders: uses subnet data-0, which routes to an internet gateway",
      );
    });
  });

  describe("aws-vpc-subnet-disallow-internet-route-on-data-tier", () => {
    const rule = "aws-vpc-subnet-disallow-internet-route-on-data-tier";
    it("passes the three-tier network", async () => {
      expect(await violations(rule, network())).to.deep.equal([]);
    });
    it("flags data subnets once their table routes to the internet gateway", async () => {
      const leak = res(
        T.route,
        "data-leak",
        { routeTableId: "rtb-data", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" },
        { routeTableId: ["data-rt"], gatewayId: ["igw"] },
      );
      const found = await violations(rule, [...network(), leak]);
      expect(found.map((v) => v.message)).to.have.members([
        "data-0: a data-tier subnet routes to an internet gateway",
        "data-1: a data-tier subnet routes to an internet gateway",
      ]);
    });
  });

  describe("aws-vpc-vpc-missing-flow-log", () => {
    const rule = "aws-vpc-vpc-missing-flow-log";
    it("passes a VPC with an ALL-traffic flow log", async () => {
      expect(await violations(rule, network())).to.deep.equal([]);
    });
    it("flags a VPC without a flow log", async () => {
      expect(
        (
          await violations(
            rule,
            network().filter((r) => r.type !== T.flowLog),
          )
        ).map((v) => v.message),
      ).to.deep.equal(["vpc: no flow log"]);
    });
    it("flags flow logs that capture only rejected traffic", async () => {
      const resources = network().map((r) =>
        r.type === T.flowLog ? { ...r, props: { ...r.props, trafficType: "REJECT" } } : r,
      );
      expect((await violations(rule, resources)).map((v) => v.message)).to.deep.equal([
        "vpc: flow logs do not capture ALL traffic",
      ]);
    });
  });

  describe("S3 companions", () => {
    const bucket = res(T.bucket, "assets", { bucket: "assets-1", arn: "arn:aws:s3:::assets-1" });
    const sse = (algorithm: string, key?: string) =>
      res(
        T.sse,
        "assets-sse",
        {
          bucket: "assets-1",
          rules: [
            {
              applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyId: key },
            },
          ],
        },
        { bucket: ["assets"] },
      );
    const pab = (flags: Partial<Record<string, boolean>> = {}) =>
      res(
        T.pab,
        "assets-pab",
        {
          bucket: "assets-1",
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
          ...flags,
        },
        { bucket: ["assets"] },
      );

    it("aws-s3-bucket-missing-sse-kms: passes SSE-KMS with a key, flags none and AES256", async () => {
      const rule = "aws-s3-bucket-missing-sse-kms";
      expect(await violations(rule, [bucket, sse("aws:kms", "arn:aws:kms:k")])).to.deep.equal([]);
      expect((await violations(rule, [bucket])).map((v) => v.message)).to.deep.equal([
        "assets: no SSE-KMS encryption configuration with a customer key",
      ]);
      expect(await violations(rule, [bucket, sse("AES256")])).to.have.length(1);
    });

    it("aws-s3-bucket-missing-public-access-block: passes all four flags, flags a missing or partial block", async () => {
      const rule = "aws-s3-bucket-missing-public-access-block";
      expect(await violations(rule, [bucket, pab()])).to.deep.equal([]);
      expect(await violations(rule, [bucket])).to.have.length(1);
      expect(
        (await violations(rule, [bucket, pab({ restrictPublicBuckets: false })])).map(
          (v) => v.message,
        ),
      ).to.deep.equal([
        "assets: public access is not fully blocked (BucketPublicAccessBlock with all four flags)",
      ]);
    });

    it("aws-s3-bucket-enable-versioning-for-replication: both ends of a replication rule are versioned", async () => {
      const rule = "aws-s3-bucket-enable-versioning-for-replication";
      const replica = res(T.bucket, "assets-replica", {
        bucket: "assets-replica-1",
        arn: "arn:aws:s3:::assets-replica-1",
      });
      const replication = res(
        T.replication,
        "crr",
        {
          bucket: "assets-1",
          rules: [{ destination: { bucket: "arn:aws:s3:::assets-replica-1" } }],
        },
        { bucket: ["assets"] },
      );
      const versioned = (b: FixtureResource) =>
        res(
          T.versioning,
          `${b.name}-versioning`,
          { bucket: b.props.bucket, versioningConfiguration: { status: "Enabled" } },
          { bucket: [b.name] },
        );
      expect(
        await violations(rule, [
          bucket,
          replica,
          replication,
          versioned(bucket),
          versioned(replica),
        ]),
      ).to.deep.equal([]);
      const found = await violations(rule, [bucket, replica, replication, versioned(bucket)]);
      expect(found.map((v) => v.message)).to.deep.equal([
        "assets-replica: replicated bucket without versioning enabled",
      ]);
    });
  });

  describe("availability companions", () => {
    it("aws-rds-cluster-enforce-multi-az: two instances in two AZs pass; one instance or one AZ warn", async () => {
      const rule = "aws-rds-cluster-enforce-multi-az";
      const cluster = res(T.cluster, "orders", { id: "orders" });
      const instance = (name: string, az: string) =>
        res(
          T.clusterInstance,
          name,
          { clusterIdentifier: "orders", availabilityZone: az },
          { clusterIdentifier: ["orders"] },
        );
      expect(
        await violations(rule, [
          cluster,
          instance("a", "ap-south-1a"),
          instance("b", "ap-south-1b"),
        ]),
      ).to.deep.equal([]);
      const single = await violations(rule, [cluster, instance("a", "ap-south-1a")]);
      expect(single.map((v) => [v.level, v.message])).to.deep.equal([
        ["advisory", "orders: 1 instance(s); at least 2 are needed for a failover target"],
      ]);
      expect(
        (
          await violations(rule, [
            cluster,
            instance("a", "ap-south-1a"),
            instance("b", "ap-south-1a"),
          ])
        ).map((v) => v.message),
      ).to.deep.equal(["orders: all instances are in one AZ"]);
    });

    it("aws-sqs-queue-missing-redrive-policy: a queue with a DLQ passes, the DLQ itself is exempt, a bare queue warns", async () => {
      const rule = "aws-sqs-queue-missing-redrive-policy";
      const dlq = res(T.queue, "orders-dlq", { arn: "arn:aws:sqs:ap-south-1:1:orders-dlq" });
      const main = res(
        T.queue,
        "orders",
        {
          redrivePolicy: JSON.stringify({
            deadLetterTargetArn: "arn:aws:sqs:ap-south-1:1:orders-dlq",
            maxReceiveCount: 5,
          }),
        },
        { redrivePolicy: ["orders-dlq"] },
      );
      expect(await violations(rule, [dlq, main])).to.deep.equal([]);
      const bare = res(T.queue, "payments", { arn: "arn:aws:sqs:ap-south-1:1:payments" });
      expect((await violations(rule, [dlq, main, bare])).map((v) => v.message)).to.deep.equal([
        "payments: no redrive policy to a dead-letter queue",
      ]);
    });

    it("aws-wafv2-webacl-missing-logging: a web ACL needs a logging configuration", async () => {
      const rule = "aws-wafv2-webacl-missing-logging";
      const acl = res(T.acl, "shop", { arn: "arn:aws:wafv2:us-east-1:1:global/webacl/shop/x" });
      const logging = res(
        T.aclLogging,
        "shop-logging",
        { resourceArn: "arn:aws:wafv2:us-east-1:1:global/webacl/shop/x" },
        { resourceArn: ["shop"] },
      );
      expect(await violations(rule, [acl, logging])).to.deep.equal([]);
      expect((await violations(rule, [acl])).map((v) => v.message)).to.deep.equal([
        "shop: no logging configuration",
      ]);
    });
  });

  describe("threat detection and compliance", () => {
    const detector = res(T.detector, "guardduty", { id: "d-1", enable: true });
    const feature = (name: string, extra: Record<string, unknown> = {}) =>
      res(
        T.feature,
        `guardduty-${name.toLowerCase()}`,
        { detectorId: "d-1", name, status: "ENABLED", ...extra },
        { detectorId: ["guardduty"] },
      );
    const runtime = feature("EKS_RUNTIME_MONITORING", {
      additionalConfigurations: [{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }],
    });
    const audit = feature("EKS_AUDIT_LOGS");

    it("aws-guardduty-detector-enable-runtime-monitoring: runtime monitoring with the agent and audit logs", async () => {
      const rule = "aws-guardduty-detector-enable-runtime-monitoring";
      expect(await violations(rule, [detector, runtime, audit])).to.deep.equal([]);
      // Resolved by id alone, as when no dependency was recorded.
      const byId = { ...runtime, deps: {} };
      expect(await violations(rule, [detector, byId, { ...audit, deps: {} }])).to.deep.equal([]);
      expect((await violations(rule, [detector, audit])).map((v) => v.message)).to.deep.equal([
        "guardduty: runtime monitoring is off",
      ]);
      const noAgent = feature("EKS_RUNTIME_MONITORING");
      expect(
        (await violations(rule, [detector, noAgent, audit])).map((v) => v.message),
      ).to.deep.equal([
        "guardduty: runtime monitoring without EKS_ADDON_MANAGEMENT: no agent reaches the nodes",
      ]);
      const disabled = feature("EKS_AUDIT_LOGS", { status: "DISABLED" });
      expect(
        (await violations(rule, [detector, runtime, disabled])).map((v) => v.message),
      ).to.deep.equal(["guardduty: EKS audit-log monitoring is off"]);
      // Another detector's features do not count.
      const other = res(T.detector, "other", { id: "d-2", enable: true });
      expect(
        (await violations(rule, [detector, other, runtime, audit])).map((v) => v.message),
      ).to.deep.equal([
        "other: runtime monitoring is off",
        "other: EKS audit-log monitoring is off",
      ]);
    });

    it("aws-securityhub-account-enable-standards: FSBP, CIS and PCI DSS in the hub's region", async () => {
      const rule = "aws-securityhub-account-enable-standards";
      const hub = res(T.hub, "hub", { region: "ap-south-1" });
      const sub = (path: string, region = "ap-south-1") =>
        res(T.standard, `hub-${path.split("/")[0]}-${region}`, {
          region,
          standardsArn: `arn:aws:securityhub:${region}::standards/${path}`,
        });
      const fsbp = sub("aws-foundational-security-best-practices/v/1.0.0");
      const cis = sub("cis-aws-foundations-benchmark/v/3.0.0");
      const pci = sub("pci-dss/v/4.0.1");
      expect(await violations(rule, [hub, fsbp, cis, pci])).to.deep.equal([]);
      expect((await violations(rule, [hub, fsbp, cis])).map((v) => v.message)).to.deep.equal([
        "hub: PCI DSS is not subscribed",
      ]);
      // A subscription in another region does not cover this hub.
      const elsewhere = sub("pci-dss/v/4.0.1", "ap-southeast-1");
      expect(
        (await violations(rule, [hub, fsbp, cis, elsewhere])).map((v) => v.message),
      ).to.deep.equal(["hub: PCI DSS is not subscribed"]);
    });
  });

  describe("eks-component-configure-control-plane-log-group", () => {
    const rule = "eks-component-configure-control-plane-log-group";
    const LOGS = "aws:cloudwatch/logGroup:LogGroup";
    const group = (props: Record<string, unknown> = {}) =>
      res(LOGS, "cp-logs", {
        name: "/aws/eks/shop/cluster",
        retentionInDays: 365,
        kmsKeyId: "arn:aws:kms:ap-south-1:123456789012:key/k",
        ...props,
      });
    const cluster = (deps: Record<string, string[]> = { dependsOn: ["cp-logs"] }) =>
      res("eks:index:Cluster", "shop", { name: "shop", enabledClusterLogTypes: ["audit"] }, deps);

    it("passes a cluster that depends on its keyed, retained log group", async () => {
      expect(await violations(rule, [group(), cluster()])).to.deep.equal([]);
    });

    for (const [title, resources, message] of [
      ["no log group", [cluster({})], /no log group \/aws\/eks\/shop\/cluster/],
      [
        "no retention",
        [group({ retentionInDays: undefined }), cluster()],
        /has no retentionInDays/,
      ],
      ["no key", [group({ kmsKeyId: undefined }), cluster()], /has no kmsKeyId/],
      ["no dependency", [group(), cluster({})], /does not depend on/],
    ] as const) {
      it(`flags ${title}`, async () => {
        const found = await violations(rule, [...resources]);
        expect(found.map((v) => v.message).join("\n")).to.match(message);
      });
    }
  });

  describe("kubernetes-namespace-missing-default-deny", () => {
    const rule = "kubernetes-namespace-missing-default-deny";
    const NS = "kubernetes:core/v1:Namespace";
    const NP = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    const shop = res(NS, "shop", { metadata: { name: "shop" } });
    const deny = (spec: Record<string, unknown> = {}, namespace = "shop") =>
      res(NP, `deny-${namespace}`, {
        metadata: { name: "default-deny", namespace },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"], ...spec },
      });

    it("passes a namespace with a default-deny policy", async () => {
      expect(await violations(rule, [shop, deny()])).to.deep.equal([]);
    });

    for (const [title, policies] of [
      ["no policy", []],
      ["a deny in another namespace", [deny({}, "other")]],
      ["an ingress-only deny", [deny({ policyTypes: ["Ingress"] })]],
      ["a policy that admits traffic", [deny({ ingress: [{ from: [{ podSelector: {} }] }] })]],
      ["a policy for some pods only", [deny({ podSelector: { matchLabels: { app: "cart" } } })]],
    ] as const) {
      it(`flags ${title}`, async () => {
        const found = await violations(rule, [shop, ...policies]);
        expect(found.map((v) => v.message)).to.deep.equal([
          "shop: namespace shop has no default-deny NetworkPolicy",
        ]);
      });
    }
  });

  describe("resolution edge cases", () => {
    it("ignores dependencies on components and stack references when resolving subnets", async () => {
      const rule = "aws-vpc-subnet-enforce-private-placement";
      // subnetIds came through a component output: the dependency list names the component too.
      const component = res("ecommerce:network:Network", "network", {});
      const nodes = res(
        T.nodeGroup,
        "system",
        { subnetIds: ["subnet-public-0"] },
        { subnetIds: ["network", "public-0"] },
      );
      expect(
        (await violations(rule, [...network(), component, nodes])).map((v) => v.message),
      ).to.deep.equal(["system: uses subnet public-0, which routes to an internet gateway"]);
    });

    it("follows a subnet without an explicit association to the VPC's main route table", async () => {
      const rule = "aws-vpc-subnet-disallow-internet-route-on-data-tier";
      const orphan = res(
        T.subnet,
        "data-9",
        { id: "subnet-data-9", vpcId: "vpc-1", tags: { tier: "data" } },
        { vpcId: ["vpc"] },
      );
      const mainTable = res(
        "aws:ec2/defaultRouteTable:DefaultRouteTable",
        "main",
        {
          id: "rtb-main",
          defaultRouteTableId: "rtb-main",
          routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }],
        },
        { defaultRouteTableId: ["vpc"] },
      );
      expect(await violations(rule, [...network(), orphan])).to.deep.equal([]);
      expect(
        (await violations(rule, [...network(), orphan, mainTable])).map((v) => v.message),
      ).to.deep.equal(["data-9: a data-tier subnet routes to an internet gateway"]);
    });

    it("matches S3 companions by dependency alone, and not to a different bucket", async () => {
      const rule = "aws-s3-bucket-missing-public-access-block";
      const bucket = res(T.bucket, "assets", { bucket: "assets-1" });
      const flags = {
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      };
      // Dependency only: the block's bucket input is an unknown-looking value.
      expect(
        await violations(rule, [
          bucket,
          res(T.pab, "pab", { bucket: "[unknown]", ...flags }, { bucket: ["assets"] }),
        ]),
      ).to.deep.equal([]);
      // A block for another bucket does not count, even by dependency.
      const other = res(T.bucket, "web", { bucket: "web-1" });
      const found = await violations(rule, [
        bucket,
        other,
        res(T.pab, "pab", { bucket: "web-1", ...flags }, { bucket: ["web"] }),
      ]);
      expect(found.map((v) => v.message)).to.deep.equal([
        "assets: public access is not fully blocked (BucketPublicAccessBlock with all four flags)",
      ]);
    });

    it("lets a log-delivery bucket use SSE-S3 but still requires default encryption", async () => {
      const rule = "aws-s3-bucket-missing-sse-kms";
      const logs = res(T.bucket, "logs", { bucket: "logs-1", tags: { "log-delivery": "true" } });
      const aes = res(
        T.sse,
        "logs-sse",
        {
          bucket: "logs-1",
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        },
        { bucket: ["logs"] },
      );
      expect(await violations(rule, [logs, aes])).to.deep.equal([]);
      expect((await violations(rule, [logs])).map((v) => v.message)).to.deep.equal([
        "logs: log-delivery bucket without default encryption (SSE-S3 or SSE-KMS)",
      ]);
    });
  });

  describePackStackRules(network);

  // Mocha runs a suite's own tests before its nested suites; a last nested suite runs after them all.
  describe("coverage", () => {
    it("produced a violation for every stack rule in the scenarios above", () => {
      const stackRules = rules.filter((r) => r.kind === "stack").map((r) => r.name);
      expect(stackRules.filter((name) => !violatedRules.has(name))).to.deep.equal([]);
    });
  });
});
