/**
 * Deterministic, realistic outputs for mocked resources: the ids, ARNs and endpoints AWS would
 * return, in the stack's region (or the resource's own `region` input, as in aws v7) and one fixed
 * account. Same stack, type and name → same values, so plans diff cleanly between runs.
 */
import { createHash } from "crypto";

/** The account every offline run pretends to deploy into. */
export const OFFLINE_ACCOUNT_ID = "123456789012";

export interface OutputContext {
  stack: string;
  region: string;
  accountId: string;
}

export interface MockedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

type Computed = (r: MockedResource, id: string, env: Env) => Record<string, unknown>;

interface Env {
  region: string;
  accountId: string;
  hash: (salt: string, length: number) => string;
  /** Pulumi's auto-name: the logical name plus a random-looking suffix, unless a name was given. */
  physicalName: (key?: string) => string;
}

/** Id prefixes of EC2-style resources. */
const ID_PREFIXES: Record<string, string> = {
  "aws:ec2/vpc:Vpc": "vpc-",
  "aws:ec2/subnet:Subnet": "subnet-",
  "aws:ec2/internetGateway:InternetGateway": "igw-",
  "aws:ec2/eip:Eip": "eipalloc-",
  "aws:ec2/natGateway:NatGateway": "nat-",
  "aws:ec2/routeTable:RouteTable": "rtb-",
  "aws:ec2/route:Route": "r-rtb-",
  "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc-",
  "aws:ec2/securityGroup:SecurityGroup": "sg-",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg-",
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
  "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
  "aws:ec2/flowLog:FlowLog": "fl-",
  "aws:ec2/launchTemplate:LaunchTemplate": "lt-",
};

