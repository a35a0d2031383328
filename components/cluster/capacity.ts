/**
 * Capacity per DR posture, as a pure function. Ceilings are production size in every posture, so
 * a standby scales up on demand without waiting for a `pulumi up`: the system node group's max and
 * Karpenter's NodePool limits are the full level's everywhere. Only the floors differ: the primary
 * and a drilled or failed-over standby start at full size; a resting standby keeps the minimum
 * that still survives an AZ loss. A ceiling costs nothing until it is used (Karpenter launches
 * nodes only for pending pods; `limits` caps the pool's total, karpenter.sh v1 NodePool docs).
 */
import { DataPosture } from "../data/posture";

export interface Scaling {
  min: number;
  desired: number;
  max: number;
}

export interface KarpenterLimits {
  /** NodePool `limits.cpu` (cores). */
  cpu: number;
  /** NodePool `limits.memory` (GiB). */
  memoryGiB: number;
}

export interface CapacityProfile {
  system: Scaling;
  karpenter: KarpenterLimits;
}

export interface CapacityConfig {
  /** Production size: the floors of a serving posture and the ceilings of every posture. */
  full: CapacityProfile;
  /** A resting standby's floors: the system node group's min and desired (ceilings stay full). */
  reduced: { system: Omit<Scaling, "max"> };
}

export type CapacityLevel = "full" | "reduced";

/** Full for the primary and for a standby in drill or failover; reduced for a resting standby. */
export function capacityLevel(posture: DataPosture): CapacityLevel {
  return posture === "standby" ? "reduced" : "full";
}

export function capacityFor(posture: DataPosture, config: CapacityConfig): CapacityProfile {
  const { full, reduced } = config;
  if (capacityLevel(posture) === "full") return full;
  return { system: { ...reduced.system, max: full.system.max }, karpenter: full.karpenter };
}
