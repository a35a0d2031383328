/** Public-ingress check shared by inline security-group rules and separate rule resources. */
import { ANYWHERE } from "./props";

export function publicIngressFinding(
  cidrs: unknown[],
  fromPort: unknown,
  toPort: unknown,
  allowListed: boolean,
): string | undefined {
  const open = cidrs.filter((c): c is string => typeof c === "string" && ANYWHERE.includes(c));
  if (open.length === 0) return undefined;
  const httpsOnly = Number(fromPort) === 443 && Number(toPort) === 443;
  return httpsOnly && allowListed
    ? undefined
    : `ingress ${fromPort ?? "all"}-${toPort ?? "all"} is open to ${open.join(", ")}`;
}
