/**
 * What the standby's DR mode means for the relational data, as a pure table (docs/runbook.md
 * describes the modes). The Region switch plan changes the roles; `dr.mode` records which of its
 * workflows last ran, so `pulumi up` follows instead of fighting it.
 *
 * | posture  | in the global cluster | writes                                                    |
 * |----------|-----------------------|-----------------------------------------------------------|
 * | active   | creates it (primary)  | writer (a secondary after the plan activated the standby) |
 * | standby  | member, secondary     | read-only                                                 |
 * | drill    | member                | writer: the plan's graceful switchover (RPO 0)            |
 * | failover | member                | writer: the plan's ungraceful failover (allow data loss)  |
 *
 * Both switches keep the topology: SwitchoverGlobalCluster demotes the old primary to a
 * secondary, and after FailoverGlobalCluster Aurora rebuilds the old primary as a secondary when
 * its Region is back. So the standby's cluster always names the global cluster, and the membership
 * and write forwarding are the global cluster's (`clusterIgnoreChanges` in aurora.ts): no
 * `pulumi up` calls ModifyDBCluster or RemoveFromGlobalCluster for a mode change.
 */
export type DataPosture = "active" | "standby" | "drill" | "failover";

export interface AuroraPosture {
  /** Accepts writes itself (once the plan's workflow has run, for the standby's modes). */
  writer: boolean;
}

export function auroraPosture(posture: DataPosture): AuroraPosture {
  switch (posture) {
    case "active":
    case "drill":
    case "failover":
      return { writer: true };
    case "standby":
      return { writer: false };
  }
}
