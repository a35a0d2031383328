import { isComputed, peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

type Step = {
  name?: string;
  executionBlockType?: string;
  globalAuroraConfigs?: unknown;
  parallelConfigs?: unknown;
};

/** The step itself, or a Parallel step's members. */
function blocks(step: Step): Step[] {
  return step.executionBlockType === "Parallel"
    ? asArray<{ steps?: unknown }>(step.parallelConfigs).flatMap((p) => asArray<Step>(p.steps))
    : [step];
}

export default resourceRule(
  {
    name: "aws-arcregionswitch-plan-enforce-writer-before-traffic",
    description:
      "ARC Region switch workflows switch the Aurora global database over gracefully (failover with data loss only in ungraceful executions), and move DNS only after the database step: traffic never reaches a Region without a writer, and a drill never loses data.",
    severity: "critical",
    enforcementLevel: "mandatory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:arcregionswitch/plan:Plan"],
    remediation:
      "Use behavior switchoverOnly with ungraceful { ungraceful: failover } on AuroraGlobalDatabase steps, and put the Route53HealthCheck step after the step that holds the Aurora block.",
  },
  (props) => {
    const workflows = peek(props, "workflows");
    if (isComputed(workflows)) return undefined;
    return asArray<{ workflowTargetRegion?: string; steps?: unknown }>(workflows).flatMap(
      (w, i) => {
        const where = `workflow ${i} (${w.workflowTargetRegion ?? "?"})`;
        const steps = asArray<Step>(w.steps);
        const auroraAt = steps.findIndex((s) =>
          blocks(s).some((b) => b.executionBlockType === "AuroraGlobalDatabase"),
        );
        const routeAt = steps.findIndex((s) =>
          blocks(s).some((b) => b.executionBlockType === "Route53HealthCheck"),
        );
        const behaviors = steps
          .flatMap(blocks)
          .flatMap((b) => asArray<{ behavior?: string }>(b.globalAuroraConfigs))
          .map((c) => c.behavior);
        return [
          ...behaviors
            .filter((b) => b !== undefined && !isComputed(b) && b !== "switchoverOnly")
            .map((b) => `${where}: Aurora behavior ${b} loses data even in a graceful execution`),
          routeAt >= 0 && (auroraAt < 0 || routeAt <= auroraAt)
            ? `${where}: the Route 53 step does not come after the Aurora global database step`
            : undefined,
        ];
      },
    );
  },
);
