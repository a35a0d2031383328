/**
 * Pure IPv4 CIDR arithmetic and the subnet planner for the three-tier network.
 *
 * The planner gives every (tier, AZ index) a fixed slot that depends only on the VPC CIDR, never
 * on how many AZs are in use, so growing `azCount` from 3 to 4 adds subnets without moving the
 * existing ones (a moved subnet would force AWS to replace everything inside it).
 */

/** A parsed IPv4 CIDR block: `base` is the network address as an unsigned 32-bit integer. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

/** The three subnet tiers. `data` subnets never get a route to the internet. */
export type Tier = "public" | "private" | "data";
export const TIERS: readonly Tier[] = ["public", "private", "data"];

/** The most AZs the planner reserves room for; AWS regions offer at most six to one account. */
export const MAX_AZS = 6;
/** Accepted VPC prefix lengths: large enough for pod IPs (VPC CNI), small enough to route. */
export const MIN_VPC_PREFIX = 16;
export const MAX_VPC_PREFIX = 20;

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/p`; returns `undefined` for anything that is not a canonical IPv4 CIDR. */
export function tryParseCidr(text: string): Cidr | undefined {
  const match = CIDR_PATTERN.exec(text.trim());
  if (!match) {
    return undefined;
  }
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) {
    return undefined;
  }
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (base % blockSize(prefix) !== 0) {
    // Host bits set (e.g. 10.10.1.0/16): AWS would silently round it, so we refuse it instead.
    return undefined;
  }
  return { base, prefix };
}

/** Parses a CIDR or throws with the offending text. */
export function parseCidr(text: string): Cidr {
  const cidr = tryParseCidr(text);
  if (!cidr) {
    throw new Error(`"${text}" is not a canonical IPv4 CIDR block (a.b.c.d/p, no host bits set)`);
  }
  return cidr;
}

export function formatCidr(cidr: Cidr): string {
  const b = cidr.base;
  return `${Math.floor(b / 2 ** 24) % 256}.${Math.floor(b / 2 ** 16) % 256}.${Math.floor(b / 2 ** 8) % 256}.${b % 256}/${cidr.prefix}`;
}

/** Number of addresses in a block of the given prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The `index`-th block of length `newPrefix` inside `parent`. */
export function subdivide(parent: Cidr, newPrefix: number, index: number): Cidr {
  if (newPrefix < parent.prefix || newPrefix > 28) {
    throw new Error(`cannot carve a /${newPrefix} out of a /${parent.prefix}`);
  }
  const count = 2 ** (newPrefix - parent.prefix);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new Error(
      `block ${index} is outside the ${count} /${newPrefix} blocks of a /${parent.prefix}`,
    );
  }
  return { base: parent.base + index * blockSize(newPrefix), prefix: newPrefix };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    inner.prefix >= outer.prefix &&
    inner.base >= outer.base &&
    inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix)
  );
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}

/** One planned subnet. */
export interface PlannedSubnet {
  readonly tier: Tier;
  /** Index of the AZ in the configured list; also the stable Pulumi name suffix. */
  readonly azIndex: number;
  readonly cidr: string;
}

/**
 * Layout, in eighths of the VPC (a /16 shown; every size scales the same way):
 *
 * | eighth | holds                                  | /16 example          |
 * |--------|----------------------------------------|----------------------|
 * | 0–5    | private subnet of AZ 0–5 (nodes, pods) | six /19, 8,190 IPs   |
 * | 6      | public subnets, 1/8 of the eighth each | six /22 (2 spare)    |
 * | 7      | data subnets, 1/8 of the eighth each   | six /22 (2 spare)    |
 *
 * Private subnets get most of the space because the VPC CNI gives every pod a VPC address.
 */
export function planSubnets(vpcCidr: string, azCount: number): PlannedSubnet[] {
  const vpc = parseCidr(vpcCidr);
  if (vpc.prefix < MIN_VPC_PREFIX || vpc.prefix > MAX_VPC_PREFIX) {
    throw new Error(`VPC prefix /${vpc.prefix} is outside /${MIN_VPC_PREFIX}–/${MAX_VPC_PREFIX}`);
  }
  if (!Number.isInteger(azCount) || azCount < 1 || azCount > MAX_AZS) {
    throw new Error(`azCount ${azCount} is outside 1–${MAX_AZS}`);
  }
  const eighth = vpc.prefix + 3;
  const small = eighth + 3;
  const plan: PlannedSubnet[] = [];
  for (let az = 0; az < azCount; az++) {
    plan.push({
      tier: "public",
      azIndex: az,
      cidr: formatCidr(subdivide(subdivide(vpc, eighth, 6), small, az)),
    });
    plan.push({ tier: "private", azIndex: az, cidr: formatCidr(subdivide(vpc, eighth, az)) });
    plan.push({
      tier: "data",
      azIndex: az,
      cidr: formatCidr(subdivide(subdivide(vpc, eighth, 7), small, az)),
    });
  }
  return plan;
}
