import { describeResourceRule, passes, UNKNOWN, violates } from "../../ruleSuite";

const RULE = "aws-arcregionswitch-plan-enforce-writer-before-traffic";
const PLAN = "aws:arcregionswitch/plan:Plan";
type Props = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const aurora = (p: Props) => p.workflows[1].steps[1].parallelConfigs[0].steps[0];

describeResourceRule(RULE, {
  passes: [
    passes(PLAN, "a behaviour computed during a preview", (p) => {
      aurora(p).globalAuroraConfigs[0].behavior = UNKNOWN;
    }),
    passes(PLAN, "a workflow without a Route 53 step", (p) => p.workflows[1].steps.pop()),
  ],
  violations: [
    violates(
      PLAN,
      "a graceful drill that fails over with data loss",
      (p) => (aurora(p).globalAuroraConfigs[0].behavior = "failover"),
      /workflow 1 \(ap-southeast-1\): Aurora behavior failover loses data even in a graceful execution/,
    ),
    violates(
      PLAN,
      "DNS moves before the database",
      (p) => p.workflows[1].steps.reverse(),
      /workflow 1 \(ap-southeast-1\): the Route 53 step does not come after the Aurora global database step/,
    ),
    violates(
      PLAN,
      "DNS moves with no database step at all",
      (p) => p.workflows[0].steps.splice(1, 1),
      /workflow 0 \(ap-south-1\): the Route 53 step does not come after/,
    ),
  ],
});