/** Per-type outputs beyond the echoed inputs. */
const COMPUTED: Record<string, Computed> = {
  "aws:ec2/vpc:Vpc": (_r, id, e) => ({
    arn: `arn:aws:ec2:${e.region}:${e.accountId}:vpc/${id}`,
    defaultSecurityGroupId: `sg-${e.hash("default-sg", 17)}`,
    mainRouteTableId: `rtb-${e.hash("main-rtb", 17)}`,
    ownerId: e.accountId,
  }),
  "aws:ec2/subnet:Subnet": (_r, id, e) => ({
    arn: `arn:aws:ec2:${e.region}:${e.accountId}:subnet/${id}`,
    ownerId: e.accountId,
  }),
  "aws:ec2/eip:Eip": (_r, id, e) => ({
    allocationId: id,
    // RFC 5737 documentation range: never a real address.
    publicIp: `203.0.113.${(parseInt(e.hash("ip", 2), 16) % 254) + 1}`,
  }),
  "aws:ec2/natGateway:NatGateway": (_r, _id, e) => ({
    publicIp: `198.51.100.${(parseInt(e.hash("ip", 2), 16) % 254) + 1}`,
  }),
  "aws:ec2/securityGroup:SecurityGroup": (_r, id, e) => ({
    arn: `arn:aws:ec2:${e.region}:${e.accountId}:security-group/${id}`,
    name: e.physicalName(),
  }),
  "aws:ec2/vpcEndpoint:VpcEndpoint": (r, id, e) => ({
    arn: `arn:aws:ec2:${e.region}:${e.accountId}:vpc-endpoint/${id}`,
    prefixListId: r.inputs.vpcEndpointType === "Gateway" ? `pl-${e.hash("pl", 8)}` : undefined,
    dnsEntries:
      r.inputs.vpcEndpointType === "Interface"
        ? [
            {
              dnsName: `${id}.${String(r.inputs.serviceName).split(".").slice(3).join(".")}.${e.region}.vpce.amazonaws.com`,
              hostedZoneId: "Z0000000000000",
            },
          ]
        : [],
  }),
  "aws:kms/key:Key": (_r, id, e) => ({
    arn: `arn:aws:kms:${e.region}:${e.accountId}:key/${id}`,
    keyId: id,
  }),
  "aws:cloudwatch/logGroup:LogGroup": (_r, _id, e) => {
    const name = e.physicalName();
    return { name, arn: `arn:aws:logs:${e.region}:${e.accountId}:log-group:${name}` };
  },
  "aws:iam/role:Role": (_r, _id, e) => {
    const name = e.physicalName();
    return {
      name,
      arn: `arn:aws:iam::${e.accountId}:role/${name}`,
      uniqueId: `AROA${e.hash("uid", 17).toUpperCase()}`,
    };
  },
  "aws:kms/replicaKey:ReplicaKey": (r, _id, e) => {
    // A replica shares the multi-region key id of its primary; only the region differs.
    const keyId =
      String(r.inputs.primaryKeyArn ?? "")
        .split("/")
        .pop() ?? `mrk-${e.hash("id", 32)}`;
    return { arn: `arn:aws:kms:${e.region}:${e.accountId}:key/${keyId}`, keyId };
  },
  "aws:rds/globalCluster:GlobalCluster": (_r, id, e) => ({
    arn: `arn:aws:rds::${e.accountId}:global-cluster:${id}`,
    // The global writer endpoint: named for the global cluster, in no region.
    endpoint: `${id}.global-${e.hash("gep", 10)}.global.rds.amazonaws.com`,
    globalClusterResourceId: `cluster-${e.hash("rid", 26).toUpperCase()}`,
  }),
  "aws:rds/cluster:Cluster": (_r, id, e) => ({
    arn: `arn:aws:rds:${e.region}:${e.accountId}:cluster:${id}`,
    endpoint: `${id}.cluster-${e.hash("ep", 12)}.${e.region}.rds.amazonaws.com`,
    readerEndpoint: `${id}.cluster-ro-${e.hash("ep", 12)}.${e.region}.rds.amazonaws.com`,
    clusterResourceId: `cluster-${e.hash("rid", 26).toUpperCase()}`,
  }),
  "aws:rds/clusterInstance:ClusterInstance": (_r, id, e) => ({
    arn: `arn:aws:rds:${e.region}:${e.accountId}:db:${id}`,
    endpoint: `${id}.${e.hash("ep", 12)}.${e.region}.rds.amazonaws.com`,
  }),
  "aws:elasticache/replicationGroup:ReplicationGroup": (r, id, e) => ({
    arn: `arn:aws:elasticache:${e.region}:${e.accountId}:replicationgroup:${id}`,
    // ElastiCache names a replication group's nodes <group>-001, -002, …
    memberClusters: Array.from(
      { length: Number(r.inputs.numCacheClusters ?? 1) },
      (_, i) => `${id}-${String(i + 1).padStart(3, "0")}`,
    ),
    primaryEndpointAddress: `master.${id}.${e.hash("ep", 6)}.cache.amazonaws.com`,
    readerEndpointAddress: `replica.${id}.${e.hash("ep", 6)}.cache.amazonaws.com`,
  }),
  "aws:dynamodb/table:Table": (_r, id, e) => ({
    arn: `arn:aws:dynamodb:${e.region}:${e.accountId}:table/${id}`,
    streamArn: `arn:aws:dynamodb:${e.region}:${e.accountId}:table/${id}/stream/2026-01-01T00:00:00.000`,
  }),
  "aws:dynamodb/tableReplica:TableReplica": (r, _id, e) => {
    const table = String(r.inputs.globalTableArn ?? "")
      .split("/")
      .pop();
    return { arn: `arn:aws:dynamodb:${e.region}:${e.accountId}:table/${table}` };
  },
  "aws:s3/bucket:Bucket": (_r, id, e) => ({
    arn: `arn:aws:s3:::${id}`,
    bucket: id,
    bucketDomainName: `${id}.s3.amazonaws.com`,
    bucketRegionalDomainName: `${id}.s3.${e.region}.amazonaws.com`,
  }),
  "aws:secretsmanager/secret:Secret": (_r, id) => ({ arn: id }),
  "aws:sns/topic:Topic": (_r, _id, e) => {
    const name = e.physicalName();
    return { name, arn: `arn:aws:sns:${e.region}:${e.accountId}:${name}` };
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": (_r, _id, e) => {
    const name = e.physicalName();
    return { name, arn: `arn:aws:cloudwatch:${e.region}:${e.accountId}:alarm:${name}` };
  },
  "aws:sqs/queue:Queue": (_r, id, e) => {
    const name = e.physicalName();
    return { arn: `arn:aws:sqs:${e.region}:${e.accountId}:${name}`, url: id, name };
  },
  "random:index/randomPassword:RandomPassword": (r, _id, e) => {
    const length = Number(r.inputs.length ?? 16);
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    const result = Array.from(
      { length },
      (_, i) => alphabet[parseInt(e.hash(`pw${i}`, 4), 16) % alphabet.length],
    ).join("");
    return { result, bcryptHash: `$2a$10$${e.hash("bcrypt", 53)}` };
  },
  "aws:route53/zone:Zone": (_r, id) => ({
    zoneId: id,
    nameServers: ["ns-1.awsdns-00.org", "ns-2.awsdns-00.co.uk"],
  }),
  "aws:acm/certificate:Certificate": (r, id, e) => {
    const names = [
      String(r.inputs.domainName),
      ...((r.inputs.subjectAlternativeNames as string[] | undefined) ?? []),
    ];
    return {
      arn: `arn:aws:acm:${e.region}:${e.accountId}:certificate/${id}`,
      domainValidationOptions: names.map((domainName) => ({
        domainName,
        resourceRecordName: `_${createHash("sha256").update(domainName).digest("hex").slice(0, 32)}.${domainName}.`,
        resourceRecordType: "CNAME",
        resourceRecordValue: `_${createHash("sha256").update(`v${domainName}`).digest("hex").slice(0, 32)}.acm-validations.aws.`,
      })),
    };
  },
  "aws:lb/loadBalancer:LoadBalancer": (_r, _id, e) => {
    const name = e.physicalName();
    return {
      arn: `arn:aws:elasticloadbalancing:${e.region}:${e.accountId}:loadbalancer/app/${name}/${e.hash("lb", 16)}`,
      arnSuffix: `app/${name}/${e.hash("lb", 16)}`,
      dnsName: `internal-${name}-${e.hash("dns", 10)}.${e.region}.elb.amazonaws.com`,
      zoneId: "ZP97RAFLXTNZK",
    };
  },
  "aws:lb/targetGroup:TargetGroup": (_r, _id, e) => {
    const name = e.physicalName();
    return {
      arn: `arn:aws:elasticloadbalancing:${e.region}:${e.accountId}:targetgroup/${name}/${e.hash("tg", 16)}`,
      arnSuffix: `targetgroup/${name}/${e.hash("tg", 16)}`,
    };
  },
  "aws:lb/listener:Listener": (_r, _id, e) => ({
    arn: `arn:aws:elasticloadbalancing:${e.region}:${e.accountId}:listener/app/${e.hash("lb", 8)}/${e.hash("l", 16)}`,
  }),
  "aws:apigatewayv2/api:Api": (_r, id, e) => ({
    apiEndpoint: `https://${id}.execute-api.${e.region}.amazonaws.com`,
    executionArn: `arn:aws:execute-api:${e.region}:${e.accountId}:${id}`,
  }),
  "aws:apigatewayv2/domainName:DomainName": (r, _id, e) => ({
    domainNameConfiguration: {
      ...(r.inputs.domainNameConfiguration as Record<string, unknown>),
      targetDomainName: `d-${e.hash("d", 10)}.execute-api.${e.region}.amazonaws.com`,
      hostedZoneId: "Z20JF4UZKIW1U8",
    },
  }),
  "aws:cognito/userPool:UserPool": (_r, _id, e) => {
    const id = `${e.region}_${e.hash("pool", 9).toUpperCase()}`;
    return {
      arn: `arn:aws:cognito-idp:${e.region}:${e.accountId}:userpool/${id}`,
      endpoint: `cognito-idp.${e.region}.amazonaws.com/${id}`,
    };
  },
  "aws:cloudfront/distribution:Distribution": (_r, id, e) => ({
    arn: `arn:aws:cloudfront::${e.accountId}:distribution/${id}`,
    domainName: `d${e.hash("cf", 12)}.cloudfront.net`,
    hostedZoneId: "Z2FDTNDATAQYW2",
  }),
  // CloudFront's ACLs are global (kept in us-east-1); the others belong to their region.
  "aws:wafv2/webAcl:WebAcl": (r, id, e) => ({
    arn:
      r.inputs.scope === "CLOUDFRONT"
        ? `arn:aws:wafv2:us-east-1:${e.accountId}:global/webacl/${e.physicalName()}/${id}`
        : `arn:aws:wafv2:${e.region}:${e.accountId}:regional/webacl/${e.physicalName()}/${id}`,
  }),
  "aws:globalaccelerator/accelerator:Accelerator": (_r, id, e) => ({
    arn: `arn:aws:globalaccelerator::${e.accountId}:accelerator/${id}`,
    dnsName: `a${e.hash("ga", 16)}.awsglobalaccelerator.com`,
    hostedZoneId: "Z2BJ6XQ5FK7U4H",
  }),
  "aws:globalaccelerator/listener:Listener": (_r, id, e) => ({
    arn: `arn:aws:globalaccelerator::${e.accountId}:accelerator/${e.hash("acc", 8)}/listener/${id}`,
  }),
  // Remote components: under mocks their children never register, so the mock returns the outputs
  // the real component would give.
  "eks:index:Cluster": (r, _id, e) => {
    const name = String(r.inputs.name ?? r.name);
    const endpoint = `https://${e.hash("ep", 32).toUpperCase()}.gr7.${e.region}.eks.amazonaws.com`;
    const issuer = `oidc.eks.${e.region}.amazonaws.com/id/${e.hash("oidc", 32).toUpperCase()}`;
    const kubeconfig = {
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name,
          cluster: {
            server: endpoint,
            "certificate-authority-data": Buffer.from(`offline-ca-${name}`).toString("base64"),
          },
        },
      ],
      contexts: [{ name, context: { cluster: name, user: name } }],
      "current-context": name,
      users: [
        {
          name,
          user: {
            exec: {
              apiVersion: "client.authentication.k8s.io/v1beta1",
              command: "aws",
              args: ["eks", "get-token", "--cluster-name", name, "--output", "json"],
            },
          },
        },
      ],
    };
    return {
      kubeconfig,
      kubeconfigJson: JSON.stringify(kubeconfig),
      clusterSecurityGroupId: `sg-${e.hash("cluster-sg", 17)}`,
      nodeSecurityGroupId: "",
      oidcIssuer: issuer,
      oidcProviderUrl: `https://${issuer}`,
      oidcProviderArn: "",
      core: {
        endpoint,
        clusterSecurityGroupId: `sg-${e.hash("cluster-sg", 17)}`,
        oidcIssuer: issuer,
      },
    };
  },
  "eks:index:ManagedNodeGroup": () => ({ placementGroupName: "" }),
  "aws:ec2/launchTemplate:LaunchTemplate": (_r, id, e) => ({
    arn: `arn:aws:ec2:${e.region}:${e.accountId}:launch-template/${id}`,
    latestVersion: 1,
    defaultVersion: 1,
  }),
  "aws:iam/policy:Policy": (_r, _id, e) => {
    const name = e.physicalName();
    return { name, arn: `arn:aws:iam::${e.accountId}:policy/${name}` };
  },
};

