/**
 * Capacity per DR posture, as a pure function: the primary, and the standby once it is drilled or
 * failed over, run at full size; a resting standby keeps the minimum that still survives an AZ
 * loss and can scale up in minutes.
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
  full: CapacityProfile;
  reduced: CapacityProfile;
}

export type CapacityLevel = "full" | "reduced";

/** Full for the primary and for a standby in drill or failover; reduced for a resting standby. */
export function capacityLevel(posture: DataPosture): CapacityLevel {
  return posture === "standby" ? "reduced" : "full";
}

export function capacityFor(posture: DataPosture, config: CapacityConfig): CapacityProfile {
  return config[capacityLevel(posture)];
}
