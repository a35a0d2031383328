import { editStatements } from "../../fixtures/common";
import { describeResourceRule, passes, violates } from "../../ruleSuite";

const RULE = "aws-sqs-queuepolicy-enforce-secure-access";
const TYPE = "aws:sqs/queuePolicy:QueuePolicy";

describeResourceRule(RULE, {
  passes: [
    passes(TYPE, "an Allow to anyone under a condition", (p) =>
      editStatements(p, (st) => (st[0].Principal = { AWS: "*" })),
    ),
    passes(TYPE, "the TLS deny's condition given as a boolean", (p) =>
      editStatements(p, (st) => (st[1].Condition = { Bool: { "aws:SecureTransport": false } })),
    ),
  ],
  violations: [
    violates(TYPE, "no TLS-only deny", (p) => editStatements(p, (st) => st.pop()), /without TLS/),
    violates(
      TYPE,
      "anyone allowed",
      (p) =>
        editStatements(p, (st) => {
          st[0].Principal = "*";
          delete st[0].Condition;
        }),
      /statement 0 allows anyone without a condition/,
    ),
    violates(
      TYPE,
      "a TLS deny for one principal only",
      (p) =>
        editStatements(p, (st) => (st[1].Principal = { AWS: "arn:aws:iam::123456789012:root" })),
      /no statement denies requests without TLS \(aws:SecureTransport false\)/,
    ),
    violates(
      TYPE,
      "a TLS deny that denies secure requests instead",
      (p) =>
        editStatements(p, (st) => (st[1].Condition = { Bool: { "aws:SecureTransport": "true" } })),
      /no statement denies requests without TLS/,
    ),
    violates(
      TYPE,
      "anyone allowed in a list of principals",
      (p) =>
        editStatements(p, (st) => {
          st[0].Principal = { AWS: ["arn:aws:iam::123456789012:root", "*"] };
          delete st[0].Condition;
        }),
      /statement 0 allows anyone without a condition/,
    ),
  ],
});
