import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-arcregionswitch-plan-enforce-approval";
const PLAN = "aws:arcregionswitch/plan:Plan";

describeResourceRule(RULE, {
  passes: [
    passes(PLAN, "an approver role computed during a preview", (p) => {
      for (const w of p.workflows) w.steps[0].executionApprovalConfigs[0].approvalRole = UNKNOWN;
    }),
    passes(PLAN, "workflows computed during a preview", (p) => (p.workflows = UNKNOWN)),
  ],
  violations: [
    violates(
      PLAN,
      "no approval before activating the standby",
      (p) => p.workflows[1].steps.shift(),
      /workflow 1 \(ap-southeast-1\) does not open with a ManualApproval step/,
    ),
    violates(
      PLAN,
      "approval without an approver",
      (p) => delete p.workflows[0].steps[0].executionApprovalConfigs[0].approvalRole,
      /workflow 0 \(ap-south-1\): its approval step names no approvalRole/,
    ),
    violates(PLAN, "no workflows", (p) => (p.workflows = []), /the plan has no workflows/),
  ],
});
