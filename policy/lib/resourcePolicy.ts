/** Checks shared by the resource-policy rules (bucket, queue and topic policies). */
import { Statement, asArray, isWildcardPrincipal, statements } from "./props";

/** A Deny for every principal when aws:SecureTransport is false. */
function deniesInsecureTransport(s: Statement): boolean {
  const bool = (s.Condition as Record<string, Record<string, unknown>> | undefined)?.Bool;
  const secure = bool?.["aws:SecureTransport"];
  return (
    s.Effect === "Deny" &&
    isWildcardPrincipal(s.Principal) &&
    asArray(secure).some((v) => v === false || v === "false")
  );
}

/**
 * Problems with a resource policy: no TLS-only deny, or an Allow to anyone without a condition.
 * A policy that is not known yet (first preview) has no statements and is not judged.
 */
export function resourcePolicyProblems(policy: unknown): string[] {
  if (policy === undefined || (typeof policy === "string" && !policy.trim().startsWith("{")))
    return [];
  const all = statements(policy);
  return [
    all.some(deniesInsecureTransport)
      ? undefined
      : "no statement denies requests without TLS (aws:SecureTransport false)",
    ...all.map((s, i) =>
      s.Effect === "Allow" && isWildcardPrincipal(s.Principal) && !s.Condition
        ? `statement ${i} allows anyone without a condition`
        : undefined,
    ),
  ].filter((m): m is string => Boolean(m));
}