/** Ids in the format each service uses. */
function idFor(r: MockedResource, env: Env): string {
  const prefix = ID_PREFIXES[r.type];
  if (prefix) {
    return `${prefix}${env.hash("id", 17)}`;
  }
  if (r.type === "aws:kms/key:Key") {
    const h = env.hash("id", 32);
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
    return r.inputs.multiRegion === true ? `mrk-${h}` : uuid;
  }
  switch (r.type) {
    case "aws:secretsmanager/secret:Secret":
      return `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${env.physicalName()}-${env.hash("sfx", 6)}`;
    case "aws:sns/topic:Topic":
      return `arn:aws:sns:${env.region}:${env.accountId}:${env.physicalName()}`;
    case "aws:sqs/queue:Queue":
      return `https://sqs.${env.region}.amazonaws.com/${env.accountId}/${env.physicalName()}`;
    case "aws:cognito/userPool:UserPool":
      return `${env.region}_${env.hash("pool", 9).toUpperCase()}`;
    case "aws:route53/zone:Zone":
      return `Z${env.hash("zone", 20).toUpperCase()}`;
    case "aws:route53/healthCheck:HealthCheck":
    case "aws:cloudfront/distribution:Distribution":
    case "aws:apigatewayv2/api:Api":
    case "aws:wafv2/webAcl:WebAcl":
      return env.hash("id", 13).toUpperCase();
    case "aws:dynamodb/tableReplica:TableReplica":
      return `${String(r.inputs.globalTableArn ?? "")
        .split("/")
        .pop()}:${env.region}`;
  }
  // Resources whose physical id is the identifier the program chose (or Pulumi's auto-name).
  for (const key of [
    "clusterIdentifier",
    "identifier",
    "replicationGroupId",
    "bucket",
    "globalClusterIdentifier",
    "name",
  ]) {
    if (typeof r.inputs[key] === "string") return r.inputs[key] as string;
  }
  return env.physicalName();
}

