import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../shared/iamDocuments";
import { encryptedLogGroup } from "../shared/logGroup";
import { PlannedSubnet, Tier, planSubnets } from "./cidr";

/** Interface endpoints every stack needs so nodes reach AWS APIs without the NAT path. */
export const DEFAULT_INTERFACE_ENDPOINTS = [
  "ecr.api",
  "ecr.dkr",
  "sts",
  "logs",
  "secretsmanager",
  "sqs",
];
/** Gateway endpoints: free, and keep S3/DynamoDB traffic (image layers, carts) off the NAT. */
export const GATEWAY_ENDPOINTS = ["s3", "dynamodb"];

export interface NetworkArgs {
  /** The stack's region; used for endpoint service names and the Logs key policy. */
  region: string;
  /** Account id, for the flow-log key policy and the confused-deputy guard on the flow-log role. */
  accountId: pulumi.Input<string>;
  /** VPC CIDR, /16–/20 (validated by stack config; the planner rejects anything else). */
  cidr: string;
  /** AZ names, one per AZ used; the subnet of AZ `i` keeps its CIDR when more AZs are added. */
  availabilityZones: string[];
  /** `perAz`: one NAT gateway per AZ (no cross-AZ dependency). `single`: one NAT for all AZs. */
  natGateways: "perAz" | "single";
  /** Name of the EKS cluster that will use this VPC: ELB and Karpenter discovery tags carry it. */
  clusterName: string;
  /** Prefix for AWS `Name` tags and physical names, unique per account and region. */
  namePrefix: string;
  /** Retention of the flow-log group in days (a CloudWatch-accepted value). */
  flowLogRetentionDays: number;
  /** Interface endpoints (service suffixes). Default: {@link DEFAULT_INTERFACE_ENDPOINTS}. */
  interfaceEndpoints?: string[];
  /** Pulumi `protect` for the flow-log key: losing it makes the logs unreadable. Default true. */
  protect?: boolean;
}

/**
 * A three-tier VPC built from plain `aws.ec2` resources, so every subnet, route and NAT is
 * visible to tests and to the policy pack: public (load balancers, NAT), private (nodes and
 * pods, egress through NAT) and data (databases and caches, no route to the internet at all).
 */
export class Network extends pulumi.ComponentResource {
  public readonly vpcId: pulumi.Output<string>;
  public readonly cidr: pulumi.Output<string>;
  public readonly publicSubnetIds: pulumi.Output<string[]>;
  public readonly privateSubnetIds: pulumi.Output<string[]>;
  public readonly dataSubnetIds: pulumi.Output<string[]>;
  public readonly publicRouteTableId: pulumi.Output<string>;
  public readonly privateRouteTableIds: pulumi.Output<string[]>;
  public readonly dataRouteTableId: pulumi.Output<string>;
  /** Carried by the cluster's nodes and pods; data stores admit this group only. */
  public readonly workloadSecurityGroupId: pulumi.Output<string>;
  public readonly endpointSecurityGroupId: pulumi.Output<string>;
  public readonly natGatewayIds: pulumi.Output<string[]>;
  public readonly flowLogGroupName: pulumi.Output<string>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("ecommerce:network:Network", name, {}, opts);
    const azs = args.availabilityZones;
    const plan = planSubnets(args.cidr, azs.length);
    const parent = { parent: this };
    const tag = (suffix: string, extra: Record<string, string> = {}) => ({
      Name: `${args.namePrefix}-${suffix}`,
      ...extra,
    });

    const vpc = new aws.ec2.Vpc(
      `${name}-vpc`,
      { cidrBlock: args.cidr, enableDnsHostnames: true, enableDnsSupport: true, tags: tag("vpc") },
      parent,
    );
    // Strip every rule from the default security group so nothing can use it by accident (CIS 5.4).
    new aws.ec2.DefaultSecurityGroup(
      `${name}-default-sg`,
      { vpcId: vpc.id, tags: tag("default-closed") },
      parent,
    );

    const subnets = this.createSubnets(name, args, plan, vpc, tag);
    const igw = new aws.ec2.InternetGateway(
      `${name}-igw`,
      { vpcId: vpc.id, tags: tag("igw") },
      parent,
    );

    // Public tier: one route table with the only internet-gateway route in the VPC.
    const publicRt = new aws.ec2.RouteTable(
      `${name}-public-rt`,
      { vpcId: vpc.id, tags: tag("public") },
      parent,
    );
    new aws.ec2.Route(
      `${name}-public-internet`,
      { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id },
      parent,
    );
    subnets.public.forEach(
      (s, i) =>
        new aws.ec2.RouteTableAssociation(
          `${name}-public-${i}`,
          { subnetId: s.id, routeTableId: publicRt.id },
          parent,
        ),
    );

