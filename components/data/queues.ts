import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { denyInsecureTransport, policyDocument } from "../shared/iamDocuments";
import { ComponentScope } from "../shared/scope";

export interface Queues {
  queue: aws.sqs.Queue;
  deadLetter: aws.sqs.Queue;
}

/** `order-events` and its dead-letter queue: CMK-encrypted, TLS-only, redrive after N receives. */
export function createOrderEvents(
  scope: ComponentScope,
  kmsKeyArn: pulumi.Input<string>,
  maxReceiveCount: number,
): Queues {
  const parent = { parent: scope.parent };
  const base = `${scope.namePrefix}-order-events`;
  const deadLetter = new aws.sqs.Queue(
    `${scope.name}-order-events-dlq`,
    {
      name: `${base}-dlq`,
      kmsMasterKeyId: kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: 14 * 24 * 3600,
      tags: { Name: `${base}-dlq` },
    },
    parent,
  );
  const queue = new aws.sqs.Queue(
    `${scope.name}-order-events`,
    {
      name: base,
      kmsMasterKeyId: kmsKeyArn,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: 4 * 24 * 3600,
      visibilityTimeoutSeconds: 60,
      receiveWaitTimeSeconds: 20,
      redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetter.arn, maxReceiveCount }),
      tags: { Name: base },
    },
    parent,
  );
  new aws.sqs.RedriveAllowPolicy(
    `${scope.name}-order-events-dlq`,
    {
      queueUrl: deadLetter.url,
      redriveAllowPolicy: pulumi.jsonStringify({
        redrivePermission: "byQueue",
        sourceQueueArns: [queue.arn],
      }),
    },
    parent,
  );
  for (const [suffix, q] of [
    ["order-events", queue],
    ["order-events-dlq", deadLetter],
  ] as const) {
    new aws.sqs.QueuePolicy(
      `${scope.name}-${suffix}`,
      {
        queueUrl: q.url,
        policy: q.arn.apply((arn) =>
          JSON.stringify(policyDocument([denyInsecureTransport("sqs", arn)])),
        ),
      },
      parent,
    );
  }
  return { queue, deadLetter };
}