/** The id and output state the mock returns for a resource. */
export function mockResourceOutputs(
  r: MockedResource,
  ctx: OutputContext,
): { id: string; state: Record<string, unknown> } {
  const region = typeof r.inputs.region === "string" ? r.inputs.region : ctx.region;
  const hash = (salt: string, length: number) =>
    createHash("sha256")
      .update(`${ctx.stack}|${r.type}|${r.name}|${salt}`)
      .digest("hex")
      .slice(0, length);
  const env: Env = {
    region,
    accountId: ctx.accountId,
    hash,
    physicalName: (key = "name") =>
      typeof r.inputs[key] === "string"
        ? (r.inputs[key] as string)
        : `${r.name}-${hash("name", 7)}`,
  };
  const id = idFor(r, env);
  const computed = COMPUTED[r.type]?.(r, id, env) ?? genericOutputs(r, id, env);
  // Pulumi auto-names AWS resources that have a `name` (a logical name plus a random suffix).
  const autoName =
    r.type.startsWith("aws:") && !ID_PREFIXES[r.type] ? { name: env.physicalName() } : {};
  const state: Record<string, unknown> = { ...r.inputs, region, ...autoName, ...computed };
  if (!r.type.startsWith("aws:")) {
    delete state.region;
  }
  for (const k of Object.keys(state)) {
    if (state[k] === undefined) delete state[k];
  }
  return { id, state };
}

