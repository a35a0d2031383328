/**
 * What the offline mocks answer for an ARC Region switch plan: ARC allocates one Route 53 health
 * check per Region for the plan's Route 53 step, which `getRoute53HealthChecks` reads back.
 */
import { createHash } from "crypto";

/** What the mocks know of a Region switch plan they created: its Regions and steered record. */
export interface MockedPlan {
  regions: string[];
  recordName: string;
  hostedZoneId: string;
}

/** The health checks ARC allocates for a plan's Route 53 step: one per Region, deterministic ids. */
export function mockPlanHealthChecks(planArn: string, plan: MockedPlan) {
  return plan.regions.map((region) => ({
    healthCheckId: createHash("sha256").update(`${planArn}|${region}`).digest("hex").slice(0, 36),
    hostedZoneId: plan.hostedZoneId,
    recordName: plan.recordName,
    region,
    // Before any execution the primary Region (the first) is the active one.
    status: region === plan.regions[0] ? "healthy" : "unhealthy",
  }));
}

/** The Regions and the steered record of a plan's inputs (its Route 53 health-check step). */
export function planOf(inputs: Record<string, unknown>): MockedPlan {
  const steps = ((inputs.workflows ?? []) as { steps?: Record<string, unknown>[] }[]).flatMap(
    (w) => w.steps ?? [],
  );
  const route = steps
    .map((step) => (step.route53HealthCheckConfigs as Record<string, string>[] | undefined)?.[0])
    .find((c) => c !== undefined);
  return {
    regions: (inputs.regions ?? []) as string[],
    recordName: route?.recordName ?? "",
    hostedZoneId: route?.hostedZoneId ?? "",
  };
}
