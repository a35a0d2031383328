import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dataKeyPolicy } from "../data/keyPolicy";
import { governancePublishers } from "../governance/policies";
import { denyInsecureTransport, policyDocument } from "../shared/iamDocuments";

/** What an alarm topic needs from the observability args. */
export interface TopicSettings {
  /** Prefix of the topic's name (`<namePrefix>-alarms[-<region>]`). */
  namePrefix: string;
  /** Account that may publish (CloudWatch alarms of this account) and manage the topic. */
  accountId: pulumi.Input<string>;
  /** The stack's region: its alarms publish to the topic without a region of its own. */
  region: string;
  /** The data layer's messaging key in the stack's region. */
  messagingKeyArn: pulumi.Input<string>;
  /** Subscribed to the topic when set. */
  alertEmail?: string;
}

/** An encrypted topic the region's alarms publish to; CloudWatch may publish, over TLS only. */
export function alarmTopic(
  component: pulumi.Resource,
  name: string,
  args: TopicSettings,
  region: string | undefined,
  protect: boolean,
): aws.sns.Topic {
  const parent = { parent: component };
  const suffix = region ? `alarms-${region}` : "alarms";
  const inRegion = region ? { region } : {};
  // The data layer's messaging key is replicated only to the shop's regions; elsewhere (Route 53's
  // us-east-1) the topic gets a key of its own with the same policy.
  const keyArn = region
    ? new aws.kms.Key(
        `${name}-${suffix}`,
        {
          ...inRegion,
          description: `${args.namePrefix} alarm notifications`,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          policy: pulumi
            .output(args.accountId)
            .apply((account) => JSON.stringify(dataKeyPolicy("messaging", account, region))),
        },
        { parent: component, protect },
      ).arn
    : args.messagingKeyArn;
  const topic = new aws.sns.Topic(
    `${name}-${suffix}`,
    {
      ...inRegion,
      name: `${args.namePrefix}-${suffix}`,
      displayName: `${args.namePrefix} alarms`,
      kmsMasterKeyId: keyArn,
    },
    parent,
  );
  new aws.sns.TopicPolicy(
    `${name}-${suffix}`,
    {
      ...inRegion,
      arn: topic.arn,
      policy: pulumi.all([topic.arn, args.accountId]).apply(([arn, account]) =>
        JSON.stringify(
          policyDocument([
            {
              Sid: "CloudWatchAlarmsPublish",
              Effect: "Allow",
              Principal: { Service: "cloudwatch.amazonaws.com" },
              Action: "sns:Publish",
              Resource: arn,
              Condition: {
                StringEquals: { "aws:SourceAccount": account },
                ArnLike: {
                  "aws:SourceArn": `arn:aws:cloudwatch:${region ?? args.region}:${account}:alarm:*`,
                },
              },
            },
            {
              Sid: "AccountManagesAndPublishes",
              Effect: "Allow",
              Principal: { AWS: `arn:aws:iam::${account}:root` },
              Action: [
                "sns:Publish",
                "sns:Subscribe",
                "sns:GetTopicAttributes",
                "sns:SetTopicAttributes",
                "sns:ListSubscriptionsByTopic",
              ],
              Resource: arn,
            },
            denyInsecureTransport("sns", arn),
            // GuardDuty findings, budgets and cost anomalies (components/governance) page too.
            ...(region ? [] : governancePublishers(arn, args.region, account)),
          ]),
        ),
      ),
    },
    parent,
  );
  if (args.alertEmail) {
    new aws.sns.TopicSubscription(
      `${name}-${suffix}-email`,
      { ...inRegion, topic: topic.arn, protocol: "email", endpoint: args.alertEmail },
      parent,
    );
  }
  return topic;
}