/** Any other AWS resource gets an ARN of the usual shape; EC2 plumbing (routes, associations) has none. */
function genericOutputs(r: MockedResource, id: string, env: Env): Record<string, unknown> {
  if (!r.type.startsWith("aws:") || ID_PREFIXES[r.type]) {
    return {};
  }
  const [, module, typeName] = r.type.split(/[:/]/);
  const resourceType = typeName.replace(/^[A-Z]/, (c) => c.toLowerCase());
  return { arn: `arn:aws:${module}:${env.region}:${env.accountId}:${resourceType}/${id}` };
}

/** Results for the invokes the program makes (account identity and the like). */
export function mockCall(
  token: string,
  inputs: Record<string, unknown>,
  ctx: OutputContext,
): Record<string, unknown> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        accountId: ctx.accountId,
        arn: `arn:aws:iam::${ctx.accountId}:user/offline`,
        userId: "AIDAOFFLINE",
        id: ctx.accountId,
      };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
    case "aws:index/getRegion:getRegion": {
      const region = typeof inputs.region === "string" ? inputs.region : ctx.region;
      return { name: region, region, id: region, endpoint: `ec2.${region}.amazonaws.com` };
    }
    default:
      throw new Error(
        `the offline engine has no mock for the invoke ${token}; add one to offline/outputs.ts`,
      );
  }
}
