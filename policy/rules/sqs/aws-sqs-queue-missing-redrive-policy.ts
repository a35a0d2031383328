import { isComputed, peek } from "../../lib/known";
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
    const separate = stack.ofType(REDRIVE);
    // The policy text is unknown in a first preview (it embeds the dead-letter queue's ARN); the
    // property dependency still names that queue, and such a policy has a target: the ARN in it.
    const targetArn = (r: { props: Record<string, unknown> }) => {
      const text = peek(r.props, "redrivePolicy");
      if (isComputed(text)) return undefined;
      const doc = parseDocument(text) as { deadLetterTargetArn?: string } | undefined;
      return doc?.deadLetterTargetArn;
    };
    // Dead-letter queues: named by a redrive policy, through its dependency or its ARN. (A queue
    // without a policy names none: an undefined here would exempt every queue without an arn.)
    const deadLetters = new Set(
      [...queues, ...separate]
        .flatMap((r) => [
          ...stack.referenced(r, "redrivePolicy", [QUEUE]).map((q) => q.urn),
          targetArn(r),
        ])
        .filter((x): x is string => x !== undefined),
    );
    const redriven = (q: { urn: string }) =>
      separate.some((r) => stack.referenced(r, "queueUrl", [QUEUE]).some((x) => x.urn === q.urn));
    return queues
      .filter((q) => !deadLetters.has(q.urn) && !deadLetters.has(peek(q.props, "arn") as string))
      .filter((q) => !(isComputed(peek(q.props, "redrivePolicy")) || targetArn(q)) && !redriven(q))
      .map((resource) => ({ resource, message: "no redrive policy to a dead-letter queue" }));
  },
);