    // NAT: one per AZ keeps an AZ outage from cutting egress elsewhere; `single` saves cost.
    const natCount = args.natGateways === "perAz" ? azs.length : 1;
    const nats = Array.from({ length: natCount }, (_, i) => {
      const eip = new aws.ec2.Eip(
        `${name}-nat-${i}`,
        { domain: "vpc", tags: tag(`nat-${azs[i]}`) },
        parent,
      );
      return new aws.ec2.NatGateway(
        `${name}-nat-${i}`,
        {
          allocationId: eip.id,
          subnetId: subnets.public[i].id,
          connectivityType: "public",
          tags: tag(`nat-${azs[i]}`),
        },
        { parent: this, dependsOn: [igw] },
      );
    });

    // Private tier: a route table per AZ, default route to that AZ's NAT (or the single one).
    const privateRts = subnets.private.map((s, i) => {
      const rt = new aws.ec2.RouteTable(
        `${name}-private-rt-${i}`,
        { vpcId: vpc.id, tags: tag(`private-${azs[i]}`) },
        parent,
      );
      new aws.ec2.Route(
        `${name}-private-egress-${i}`,
        {
          routeTableId: rt.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nats[Math.min(i, natCount - 1)].id,
        },
        parent,
      );
      new aws.ec2.RouteTableAssociation(
        `${name}-private-${i}`,
        { subnetId: s.id, routeTableId: rt.id },
        parent,
      );
      return rt;
    });

    // Data tier: local routes only (plus gateway endpoints). No internet route, by construction.
    const dataRt = new aws.ec2.RouteTable(
      `${name}-data-rt`,
      { vpcId: vpc.id, tags: tag("data") },
      parent,
    );
    subnets.data.forEach(
      (s, i) =>
        new aws.ec2.RouteTableAssociation(
          `${name}-data-${i}`,
          { subnetId: s.id, routeTableId: dataRt.id },
          parent,
        ),
    );

    const workloadSg = this.createWorkloadSecurityGroup(name, args.clusterName, vpc, tag);
    const endpointSg = this.createEndpoints(
      name,
      args,
      vpc,
      subnets.private,
      [...privateRts, dataRt],
      tag,
    );
    const flowLogGroup = this.createFlowLogs(name, args, vpc, tag);

