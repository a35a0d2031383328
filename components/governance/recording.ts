import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentScope } from "../shared/scope";
import { serviceTrustPolicy } from "../shared/iamDocuments";
import { AuditStore } from "./audit";
import { CONFIG_ROLE_POLICY_ARN, configDeliveryPolicy, configRulesFor } from "./policies";

/** Where AWS Config delivers in the audit bucket: its own prefix beside the trail's AWSLogs/. */
export const CONFIG_PREFIX = "config";

/**
 * AWS Config in this region: a recorder of every supported resource type (global ones, such as
 * IAM, only where `recordsGlobal`, so they are recorded once), a delivery channel into the audit
 * bucket under the audit key, the recorder started, and the PCI DSS rule set. AWS allows one
 * recorder and one delivery channel per account and region.
 */
export function createRecording(
  scope: ComponentScope,
  store: AuditStore,
  recordsGlobal: boolean,
): { recorder: aws.cfg.Recorder; rules: aws.cfg.Rule[] } {
  const parent = { parent: scope.parent };
  const name = `${scope.name}-config`;
  const role = new aws.iam.Role(
    name,
    {
      description: `AWS Config recorder in ${scope.region}`,
      assumeRolePolicy: pulumi
        .output(scope.accountId)
        .apply((account) => JSON.stringify(serviceTrustPolicy("config.amazonaws.com", account))),
    },
    parent,
  );
  const managed = new aws.iam.RolePolicyAttachment(
    name,
    { role: role.name, policyArn: CONFIG_ROLE_POLICY_ARN },
    parent,
  );
  const delivery = new aws.iam.RolePolicy(
    name,
    {
      role: role.id,
      policy: pulumi
        .all([store.bucket.bucket.arn, scope.accountId, store.key.arn])
        .apply(([bucket, account, key]) =>
          JSON.stringify(
            configDeliveryPolicy({
              bucketArn: bucket,
              prefix: CONFIG_PREFIX,
              account,
              keyArn: key,
              region: scope.region,
            }),
          ),
        ),
    },
    parent,
  );
  const recorder = new aws.cfg.Recorder(
    name,
    {
      name: `${scope.namePrefix}-recorder`,
      roleArn: role.arn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: recordsGlobal },
      // Continuous recording: PCI DSS wants changes as they happen, not a daily snapshot.
      recordingMode: { recordingFrequency: "CONTINUOUS" },
    },
    { parent: scope.parent, dependsOn: [managed] },
  );
  const channel = new aws.cfg.DeliveryChannel(
    name,
    {
      name: `${scope.namePrefix}-delivery`,
      s3BucketName: store.bucket.bucket.id,
      s3KeyPrefix: CONFIG_PREFIX,
      s3KmsKeyArn: store.key.arn,
      snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
    },
    // A channel needs its recorder first; the role must be able to write when AWS checks it.
    { parent: scope.parent, dependsOn: [recorder, delivery, ...store.bucket.settled] },
  );
  const status = new aws.cfg.RecorderStatus(
    name,
    { name: recorder.name, isEnabled: true },
    { parent: scope.parent, dependsOn: [channel] },
  );
  const rules = configRulesFor(recordsGlobal).map(
    (spec) =>
      new aws.cfg.Rule(
        `${scope.name}-rule-${spec.id}`,
        {
          name: `${scope.namePrefix}-${spec.id}`,
          description: `PCI DSS v4.0 ${spec.pci.join(", ")}: AWS managed rule ${spec.identifier}`,
          source: { owner: "AWS", sourceIdentifier: spec.identifier },
          ...(spec.params ? { inputParameters: JSON.stringify(spec.params) } : {}),
          tags: { pci: spec.pci.join(" ") },
        },
        // Managed rules need a running recorder in the region.
        { parent: scope.parent, dependsOn: [status] },
      ),
  );
  return { recorder, rules };
}
