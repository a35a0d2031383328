/** EKS checks shared by the aws:eks/cluster rules and the eks:index:Cluster component rules. */
import { ANYWHERE, isTrue } from "./props";

export const CONTROL_PLANE_LOG_TYPES = [
  "api",
  "audit",
  "authenticator",
  "controllerManager",
  "scheduler",
];

export function missingLogTypes(enabled: unknown): string | undefined {
  const list = Array.isArray(enabled) ? enabled : [];
  const missing = CONTROL_PLANE_LOG_TYPES.filter((t) => !list.includes(t));
  return missing.length ? `control-plane log types missing: ${missing.join(", ")}` : undefined;
}

/**
 * Endpoint exposure. AWS turns the public endpoint on when it is not specified, so an omitted
 * `endpointPublicAccess` counts as on.
 */
export function endpointFindings(
  privateAccess: unknown,
  publicAccess: unknown,
  publicCidrs: unknown,
): (string | undefined)[] {
  const cidrs: string[] = Array.isArray(publicCidrs) ? publicCidrs : [];
  const publicOn = publicAccess === undefined || isTrue(publicAccess);
  return [
    isTrue(privateAccess) ? undefined : "private endpoint access is off",
    publicOn && (cidrs.length === 0 || cidrs.some((c) => ANYWHERE.includes(c)))
      ? "public endpoint open to the internet (no operator CIDR allow-list)"
      : undefined,
  ];
}
