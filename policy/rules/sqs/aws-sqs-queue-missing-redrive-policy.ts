import { parseDocument } from "../../lib/props";
import { stackRule } from "../../lib/rule";

const QUEUE = "aws:sqs/queue:Queue";
const REDRIVE = "aws:sqs/redrivePolicy:RedrivePolicy";

export default stackRule(
  {
    name: "aws-sqs-queue-missing-redrive-policy",
    description:
      "Every SQS queue that is not itself a dead-letter queue sends failed messages to one.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: [QUEUE, REDRIVE],
    remediation:
      "Set redrivePolicy { deadLetterTargetArn, maxReceiveCount } (or an aws.sqs.RedrivePolicy).",
  },
  (stack) => {
    const queues = stack.ofType(QUEUE);
    const targetOf = (q: { props: Record<string, unknown> }) =>
      String(parseDocument(q.props?.redrivePolicy)?.["deadLetterTargetArn" as never] ?? "");
    const separate = stack.ofType(REDRIVE);
    const dlqArns = new Set([...queues.map(targetOf), ...separate.map(targetOf)].filter(Boolean));
    const dlqUrns = new Set(
      [...queues, ...separate]
        .flatMap((q) => stack.referenced(q, "redrivePolicy"))
        .map((q) => q.urn),
    );
    return queues
      .filter((q) => !dlqUrns.has(q.urn) && !dlqArns.has(q.props?.arn))
      .filter(
        (q) =>
          !targetOf(q) &&
          !separate.some((r) => stack.referenced(r, "queueUrl").some((x) => x.urn === q.urn)),
      )
      .map((resource) => ({ resource, message: "no redrive policy to a dead-letter queue" }));
  },
);
