import { expect } from "chai";
import { res } from "../../harness";
import { describeRule, messages, UNKNOWN } from "../../ruleSuite";

const RULE = "aws-sqs-queue-missing-redrive-policy";
const QUEUE = "aws:sqs/queue:Queue";
const DLQ_ARN = "arn:aws:sqs:ap-south-1:1:orders-dlq";
const dlq = res(QUEUE, "orders-dlq", { arn: DLQ_ARN });
const main = res(
  QUEUE,
  "orders",
  { redrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }) },
  { redrivePolicy: ["orders-dlq"] },
);
const bare = res(QUEUE, "payments", { arn: "arn:aws:sqs:ap-south-1:1:payments" });

describeRule(RULE, () => {
  it("a queue with a DLQ passes, the DLQ itself is exempt, a bare queue warns", async () => {
    expect(await messages(RULE, [dlq, main])).to.deep.equal([]);
    expect(await messages(RULE, [dlq, main, bare])).to.deep.equal([
      "payments: no redrive policy to a dead-letter queue",
    ]);
  });

  it("finds the dead-letter queue by its ARN when no dependency was recorded", async () => {
    expect(await messages(RULE, [dlq, { ...main, deps: {} }])).to.deep.equal([]);
  });

  it("accepts a redrive policy computed during a preview, naming the DLQ by dependency", async () => {
    const computed = { ...main, props: { redrivePolicy: UNKNOWN } };
    expect(await messages(RULE, [dlq, computed])).to.deep.equal([]);
  });

  it("accepts a separate RedrivePolicy resource for the queue", async () => {
    const queue = res(QUEUE, "orders", { url: "https://sqs/orders" });
    const redrive = res(
      "aws:sqs/redrivePolicy:RedrivePolicy",
      "orders-redrive",
      {
        queueUrl: "https://sqs/orders",
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: DLQ_ARN, maxReceiveCount: 5 }),
      },
      { queueUrl: ["orders"], redrivePolicy: ["orders-dlq"] },
    );
    expect(await messages(RULE, [dlq, queue, redrive])).to.deep.equal([]);
    // Without it neither queue is redriven, and the would-be DLQ is no dead-letter queue.
    expect(await messages(RULE, [dlq, queue])).to.have.members([
      "orders: no redrive policy to a dead-letter queue",
      "orders-dlq: no redrive policy to a dead-letter queue",
    ]);
  });
});
