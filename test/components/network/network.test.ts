import { expect } from "chai";
import { StackPlan } from "../../../offline/plan";
import { byId, every, named, ofType, plan, the } from "../../helpers";

const T = {
  network: "ecommerce:network:Network",
  subnet: "aws:ec2/subnet:Subnet",
  nat: "aws:ec2/natGateway:NatGateway",
  eip: "aws:ec2/eip:Eip",
  route: "aws:ec2/route:Route",
  routeTable: "aws:ec2/routeTable:RouteTable",
  assoc: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
  flowLog: "aws:ec2/flowLog:FlowLog",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  key: "aws:kms/key:Key",
};

type Tags = Record<string, string>;
const tier = (r: { inputs: Record<string, unknown> }) => (r.inputs.tags as Tags).tier;

/** Route-table id → the tiers of the subnets associated with it. */
function tiersByRouteTable(p: StackPlan): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const a of every(p, T.assoc)) {
    const subnet = byId(p, a.inputs.subnetId);
    const rt = String(a.inputs.routeTableId);
    if (!result.has(rt)) result.set(rt, new Set());
    result.get(rt)?.add(subnet ? tier(subnet) : "?");
  }
  return result;
}

describe("components/network (recorded offline run)", () => {
  let prod: StackPlan;

  before(async () => {
    prod = await plan("prod-mumbai");
  });

  it("builds 3 tiers × 3 AZs of subnets, one of each tier per AZ, inside the VPC's /16 layout", () => {
    const subnets = ofType(prod, T.subnet);
    expect(subnets).to.have.length(9);
    for (const t of ["public", "private", "data"]) {
      const inTier = subnets.filter((s) => tier(s) === t);
      expect(inTier.map((s) => s.inputs.availabilityZone)).to.have.members([
        "ap-south-1a",
        "ap-south-1b",
        "ap-south-1c",
      ]);
    }
    expect(named(prod, "network-private-0").inputs.cidrBlock).to.equal("10.10.0.0/19");
    expect(named(prod, "network-data-2").inputs.cidrBlock).to.equal("10.10.232.0/22");
  });

  it("never maps public IPs on launch, in any tier", () => {
    for (const s of every(prod, T.subnet)) {
      expect(s.inputs.mapPublicIpOnLaunch, s.name).to.equal(false);
    }
  });

  it("leaves the cluster tag to EKS's own security group, so nodes carry exactly one", () => {
    const workloads = the(prod, "aws:ec2/securityGroup:SecurityGroup", "network-workloads");
    const tags = workloads.inputs.tags as Tags;
    expect(tags["karpenter.sh/discovery"]).to.equal("ecommerce-prod-mumbai");
    expect(Object.keys(tags).filter((k) => k.startsWith("kubernetes.io/cluster/"))).to.deep.equal(
      [],
    );
  });

  it("tags subnets for ELB and Karpenter discovery", () => {
    for (const s of every(prod, T.subnet)) {
      const tags = s.inputs.tags as Tags;
      expect(tags["kubernetes.io/cluster/ecommerce-prod-mumbai"]).to.equal("shared");
      if (tier(s) === "public") expect(tags["kubernetes.io/role/elb"]).to.equal("1");
      if (tier(s) === "private") {
        expect(tags["kubernetes.io/role/internal-elb"]).to.equal("1");
        expect(tags["karpenter.sh/discovery"]).to.equal("ecommerce-prod-mumbai");
      }
      if (tier(s) === "data")
        expect(tags).not.to.have.any.keys(
          "karpenter.sh/discovery",
          "kubernetes.io/role/internal-elb",
        );
    }
  });

  it("routes public subnets to the internet gateway and private subnets to a NAT in their own AZ", () => {
    const tiers = tiersByRouteTable(prod);
    for (const route of every(prod, T.route)) {
      const routeTiers = [...(tiers.get(String(route.inputs.routeTableId)) ?? [])];
      expect(route.inputs.destinationCidrBlock).to.equal("0.0.0.0/0");
      if (route.inputs.gatewayId) {
        expect(routeTiers).to.deep.equal(["public"]);
        expect(byId(prod, route.inputs.gatewayId)?.type).to.equal(
          "aws:ec2/internetGateway:InternetGateway",
        );
      } else {
        expect(routeTiers).to.deep.equal(["private"]);
        const nat = byId(prod, route.inputs.natGatewayId);
        expect(nat?.type).to.equal(T.nat);
        const natSubnet = byId(prod, nat?.inputs.subnetId);
        expect(natSubnet && tier(natSubnet)).to.equal("public");
        // Same AZ as the private subnets behind this table: an AZ outage never cuts another's egress.
        const servedAzs = ofType(prod, T.assoc)
          .filter((a) => a.inputs.routeTableId === route.inputs.routeTableId)
          .map((a) => byId(prod, a.inputs.subnetId)?.inputs.availabilityZone);
        expect(servedAzs).to.deep.equal([natSubnet?.inputs.availabilityZone]);
      }
    }
    expect(ofType(prod, T.route)).to.have.length(4);
  });

  it("gives the data tier no route to the internet at all", () => {
    const tiers = tiersByRouteTable(prod);
    const dataTables = [...tiers.entries()].filter(([, t]) => t.has("data")).map(([rt]) => rt);
    expect(dataTables).to.have.length(1);
    expect([...(tiers.get(dataTables[0]) ?? [])]).to.deep.equal(["data"]);
    const routesOnData = ofType(prod, T.route).filter((r) =>
      dataTables.includes(String(r.inputs.routeTableId)),
    );
    expect(routesOnData).to.deep.equal([]);
  });

  it("creates one NAT gateway per AZ in the primary, with an EIP each", () => {
    expect(ofType(prod, T.nat)).to.have.length(3);
    expect(ofType(prod, T.eip)).to.have.length(3);
    const natSubnets = ofType(prod, T.nat).map(
      (n) => byId(prod, n.inputs.subnetId)?.inputs.availabilityZone,
    );
    expect(natSubnets).to.have.members(["ap-south-1a", "ap-south-1b", "ap-south-1c"]);
  });

  it("creates one NAT gateway for a resting standby and one per AZ after failover", async () => {
    const resting = await plan("dr-singapore");
    expect(ofType(resting, T.nat)).to.have.length(1);
    const privateRoutes = ofType(resting, T.route).filter((r) => r.inputs.natGatewayId);
    expect(new Set(privateRoutes.map((r) => r.inputs.natGatewayId)).size).to.equal(1);
    const failedOver = await plan("dr-singapore", ["dr-singapore:ecommerce:dr.mode=failover"]);
    expect(ofType(failedOver, T.nat)).to.have.length(3);
  });

  it("sends all VPC traffic to a KMS-encrypted flow-log group with retention", () => {
    const vpc = ofType(prod, "aws:ec2/vpc:Vpc")[0];
    expect(vpc.inputs).to.include({
      enableDnsHostnames: true,
      enableDnsSupport: true,
      cidrBlock: "10.10.0.0/16",
    });
    const [flowLog] = ofType(prod, T.flowLog);
    expect(flowLog.inputs).to.include({
      vpcId: vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
    });
    const group = ofType(prod, T.logGroup).find(
      (g) => g.outputs.arn === flowLog.inputs.logDestination,
    );
    expect(group, "flow log destination").to.not.equal(undefined);
    expect(group?.inputs.retentionInDays).to.equal(365);
    const key = ofType(prod, T.key).find((k) => k.outputs.arn === group?.inputs.kmsKeyId);
    expect(key?.inputs.enableKeyRotation).to.equal(true);
    expect(key?.protect, "the key is protected").to.equal(true);
    const keyPolicy = JSON.parse(String(key?.inputs.policy));
    const logsStatement = keyPolicy.Statement.find(
      (s: { Sid: string }) => s.Sid === "CloudWatchLogsUse",
    );
    expect(logsStatement.Principal.Service).to.equal("logs.ap-south-1.amazonaws.com");
  });

  it("scopes the flow-log role to its own log group", () => {
    const role = the(prod, "aws:iam/role:Role", "network-flow-logs");
    const trust = JSON.parse(String(role.inputs.assumeRolePolicy));
    expect(trust.Statement[0].Principal.Service).to.equal("vpc-flow-logs.amazonaws.com");
    expect(trust.Statement[0].Condition.StringEquals["aws:SourceAccount"]).to.equal("123456789012");
    const policy = JSON.parse(
      String(the(prod, "aws:iam/rolePolicy:RolePolicy", "network-flow-logs").inputs.policy),
    );
    const group = the(prod, T.logGroup, "network-flow-logs");
    expect(policy.Statement[0].Resource).to.deep.equal([
      group.outputs.arn,
      `${group.outputs.arn}:*`,
    ]);
  });

  it("adds S3/DynamoDB gateway endpoints to private and data route tables, never the public one", () => {
    const gateways = ofType(prod, T.endpoint).filter((e) => e.inputs.vpcEndpointType === "Gateway");
    expect(gateways.map((g) => g.inputs.serviceName)).to.have.members([
      "com.amazonaws.ap-south-1.s3",
      "com.amazonaws.ap-south-1.dynamodb",
    ]);
    const tiers = tiersByRouteTable(prod);
    for (const g of gateways) {
      const served = (g.inputs.routeTableIds as string[]).flatMap((rt) => [
        ...(tiers.get(rt) ?? []),
      ]);
      expect(served.sort()).to.deep.equal(["data", "private", "private", "private"]);
    }
  });

  it("adds interface endpoints with private DNS in the private subnets behind an HTTPS-only group", () => {
    const interfaces = ofType(prod, T.endpoint).filter(
      (e) => e.inputs.vpcEndpointType === "Interface",
    );
    const services = interfaces.map((e) =>
      String(e.inputs.serviceName).replace("com.amazonaws.ap-south-1.", ""),
    );
    expect(services).to.have.members([
      "ecr.api",
      "ecr.dkr",
      "sts",
      "logs",
      "secretsmanager",
      "sqs",
    ]);
    const sg = named(prod, "network-endpoints");
    const privateIds = ofType(prod, T.subnet)
      .filter((s) => tier(s) === "private")
      .map((s) => s.id);
    for (const e of interfaces) {
      expect(e.inputs.privateDnsEnabled).to.equal(true);
      expect(e.inputs.securityGroupIds).to.deep.equal([sg.id]);
      expect(e.inputs.subnetIds).to.have.members(privateIds);
    }
    const ingress = ofType(
      prod,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    ).filter((r) => r.inputs.securityGroupId === sg.id);
    expect(
      ingress.map((r) => [r.inputs.cidrIpv4, r.inputs.fromPort, r.inputs.toPort]),
    ).to.deep.equal([["10.10.0.0/16", 443, 443]]);
  });

  it("strips the default security group and admits only groups, never addresses, into the workloads group", () => {
    const dsg = ofType(prod, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")[0];
    expect(dsg.inputs.ingress ?? []).to.deep.equal([]);
    expect(dsg.inputs.egress ?? []).to.deep.equal([]);
    const workloads = named(prod, "network-workloads");
    const ingress = ofType(
      prod,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    ).filter((r) => r.inputs.securityGroupId === workloads.id);
    // Itself (node to node, pod to pod) and the edge's internal ALB on the gateway ports.
    const sources = ingress.map((r) => [
      r.inputs.referencedSecurityGroupId,
      r.inputs.fromPort ?? "all",
    ]);
    const alb = named(prod, "edge-alb");
    expect(sources).to.have.deep.members([
      [workloads.id, "all"],
      [alb.id, 8080],
      [alb.id, 15021],
    ]);
    expect(ingress.every((r) => r.inputs.cidrIpv4 === undefined)).to.equal(true);
    expect(prod.outputs.workloadSecurityGroupId).to.equal(workloads.id);
  });

  it("parents every child to the component and exports the network outputs", () => {
    const [component] = ofType(prod, T.network);
    const children = prod.resources.filter(
      (r) => r.custom && !r.read && r.urn.includes("ecommerce:network:Network$"),
    );
    expect(children.length).to.equal(54);
    for (const child of children) {
      expect(child.parent, child.name).to.equal(component.urn);
      expect(child.name.startsWith("network-"), child.name).to.equal(true);
    }
    expect(prod.outputs).to.include.keys(
      "vpcId",
      "vpcCidr",
      "publicSubnetIds",
      "privateSubnetIds",
      "dataSubnetIds",
      "privateRouteTableIds",
      "dataRouteTableId",
    );
    expect(prod.outputs.dataSubnetIds).to.have.members(
      ofType(prod, T.subnet)
        .filter((s) => tier(s) === "data")
        .map((s) => s.id),
    );
  });

  it("turns protect off for the flow-log key only when ecommerce:protect is false", async () => {
    const unprotected = await plan("prod-mumbai", ["prod-mumbai:ecommerce:protect=false"]);
    expect(ofType(unprotected, T.key)[0].protect).to.equal(false);
  });

  it("keeps existing subnets in place when azCount grows from 3 to 4", async () => {
    const four = await plan("prod-mumbai", [
      "prod-mumbai:ecommerce:network.azCount=4",
      "prod-mumbai:ecommerce:network.availabilityZones=[ap-south-1a, ap-south-1b, ap-south-1c, ap-south-1d]",
    ]);
    expect(ofType(four, T.subnet)).to.have.length(12);
    for (const s of every(prod, T.subnet)) {
      expect(named(four, s.name).inputs.cidrBlock, s.name).to.equal(s.inputs.cidrBlock);
    }
  });
});
