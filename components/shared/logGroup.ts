import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { logsKeyPolicy } from "./iamDocuments";

/** The key that encrypts a group: a shared one by ARN, or one created for the group alone. */
export type LogGroupKey = SharedLogsKey | OwnLogsKey;

/** An existing key, such as the data layer's logs key in this region. */
export interface SharedLogsKey {
  /** Discriminant: the key exists already. */
  kind: "shared";
  /** The key's ARN. */
  arn: pulumi.Input<string>;
}

/** A customer managed key of the group's own, which CloudWatch Logs in one region may use. */
export interface OwnLogsKey {
  /** Discriminant: the helper creates the key. */
  kind: "own";
  /** Pulumi name of the key (kept per caller: it is part of the key's URN). */
  name: string;
  /** The key's description, shown in the KMS console. */
  description: string;
  /** Account that owns the key; its root administers it (`logsKeyPolicy`). */
  accountId: pulumi.Input<string>;
  /** The region whose CloudWatch Logs service (`logs.<region>.amazonaws.com`) may use the key. */
  logsRegion: string;
  /** Tags on the key. Default: none. */
  tags?: Record<string, string>;
}

export interface EncryptedLogGroupArgs {
  /** The CloudWatch log group's name (WAF only delivers to names starting `aws-waf-logs-`). */
  logGroupName: pulumi.Input<string>;
  /** How long CloudWatch keeps events, days: a value CloudWatch accepts, read from the config. */
  retentionInDays: number;
  /**
   * Region of the group, and of its own key, when it is not the provider's (CloudFront's WAF
   * logs live in us-east-1). Default: the provider's region.
   */
  region?: string;
  /** The key that encrypts the group's events. */
  key: LogGroupKey;
  /** Tags on the group. Default: none. */
  tags?: Record<string, string>;
  /**
   * Pulumi `protect` on the group itself (a group that a service would otherwise recreate
   * without a key or retention, such as EKS's control-plane group). Default false.
   */
  protectGroup?: boolean;
}

/** What `encryptedLogGroup` returns: the group and the key that encrypts it. */
export interface EncryptedLogGroup {
  group: aws.cloudwatch.LogGroup;
  /** The ARN of the key that encrypts the group (the shared one or the created one). */
  keyArn: pulumi.Output<string>;
}

/**
 * A CloudWatch log group encrypted with a customer managed key and kept for the configured
 * retention: with a key of its own (registered first and protected with the parent's `protect`,
 * since events written under it are unreadable without it) or a shared one.
 * CloudWatch Logs checks the key when the group is created, so the group depends on the key.
 */
export function encryptedLogGroup(
  name: string,
  a: EncryptedLogGroupArgs,
  opts: {
    /** The component the group (and its key) belong to. */
    parent: pulumi.Resource;
    /** Pulumi `protect` of an own key, and of the group with `protectGroup`. Default true. */
    protect?: boolean;
  },
): EncryptedLogGroup {
  const inRegion = a.region ? { region: a.region } : {};
  const key = a.key;
  const kmsKeyId =
    key.kind === "own"
      ? new aws.kms.Key(
          key.name,
          {
            ...inRegion,
            description: key.description,
            enableKeyRotation: true,
            deletionWindowInDays: 30,
            policy: pulumi
              .output(key.accountId)
              .apply((account) => JSON.stringify(logsKeyPolicy(account, key.logsRegion))),
            ...(key.tags ? { tags: key.tags } : {}),
          },
          { parent: opts.parent, protect: opts.protect ?? true },
        ).arn
      : key.arn;
  const group = new aws.cloudwatch.LogGroup(
    name,
    {
      ...inRegion,
      name: a.logGroupName,
      kmsKeyId,
      retentionInDays: a.retentionInDays,
      ...(a.tags ? { tags: a.tags } : {}),
    },
    { parent: opts.parent, ...(a.protectGroup ? { protect: opts.protect ?? true } : {}) },
  );
  return { group, keyArn: pulumi.output(kmsKeyId) };
}
