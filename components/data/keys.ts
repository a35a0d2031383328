import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { KEY_PURPOSES, KeyPurpose, dataKeyPolicy } from "./keyPolicy";
import { ComponentScope } from "../shared/scope";

export type KeyArns = Record<KeyPurpose, pulumi.Output<string>>;

/** The keys are created in the data layer's scope. */
type KeyScope = ComponentScope;

const policyFor = (scope: KeyScope, purpose: KeyPurpose, region: string) =>
  pulumi
    .output(scope.accountId)
    .apply((account) => JSON.stringify(dataKeyPolicy(purpose, account, region)));

/** Primary: one multi-region customer key per purpose, rotating yearly. */
export function createPrimaryKeys(scope: KeyScope): Record<KeyPurpose, aws.kms.Key> {
  return Object.fromEntries(
    KEY_PURPOSES.map((purpose) => [
      purpose,
      new aws.kms.Key(
        `${scope.name}-${purpose}`,
        {
          description: `${scope.namePrefix} ${purpose} data`,
          multiRegion: true,
          enableKeyRotation: true,
          deletionWindowInDays: 30,
          policy: policyFor(scope, purpose, scope.region),
          tags: { Name: `${scope.namePrefix}-${purpose}`, purpose },
        },
        { parent: scope.parent, protect: scope.protect },
      ),
    ]),
  ) as Record<KeyPurpose, aws.kms.Key>;
}

/** A replica of a primary multi-region key in `region` (same key material, own key policy). */
export function createReplicaKey(
  scope: KeyScope,
  purpose: KeyPurpose,
  primaryKeyArn: pulumi.Input<string>,
  region: string,
  nameSuffix = "",
): aws.kms.ReplicaKey {
  return new aws.kms.ReplicaKey(
    `${scope.name}-${purpose}${nameSuffix}`,
    {
      primaryKeyArn,
      region,
      description: `${scope.namePrefix} ${purpose} data (replica in ${region})`,
      deletionWindowInDays: 30,
      policy: policyFor(scope, purpose, region),
      tags: { Name: `${scope.namePrefix}-${purpose}`, purpose },
    },
    { parent: scope.parent, protect: scope.protect },
  );
}
