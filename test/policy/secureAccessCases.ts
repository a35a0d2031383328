/**
 * The cases every `*-enforce-secure-access` rule shares: S3 bucket, SNS topic and SQS queue
 * policies are judged by one check (anyone allowed only under a condition, a deny of requests
 * without TLS for everyone), so each rule's test runs the same cases on its own type.
 */
import { editStatements } from "./fixtures/common";
import { passes, violates } from "./ruleSuite";

export function secureAccessCases(type: string) {
  return {
    passes: [
      passes(type, "an Allow to anyone under a condition", (p) =>
        editStatements(p, (st) => (st[0].Principal = { AWS: "*" })),
      ),
      passes(type, "the TLS deny's condition given as a boolean", (p) =>
        editStatements(p, (st) => (st[1].Condition = { Bool: { "aws:SecureTransport": false } })),
      ),
    ],
    violations: [
      violates(type, "no TLS-only deny", (p) => editStatements(p, (st) => st.pop()), /without TLS/),
      violates(
        type,
        "anyone allowed",
        (p) =>
          editStatements(p, (st) => {
            st[0].Principal = "*";
            delete st[0].Condition;
          }),
        /statement 0 allows anyone without a condition/,
      ),
      violates(
        type,
        "a TLS deny for one principal only",
        (p) =>
          editStatements(p, (st) => (st[1].Principal = { AWS: "arn:aws:iam::123456789012:root" })),
        /no statement denies requests without TLS \(aws:SecureTransport false\)/,
      ),
      violates(
        type,
        "a TLS deny that denies secure requests instead",
        (p) =>
          editStatements(
            p,
            (st) => (st[1].Condition = { Bool: { "aws:SecureTransport": "true" } }),
          ),
        /no statement denies requests without TLS/,
      ),
      violates(
        type,
        "anyone allowed in a list of principals",
        (p) =>
          editStatements(p, (st) => {
            st[0].Principal = { AWS: ["arn:aws:iam::123456789012:root", "*"] };
            delete st[0].Condition;
          }),
        /statement 0 allows anyone without a condition/,
      ),
    ],
  };
}
