/**
 * The Pod Identity policy of a service, derived from its bindings and nothing else: each
 * statement names the service's own table, queue, bucket, secret or database user.
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../components/shared/iamDocuments";
import { Binding, ServiceName } from "./catalog";

/** Resolved ARNs and ids of the data layer in this region. */
export interface DataResources {
  region: string;
  accountId: string;
  auroraClusterResourceId: string;
  /** The Valkey replication group, and each cache-bound service's user, by ARN. */
  cacheArn: string;
  cacheUserArns: Partial<Record<ServiceName, string>>;
  tableArns: Record<"carts" | "sessions", string>;
  queueArns: Record<"order-events", string>;
  bucketArns: Record<"assets" | "web", string>;
  keyArns: Record<"database" | "messaging" | "secrets" | "storage", string>;
}

function statementsFor(
  service: ServiceName,
  binding: Binding,
  d: DataResources,
): PolicyStatement[] {
  const [kind, target] = binding.split(":") as [string, string | undefined];
  // Each KMS grant is bound to the one resource's encryption context, so the shared data keys
  // cannot be used through another table, queue or bucket.
  const kms = (
    sid: string,
    key: string,
    actions: string[],
    service: string,
    context: Record<string, string | string[]>,
    like = false,
  ): PolicyStatement => ({
    Sid: sid,
    Effect: "Allow",
    Action: actions,
    Resource: key,
    Condition: {
      StringEquals: {
        "kms:ViaService": `${service}.${d.region}.amazonaws.com`,
        ...(like ? {} : context),
      },
      ...(like ? { StringLike: context } : {}),
    },
  });
  switch (kind) {
    case "aurora":
      // IAM database authentication as a database user named after the service; no password.
      return [
        {
          Sid: "AuroraIamAuth",
          Effect: "Allow",
          Action: "rds-db:connect",
          Resource: `arn:aws:rds-db:${d.region}:${d.accountId}:dbuser:${d.auroraClusterResourceId}/${service}`,
        },
      ];
    case "redis": {
      // IAM auth to Valkey: `elasticache:Connect` on the replication group and on the caller's
      // own user, both required ("Authenticating with IAM", ElastiCache User Guide).
      const user = d.cacheUserArns[service];
      if (!user) throw new Error(`no Valkey user for ${service}`);
      return [
        {
          Sid: "CacheConnect",
          Effect: "Allow",
          Action: "elasticache:Connect",
          Resource: [d.cacheArn, user],
        },
      ];
    }
    case "dynamodb": {
      const table = d.tableArns[target as "carts" | "sessions"];
      return [
        {
          Sid: `Table${target}`,
          Effect: "Allow",
          Action: [
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query",
            "dynamodb:BatchGetItem",
            "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem",
          ],
          Resource: [table, `${table}/index/*`],
        },
        kms(
          `Table${target}Key`,
          d.keyArns.database,
          ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
          "dynamodb",
          { "kms:EncryptionContext:aws:dynamodb:tableName": table.split("/").pop() as string },
        ),
      ];
    }
    case "sqs-send":
    case "sqs-receive": {
      const queue = d.queueArns[target as "order-events"];
      const send = kind === "sqs-send";
      return [
        {
          Sid: send ? "QueueSend" : "QueueReceive",
          Effect: "Allow",
          Action: send
            ? ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"]
            : [
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueUrl",
                "sqs:GetQueueAttributes",
              ],
          Resource: queue,
        },
        kms(
          "QueueKey",
          d.keyArns.messaging,
          send ? ["kms:GenerateDataKey", "kms:Decrypt"] : ["kms:Decrypt"],
          "sqs",
          { "kms:EncryptionContext:aws:sqs:arn": queue },
        ),
      ];
    }
    case "s3": {
      const bucket = d.bucketArns[target as "assets" | "web"];
      return [
        { Sid: `Bucket${target}List`, Effect: "Allow", Action: "s3:ListBucket", Resource: bucket },
        {
          Sid: `Bucket${target}Objects`,
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:PutObject"],
          Resource: `${bucket}/*`,
        },
        // With S3 bucket keys the context is the bucket's ARN; without, the object's.
        kms(
          `Bucket${target}Key`,
          d.keyArns.storage,
          ["kms:Decrypt", "kms:GenerateDataKey"],
          "s3",
          { "kms:EncryptionContext:aws:s3:arn": [bucket, `${bucket}/*`] },
          true,
        ),
      ];
    }
    default:
      throw new Error(`unknown binding ${binding} for ${service}`);
  }
}

export function servicePolicy(
  service: ServiceName,
  bindings: Binding[],
  d: DataResources,
): PolicyDocument {
  return policyDocument(bindings.flatMap((b) => statementsFor(service, b, d)));
}
