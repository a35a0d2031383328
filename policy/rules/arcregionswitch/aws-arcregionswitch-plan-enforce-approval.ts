import { isComputed, peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

type Step = { name?: string; executionBlockType?: string; executionApprovalConfigs?: unknown };

export default resourceRule(
  {
    name: "aws-arcregionswitch-plan-enforce-approval",
    description:
      "Every workflow of an ARC Region switch plan opens with a ManualApproval step naming an approver role: nothing moves the shop's writer or traffic without a person.",
    severity: "high",
    // Advisory: ecommerce:dr.approval=false is a supported choice for a fully automatic failover.
    enforcementLevel: "advisory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:arcregionswitch/plan:Plan"],
    remediation:
      "Set ecommerce:dr.approval to true (the default), or make a ManualApproval step with an approvalRole each workflow's first step.",
  },
  (props) => {
    const workflows = peek(props, "workflows");
    if (isComputed(workflows)) return undefined;
    const list = asArray<{ workflowTargetRegion?: string; steps?: unknown }>(workflows);
    if (list.length === 0) return "the plan has no workflows";
    return list.map((w, i) => {
      const [first] = asArray<Step>(w.steps);
      const where = `workflow ${i} (${w.workflowTargetRegion ?? "?"})`;
      if (first?.executionBlockType !== "ManualApproval") {
        return `${where} does not open with a ManualApproval step`;
      }
      const [config] = asArray<{ approvalRole?: unknown }>(first.executionApprovalConfigs);
      return config?.approvalRole ? undefined : `${where}: its approval step names no approvalRole`;
    });
  },
);
