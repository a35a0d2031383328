/**
 * Pure key-policy builder for the data keys. The account keeps key administration (without it a
 * key becomes unmanageable), but cryptographic use is granted only through the AWS services the
 * key serves (`kms:ViaService`), plus the service principals that encrypt on their own behalf
 * (CloudWatch Logs, EventBridge, SNS).
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../shared/iamDocuments";

/** What each data key protects; one multi-region key per purpose. */
export type KeyPurpose = "database" | "cache" | "messaging" | "logs" | "secrets" | "storage";
export const KEY_PURPOSES: readonly KeyPurpose[] = [
  "database",
  "cache",
  "messaging",
  "logs",
  "secrets",
  "storage",
];

/** Services that may use each key on a caller's behalf (`kms:ViaService` prefixes). */
export const KEY_SERVICES: Record<KeyPurpose, string[]> = {
  database: ["rds", "dynamodb"],
  cache: ["elasticache"],
  messaging: ["sqs", "sns"],
  logs: ["logs"],
  secrets: ["secretsmanager"],
  // S3 objects, and the services' ECR image repositories.
  storage: ["s3", "ecr"],
};

/** Service principals that call KMS as themselves for a key's purpose. */
const SERVICE_PRINCIPALS: Partial<Record<KeyPurpose, (region: string) => string[]>> = {
  logs: (region) => [`logs.${region}.amazonaws.com`],
  // CloudWatch alarms publish to encrypted topics; so do AWS Budgets and Cost Anomaly Detection
  // (the governance layer's alerts), which need a data key of the topic's CMK ("Permissions for
  // AWS KMS-encrypted Amazon SNS topics", AWS Billing user guide). EventBridge is apart (below).
  messaging: () => [
    "cloudwatch.amazonaws.com",
    "sns.amazonaws.com",
    "budgets.amazonaws.com",
    "costalerts.amazonaws.com",
  ],
  // CloudFront decrypts the SPA's objects (SSE-KMS) when serving them through origin access control.
  storage: () => ["cloudfront.amazonaws.com"],
};

/**
 * The key EventBridge may use (the messaging key), with no source condition. EventBridge delivers rules' events to
 * encrypted topics and queues (GuardDuty findings to the alarm topic, interruption notices to
 * Karpenter's queue), and the KMS requests it makes for that carry no `aws:SourceAccount`: every
 * AWS example of this grant ("Allow CWE to use the key", EventBridge and SNS guides) has no
 * condition, and one that required it would drop every delivery without an error anywhere.
 * What may deliver is held instead by the topic's and the queue's own policies (the alarm topic:
 * rules of this account and region, components/governance/policies.ts; Karpenter's queue: this
 * account, components/cluster/karpenter.ts).
 */
const EVENTBRIDGE_DELIVERS_TO: KeyPurpose = "messaging";

/** What those principals may do, where less than full use: CloudFront only reads the SPA. */
const SERVICE_PRINCIPAL_ACTIONS: Partial<Record<KeyPurpose, string[]>> = {
  storage: ["kms:Decrypt"],
};

/**
 * Key administration, listed action by action: no kms:CreateGrant here (a grant would bypass the
 * service scoping below). kms:PutKeyPolicy stays, or no one could ever update this policy.
 */
export const ADMIN_ACTIONS = [
  "kms:CreateAlias",
  "kms:DescribeKey",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:ListAliases",
  "kms:ListGrants",
  "kms:ListKeyPolicies",
  "kms:ListResourceTags",
  "kms:PutKeyPolicy",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
  "kms:UpdatePrimaryRegion",
  "kms:RevokeGrant",
  "kms:RetireGrant",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:DeleteAlias",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:ReplicateKey",
];

/**
 * The statement every customer managed key here starts with: the account administers the key
 * (without it the key becomes unmanageable), through the actions above only.
 */
export function accountAdministers(accountId: string): PolicyStatement {
  return {
    Sid: "AccountAdministers",
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: ADMIN_ACTIONS,
    Resource: "*",
  };
}
export const USE_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncrypt*",
  "kms:GenerateDataKey*",
  "kms:DescribeKey",
];

export function dataKeyPolicy(
  purpose: KeyPurpose,
  accountId: string,
  region: string,
): PolicyDocument {
  const root = `arn:aws:iam::${accountId}:root`;
  const principals = SERVICE_PRINCIPALS[purpose]?.(region) ?? [];
  return policyDocument([
    accountAdministers(accountId),
    {
      Sid: "UseThroughServices",
      Effect: "Allow",
      Principal: { AWS: root },
      Action: [...USE_ACTIONS, "kms:CreateGrant", "kms:ListGrants"],
      Resource: "*",
      Condition: {
        StringEquals: {
          "kms:CallerAccount": accountId,
          "kms:ViaService": KEY_SERVICES[purpose].map((s) => `${s}.${region}.amazonaws.com`),
        },
      },
    },
    ...(principals.length > 0
      ? [
          {
            Sid: "ServicePrincipalsUse",
            Effect: "Allow" as const,
            Principal: { Service: principals },
            Action: SERVICE_PRINCIPAL_ACTIONS[purpose] ?? USE_ACTIONS,
            Resource: "*",
            Condition:
              purpose === "logs"
                ? {
                    ArnLike: {
                      "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*`,
                    },
                  }
                : { StringEquals: { "aws:SourceAccount": accountId } },
          },
        ]
      : []),
    ...(purpose === EVENTBRIDGE_DELIVERS_TO
      ? [
          {
            Sid: "EventBridgeDelivers",
            Effect: "Allow" as const,
            Principal: { Service: "events.amazonaws.com" },
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
          },
        ]
      : []),
  ]);
}

/** The ARN of a multi-region key's replica in another region: same key id, other region. */
export function replicaKeyArn(primaryKeyArn: string, region: string): string {
  const parts = primaryKeyArn.split(":");
  if (parts.length < 6 || parts[2] !== "kms" || !parts[5].startsWith("key/mrk-")) {
    throw new Error(`${primaryKeyArn} is not the ARN of a multi-region KMS key`);
  }
  parts[3] = region;
  return parts.join(":");
}
