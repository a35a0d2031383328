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
  cacheSecretArn: string;
  tableArns: Record<"carts" | "sessions", string>;
  queueArns: Record<"order-events", string>;
  bucketArns: Record<"assets" | "web", string>;
  keyArns: Record<"database" | "messaging" | "secrets" | "storage", string>;
}

const viaService = (service: string, region: string) => ({
  StringEquals: { "kms:ViaService": `${service}.${region}.amazonaws.com` },
});

function statementsFor(
  service: ServiceName,
  binding: Binding,
  d: DataResources,
): PolicyStatement[] {
  const [kind, target] = binding.split(":") as [string, string | undefined];
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
    case "redis":
      return [
        {
          Sid: "CacheAuthToken",
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: d.cacheSecretArn,
        },
        {
          Sid: "CacheAuthTokenKey",
          Effect: "Allow",
          Action: "kms:Decrypt",
          Resource: d.keyArns.secrets,
          Condition: viaService("secretsmanager", d.region),
        },
      ];
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
        {
          Sid: `Table${target}Key`,
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
          Resource: d.keyArns.database,
          Condition: viaService("dynamodb", d.region),
        },
      ];
    }
    case "sqs": {
      const queue = d.queueArns[target as "order-events"];
      return [
        {
          Sid: "Queue",
          Effect: "Allow",
          Action: [
            "sqs:SendMessage",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:GetQueueAttributes",
            "sqs:GetQueueUrl",
          ],
          Resource: queue,
        },
        {
          Sid: "QueueKey",
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: d.keyArns.messaging,
          Condition: viaService("sqs", d.region),
        },
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
        {
          Sid: `Bucket${target}Key`,
          Effect: "Allow",
          Action: ["kms:Decrypt", "kms:GenerateDataKey"],
          Resource: d.keyArns.storage,
          Condition: viaService("s3", d.region),
        },
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
