/**
 * What the standby's DR mode means for the relational data, as a pure table (docs/runbook.md
 * describes the modes).
 *
 * | posture  | joined to the global cluster | writes                                  |
 * |----------|------------------------------|-----------------------------------------|
 * | active   | creates it (primary)         | writer                                  |
 * | standby  | yes, secondary               | read-only                               |
 * | drill    | yes, secondary               | forwarded to the primary (lag unchanged) |
 * | failover | no: detached and promoted    | writer                                  |
 *
 * In the standby the membership and (in failover) write forwarding are the global cluster's:
 * `pulumi up` ignores changes to them (`clusterIgnoreChanges` in aurora.ts), so the managed
 * failover or switchover promotes the cluster and `dr.mode` only follows it.
 */
export type DataPosture = "active" | "standby" | "drill" | "failover";

export interface AuroraPosture {
  /** The cluster carries `globalClusterIdentifier`. */
  joinsGlobalCluster: boolean;
  /** `enableGlobalWriteForwarding`: a secondary forwards writes to the primary region. */
  writeForwarding: boolean;
  /** Accepts writes itself. */
  writer: boolean;
}

export function auroraPosture(posture: DataPosture): AuroraPosture {
  switch (posture) {
    case "active":
      return { joinsGlobalCluster: true, writeForwarding: false, writer: true };
    case "standby":
      return { joinsGlobalCluster: true, writeForwarding: false, writer: false };
    case "drill":
      return { joinsGlobalCluster: true, writeForwarding: true, writer: false };
    case "failover":
      return { joinsGlobalCluster: false, writeForwarding: false, writer: true };
  }
}
