/**
 * Pure builders for the IAM and KMS policy documents the components attach. Kept as data so the
 * tests and the policy pack can read exactly what AWS will be given.
 */

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: { AWS?: string | string[]; Service?: string | string[] };
  Action: string | string[];
  /** Absent only in trust policies, where the role itself is the resource. */
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export function policyDocument(statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** Refuses every request to `resource` made without TLS (S3 buckets, SQS queues, SNS topics). */
export function denyInsecureTransport(
  service: "s3" | "sqs" | "sns",
  resource: string | string[],
): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: `${service}:*`,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** A role trust policy for one AWS service principal (e.g. `vpc-flow-logs.amazonaws.com`). */
export function serviceTrustPolicy(service: string, sourceAccount?: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        // Confused-deputy guard: only this account's resources may make the service assume it.
        ...(sourceAccount
          ? { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } }
          : {}),
      },
    ],
  };
}

/**
 * Key policy for a CMK that encrypts CloudWatch Logs log groups in one region: the account keeps
 * administrative control (the AWS default statement, without which the key becomes unmanageable)
 * and the regional Logs service may use the key only for this account's log groups.
 */
export function logsKeyPolicy(accountId: string, region: string): PolicyDocument {
  return policyDocument([
    {
      Sid: "AccountAdministers",
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: "kms:*",
      Resource: "*",
    },
    {
      Sid: "CloudWatchLogsUse",
      Effect: "Allow",
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: [
        "kms:Encrypt*",
        "kms:Decrypt*",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*",
      ],
      Resource: "*",
      Condition: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*`,
        },
      },
    },
  ]);
}
