import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ComponentScope, stateful } from "../shared/scope";

/** The shop's key-value tables, global across both regions. */
export const TABLES = ["carts", "sessions"] as const;
export type TableName = (typeof TABLES)[number];

/** Primary: on-demand tables with PITR, CMK, TTL, and the stream global tables replicate from. */
export function createTables(
  scope: ComponentScope,
  kmsKeyArn: pulumi.Input<string>,
): Record<TableName, aws.dynamodb.Table> {
  return Object.fromEntries(
    TABLES.map((table) => [
      table,
      new aws.dynamodb.Table(
        `${scope.name}-${table}`,
        {
          name: `${scope.namePrefix}-${table}`,
          billingMode: "PAY_PER_REQUEST",
          hashKey: "id",
          attributes: [{ name: "id", type: "S" }],
          ttl: { attributeName: "expiresAt", enabled: true },
          pointInTimeRecovery: { enabled: true },
          serverSideEncryption: { enabled: true, kmsKeyArn },
          deletionProtectionEnabled: true,
          streamEnabled: true,
          streamViewType: "NEW_AND_OLD_IMAGES",
          tags: { Name: `${scope.namePrefix}-${table}` },
        },
        // Replicas are added by the standby stack (aws.dynamodb.TableReplica), not here.
        stateful(scope, { ignoreChanges: ["replicas"] }),
      ),
    ]),
  ) as Record<TableName, aws.dynamodb.Table>;
}

/** Standby: this region joins each primary table as a global-table replica. */
export function createTableReplicas(
  scope: ComponentScope,
  tableArns: pulumi.Input<Record<TableName, string>>,
  kmsKeyArn: pulumi.Input<string>,
): Record<TableName, aws.dynamodb.TableReplica> {
  return Object.fromEntries(
    TABLES.map((table) => [
      table,
      new aws.dynamodb.TableReplica(
        `${scope.name}-${table}`,
        {
          globalTableArn: pulumi.output(tableArns).apply((arns) => arns[table]),
          kmsKeyArn,
          pointInTimeRecovery: true,
          deletionProtectionEnabled: true,
          tags: { Name: `${scope.namePrefix}-${table}` },
        },
        stateful(scope),
      ),
    ]),
  ) as Record<TableName, aws.dynamodb.TableReplica>;
}