    this.vpcId = vpc.id;
    this.cidr = vpc.cidrBlock;
    this.publicSubnetIds = pulumi.output(subnets.public.map((s) => s.id));
    this.privateSubnetIds = pulumi.output(subnets.private.map((s) => s.id));
    this.dataSubnetIds = pulumi.output(subnets.data.map((s) => s.id));
    this.publicRouteTableId = publicRt.id;
    this.privateRouteTableIds = pulumi.output(privateRts.map((rt) => rt.id));
    this.dataRouteTableId = dataRt.id;
    this.workloadSecurityGroupId = workloadSg.id;
    this.endpointSecurityGroupId = endpointSg.id;
    this.natGatewayIds = pulumi.output(nats.map((n) => n.id));
    this.flowLogGroupName = flowLogGroup.name;
    this.registerOutputs({
      vpcId: this.vpcId,
      cidr: this.cidr,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      dataSubnetIds: this.dataSubnetIds,
      publicRouteTableId: this.publicRouteTableId,
      privateRouteTableIds: this.privateRouteTableIds,
      dataRouteTableId: this.dataRouteTableId,
      workloadSecurityGroupId: this.workloadSecurityGroupId,
      endpointSecurityGroupId: this.endpointSecurityGroupId,
      natGatewayIds: this.natGatewayIds,
      flowLogGroupName: this.flowLogGroupName,
    });
  }

  private createSubnets(
    name: string,
    args: NetworkArgs,
    plan: PlannedSubnet[],
    vpc: aws.ec2.Vpc,
    tag: (suffix: string, extra?: Record<string, string>) => Record<string, string>,
  ): Record<Tier, aws.ec2.Subnet[]> {
    // ELB discovery for the load balancer controller; Karpenter discovers its subnets by tag.
    const tierTags: Record<Tier, Record<string, string>> = {
      public: { "kubernetes.io/role/elb": "1" },
      private: {
        "kubernetes.io/role/internal-elb": "1",
        "karpenter.sh/discovery": args.clusterName,
      },
      data: {},
    };
    const result: Record<Tier, aws.ec2.Subnet[]> = { public: [], private: [], data: [] };
    for (const planned of plan) {
      const az = args.availabilityZones[planned.azIndex];
      result[planned.tier].push(
        new aws.ec2.Subnet(
          `${name}-${planned.tier}-${planned.azIndex}`,
          {
            vpcId: vpc.id,
            cidrBlock: planned.cidr,
            availabilityZone: az,
            // Nothing launches with a public IP, not even in the public tier: NAT uses an EIP and
            // load balancers get their own addresses.
            mapPublicIpOnLaunch: false,
            tags: tag(`${planned.tier}-${az}`, {
              tier: planned.tier,
              [`kubernetes.io/cluster/${args.clusterName}`]: "shared",
              ...tierTags[planned.tier],
            }),
          },
          { parent: this },
        ),
      );
    }
    return result;
  }

  private createWorkloadSecurityGroup(
    name: string,
    clusterName: string,
    vpc: aws.ec2.Vpc,
    tag: (suffix: string) => Record<string, string>,
  ): aws.ec2.SecurityGroup {
    const sg = new aws.ec2.SecurityGroup(
      `${name}-workloads`,
      {
        vpcId: vpc.id,
        description: "EKS nodes and pods of the shop; data stores admit only this group",
        // Karpenter selects node security groups by the discovery tag. No cluster tag: EKS's own
        // cluster security group, on every node too, carries `kubernetes.io/cluster/<name>`, and
        // the load balancer controller needs exactly one group on an ENI tagged so before it can
        // manage a target's ingress ("expected exactly one securityGroup tagged with …",
        // pkg/networking/networking_manager.go at v2.13.3).
        tags: {
          ...tag("workloads"),
          "karpenter.sh/discovery": clusterName,
        },
      },
      { parent: this },
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-workloads-self`,
      {
        securityGroupId: sg.id,
        referencedSecurityGroupId: sg.id,
        ipProtocol: "-1",
        description: "node-to-node and pod-to-pod traffic",
      },
      { parent: this },
    );
    new aws.vpc.SecurityGroupEgressRule(
      `${name}-workloads-egress`,
      {
        securityGroupId: sg.id,
        cidrIpv4: "0.0.0.0/0",
        ipProtocol: "-1",
        description: "image pulls and AWS APIs via NAT and endpoints",
      },
      { parent: this },
    );
    return sg;
  }

  private createEndpoints(
    name: string,
    args: NetworkArgs,
    vpc: aws.ec2.Vpc,
    privateSubnets: aws.ec2.Subnet[],
    gatewayRouteTables: aws.ec2.RouteTable[],
    tag: (suffix: string) => Record<string, string>,
  ): aws.ec2.SecurityGroup {
    const sg = new aws.ec2.SecurityGroup(
      `${name}-endpoints`,
      {
        vpcId: vpc.id,
        description: "Interface VPC endpoints: HTTPS from inside the VPC only",
        tags: tag("endpoints"),
      },
      { parent: this },
    );
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-endpoints-https`,
      {
        securityGroupId: sg.id,
        cidrIpv4: args.cidr,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        description: "HTTPS from the VPC",
      },
      { parent: this },
    );
    for (const service of GATEWAY_ENDPOINTS) {
      new aws.ec2.VpcEndpoint(
        `${name}-${service}`,
        {
          vpcId: vpc.id,
          serviceName: `com.amazonaws.${args.region}.${service}`,
          vpcEndpointType: "Gateway",
          routeTableIds: gatewayRouteTables.map((rt) => rt.id),
          tags: tag(`${service}-endpoint`),
        },
        { parent: this },
      );
    }
    for (const service of args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS) {
      new aws.ec2.VpcEndpoint(
        `${name}-${service.replace(/\./g, "-")}`,
        {
          vpcId: vpc.id,
          serviceName: `com.amazonaws.${args.region}.${service}`,
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: privateSubnets.map((s) => s.id),
          securityGroupIds: [sg.id],
          tags: tag(`${service}-endpoint`),
        },
        { parent: this },
      );
    }
    return sg;
  }

  private createFlowLogs(
    name: string,
    args: NetworkArgs,
    vpc: aws.ec2.Vpc,
    tag: (suffix: string) => Record<string, string>,
  ): aws.cloudwatch.LogGroup {
    const group = encryptedLogGroup(
      `${name}-flow-logs`,
      {
        logGroupName: `/ecommerce/${args.namePrefix}/vpc-flow-logs`,
        retentionInDays: args.flowLogRetentionDays,
        key: {
          kind: "own",
          name: `${name}-flow-logs`,
          description: `${args.namePrefix} VPC flow logs`,
          accountId: args.accountId,
          logsRegion: args.region,
          tags: tag("flow-logs"),
        },
        tags: tag("flow-logs"),
      },
      { parent: this, protect: args.protect ?? true },
    ).group;
    const role = new aws.iam.Role(
      `${name}-flow-logs`,
      {
        description: "Lets VPC Flow Logs write to its log group",
        assumeRolePolicy: pulumi
          .output(args.accountId)
          .apply((account) =>
            JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", account)),
          ),
        tags: tag("flow-logs"),
      },
      { parent: this },
    );
    new aws.iam.RolePolicy(
      `${name}-flow-logs`,
      {
        role: role.id,
        policy: group.arn.apply((arn) =>
          JSON.stringify(
            policyDocument([
              {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: [arn, `${arn}:*`],
              },
            ]),
          ),
        ),
      },
      { parent: this },
    );
    new aws.ec2.FlowLog(
      `${name}-vpc`,
      {
        vpcId: vpc.id,
        trafficType: "ALL",
        logDestinationType: "cloud-watch-logs",
        logDestination: group.arn,
        iamRoleArn: role.arn,
        maxAggregationInterval: 60,
        tags: tag("vpc-flow-log"),
      },
      { parent: this },
    );
    return group;
  }
}
