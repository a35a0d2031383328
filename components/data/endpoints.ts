/**
 * Which Aurora endpoint a service writes to and reads from, per posture: a pure table, so the
 * tests read exactly what each DR mode hands the workloads (`DB_HOST`, `DB_READER_HOST`).
 *
 * | posture  | DB_HOST (writes)                       | DB_READER_HOST (reads)   |
 * |----------|----------------------------------------|--------------------------|
 * | active   | the global writer endpoint             | this cluster's reader    |
 * | standby  | the global writer endpoint             | this cluster's reader    |
 * | drill    | this cluster's reader (write forwarding) | this cluster's reader  |
 * | failover | the global writer endpoint             | this cluster's reader    |
 *
 * The global writer endpoint (`aws.rds.GlobalCluster.endpoint`, @pulumi/aws 7.48.0: "always
 * points to the writer DB instance in the current primary cluster") follows a managed switchover
 * or failover by itself ("Connecting to Amazon Aurora Global Database", Aurora User Guide), so a
 * standby that the Region switch plan promotes writes locally without a `pulumi up`; at rest it
 * names prod-mumbai's writer, which Singapore's pods cannot reach (no peering) and do not need (no
 * traffic). It follows only a managed switchover or failover (`FailoverGlobalCluster`, which keeps
 * the promoted cluster in the global database): a cluster detached with RemoveFromGlobalCluster
 * leaves it. A cluster's own writer endpoint is inactive while it is a secondary, and write
 * forwarding only works through a secondary's reader or instance endpoints (same guide, "Using
 * write forwarding"), hence the drill row. A cluster endpoint's name carries its region; the
 * global writer endpoint's (`<global-cluster>.global-<id>.global.rds.amazonaws.com`) does not.
 */
import { DataPosture } from "./posture";

export type AuroraEndpointKind = "globalWriter" | "clusterReader";

export interface DatabaseHosts {
  /** Where writes go (`DB_HOST`). */
  writes: AuroraEndpointKind;
  /** Where reads go (`DB_READER_HOST`). */
  reads: AuroraEndpointKind;
}

export function databaseHosts(posture: DataPosture): DatabaseHosts {
  switch (posture) {
    case "active":
    case "standby":
    case "failover":
      return { writes: "globalWriter", reads: "clusterReader" };
    case "drill":
      return { writes: "clusterReader", reads: "clusterReader" };
  }
}
