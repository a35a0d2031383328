/**
 * Who reaches the cluster (`ecommerce:cluster`): admin roles, the deploy role, endpoint CIDRs,
 * operator paths and the region's deploy runner.
 */
import { tryParseCidr } from "../../components/network/cidr";
import {
  MIN_OPERATOR_PREFIX,
  OperatorSource,
  parseOperatorSource,
} from "../../components/cluster/operatorAccess";
import { RawSection, asBoolean, list, section, text } from "./readers";
import { KeySpec } from "./spec";

export interface RunnerConfig {
  /** `https://github.com/<org>/<repo>`: the repository whose workflow jobs the runner takes. */
  repository: string;
  /** An AVAILABLE CodeConnections (or CodeStar Connections) connection to GitHub. */
  connectionArn: string;
}

/** The access keys of `ecommerce:cluster`, in the order its errors list them. */
export const CLUSTER_ACCESS_SPEC = {
  adminRoleArns: {
    type: "list",
    default: [],
    doc: "IAM role ARNs given cluster admin by access entry",
  },
  publicAccessCidrs: {
    type: "list",
    defaultText: "`[]` (private endpoint only)",
    doc: "operator CIDRs, none wider than /8, never `0.0.0.0/0`",
  },
  deployRoleArn: {
    type: "string",
    defaultText: "none",
    doc: "the role `pulumi up` runs as (it creates the cluster); may not also be in `adminRoleArns`",
  },
  operatorAccess: {
    type: "list",
    default: [],
    doc: "VPN/bastion CIDRs (none wider than /8, never `0.0.0.0/0`) and `sg-` ids, each a 443 rule on the cluster security group",
  },
  runner: {
    keys: {
      repository: {
        type: "string",
        defaultText: "none (no runner)",
        doc: "`https://github.com/<org>/<repo>`: the repository whose workflow jobs the region's deploy runner takes; set with `connectionArn`",
      },
      connectionArn: {
        type: "string",
        defaultText: "none (no runner)",
        doc: "an authorized CodeConnections (or CodeStar Connections) connection to GitHub; set with `repository`",
      },
    },
  },
  resolverEndpoint: {
    type: "bool",
    default: false,
    doc: "a Route 53 Resolver inbound endpoint (two AZs) answering the `operatorAccess` paths on 53, for VPN DNS forwarding",
  },
} as const satisfies Record<string, KeySpec>;

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/;

interface Access {
  adminRoleArns: string[];
  publicAccessCidrs: string[];
  deployRoleArn?: string;
  operatorAccess: OperatorSource[];
  resolverEndpoint: boolean;
}

/** Who reaches the cluster: admin roles, the deploy role, endpoint CIDRs and operator paths. */
export function readAccess(raw: RawSection): Access {
  const key = raw.key;
  const adminRoleArns = list(raw, "adminRoleArns", {
    accepts: (a) => ROLE_ARN.test(a),
    what: "IAM role ARNs, e.g. [arn:aws:iam::123456789012:role/platform-admin]",
    default: [],
    allowEmpty: true,
  });
  const publicAccessCidrs = list(raw, "publicAccessCidrs", {
    accepts: (c) => {
      const parsed = tryParseCidr(c);
      return parsed !== undefined && parsed.prefix >= 8;
    },
    what: "operator CIDRs no wider than /8 (never 0.0.0.0/0), or [] for a private endpoint only",
    default: [],
    allowEmpty: true,
  });
  let deployRoleArn: string | undefined;
  const deployRaw = raw.get("deployRoleArn");
  if (deployRaw !== undefined) {
    if (typeof deployRaw !== "string" || !ROLE_ARN.test(deployRaw)) {
      raw.add(
        "deployRoleArn",
        `${JSON.stringify(deployRaw)} is not accepted; use the IAM role ARN deployments run as, e.g. arn:aws:iam::123456789012:role/ecommerce-deploy`,
      );
    } else if (adminRoleArns.includes(deployRaw)) {
      // EKS already grants the creator admin (pulumi-eks 4.3.0 sets
      // bootstrapClusterCreatorAdminPermissions); a second access entry for it is refused.
      raw.add(
        "adminRoleArns",
        `contains ${deployRaw}, which is ${key}.deployRoleArn: the role that creates the cluster is admin through EKS's creator bootstrap, and a second access entry for it fails ("access entry resource is already in use"); remove it from ${key}.adminRoleArns`,
      );
    } else {
      deployRoleArn = deployRaw;
    }
  }
  const operatorAccess = list(raw, "operatorAccess", {
    accepts: (v) => parseOperatorSource(v) !== undefined,
    what: `VPN/bastion IPv4 CIDRs no wider than /${MIN_OPERATOR_PREFIX} (never 0.0.0.0/0) and security-group ids (sg-0123456789abcdef0), or []`,
    default: [],
    allowEmpty: true,
  }).map((v) => parseOperatorSource(v) as OperatorSource);
  let resolverEndpoint = false;
  const resolverRaw = raw.get("resolverEndpoint");
  if (resolverRaw !== undefined) {
    resolverEndpoint = asBoolean(resolverRaw) ?? false;
    if (asBoolean(resolverRaw) === undefined) {
      raw.add(
        "resolverEndpoint",
        `${JSON.stringify(resolverRaw)} is not accepted; use true or false`,
      );
    } else if (resolverEndpoint && operatorAccess.length === 0) {
      raw.add(
        "resolverEndpoint",
        `answers only the operator paths; set ${key}.operatorAccess (VPN CIDRs or bastion groups) with it`,
      );
    }
  }
  return { adminRoleArns, publicAccessCidrs, deployRoleArn, operatorAccess, resolverEndpoint };
}

const GITHUB_REPOSITORY =
  /^https:\/\/github\.com\/[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const CONNECTION_ARN =
  /^arn:aws:(codeconnections|codestar-connections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]{36}$/;

/** `ecommerce:cluster.runner`: both fields, or no key at all (no runner). */
export function readRunner(raw: RawSection): RunnerConfig | undefined {
  if (raw.get("runner") === undefined) return undefined;
  const runner = section(raw, "runner");
  const field = (name: "repository" | "connectionArn", pattern: RegExp, example: string) => {
    if (runner.get(name) === undefined) {
      runner.add(name, `is required with a runner; use ${example}`);
      return "";
    }
    return text(runner, name, { pattern, example, default: "" });
  };
  const repository = field("repository", GITHUB_REPOSITORY, "https://github.com/<org>/<repo>");
  const connectionArn = field(
    "connectionArn",
    CONNECTION_ARN,
    "the ARN of an authorized CodeConnections connection to GitHub, e.g. arn:aws:codeconnections:ap-south-1:123456789012:connection/0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d",
  );
  return repository && connectionArn ? { repository, connectionArn } : undefined;
}
