import { peek } from "../../lib/known";
import { asArray } from "../../lib/props";
import { resourceRule } from "../../lib/rule";

export default resourceRule(
  {
    name: "aws-cloudfront-distribution-configure-origin-failover",
    description:
      "The default cache behavior (the storefront) is served by an origin group of two origins, so a failing origin region fails over to its replica.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: ["PCI-DSS 4.0 §12.10.1"],
    topic: "availability",
    types: ["aws:cloudfront/distribution:Distribution"],
    remediation:
      "Add an originGroups entry with the primary and a replica origin (failoverCriteria with 5xx codes) and point defaultCacheBehavior.targetOriginId at it.",
  },
  (props) => {
    const target = peek(peek(props, "defaultCacheBehavior"), "targetOriginId");
    const groups = asArray<Record<string, unknown>>(props.originGroups);
    const group = groups.find((g) => peek(g, "originId") === target);
    if (!group) return `the default behavior targets ${String(target)}, not an origin group`;
    const origins = new Set(asArray(props.origins).map((o) => peek(o, "originId")));
    const members = asArray(peek(group, "members")).map((m) => peek(m, "originId"));
    if (members.length !== 2 || members.some((m) => !origins.has(m)))
      return `origin group ${String(target)} does not name two of the distribution's origins`;
    const codes = asArray<number>(peek(peek(group, "failoverCriteria"), "statusCodes")).map(Number);
    return [500, 502, 503, 504].every((c) => codes.includes(c))
      ? undefined
      : `origin group ${String(target)} does not fail over on 500, 502, 503 and 504`;
  },
);
