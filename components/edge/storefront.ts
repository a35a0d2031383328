/**
 * The storefront's S3 origins, as data: the primary region's `web` bucket and, where the standby
 * replicates it, the replica behind it in a CloudFront origin group. Pure, so the tests read
 * exactly what the distribution is given.
 */

/** Origin ids; the default cache behavior targets the group when there is one. */
export const WEB_ORIGIN = "web";
export const WEB_REPLICA_ORIGIN = "web-replica";
export const WEB_GROUP = "web-failover";

/**
 * The responses from the primary origin that send a request to the replica (CloudFront developer
 * guide, "Optimize high availability with CloudFront origin failover": 400, 403, 404, 416, 500,
 * 502, 503 and 504 may be chosen; connection failures and timeouts always fail over).
 * - 500, 502, 503, 504: S3 in the primary region is failing.
 * - 403: what S3 answers when it cannot serve an object through origin access control, e.g. when
 *   the bucket's KMS key cannot be used in an impaired region. With OAC and no s3:ListBucket a
 *   missing object is a 403 too: such a request costs one extra attempt at the replica, which
 *   answers 403 as well.
 * - not 404: S3 answers 404 for a missing key only to a caller with s3:ListBucket, which the
 *   distribution is never granted, so it would never match.
 */
export const STOREFRONT_FAILOVER_STATUS_CODES = [403, 500, 502, 503, 504];

/**
 * `T` is a string in the tests and a Pulumi input in the edge: the origins stay plain objects, so
 * the policy pack reads them even while the domain names and the control's id are unknown.
 */
export interface StorefrontOriginsInput<T> {
  /** `<bucket>.s3.<region>.amazonaws.com` of the primary's `web` bucket. */
  primaryDomainName: T;
  /** The replica's regional domain name; absent when no region replicates the storefront. */
  replicaDomainName?: T;
  /** The origin access control both S3 origins sign with. */
  originAccessControlId: T;
}

export interface StorefrontOrigins<T> {
  origins: { originId: string; domainName: T; originAccessControlId: T }[];
  originGroups: {
    originId: string;
    failoverCriteria: { statusCodes: number[] };
    members: { originId: string }[];
  }[];
  /** What the default cache behavior targets: the group, or the single origin. */
  targetOriginId: string;
}

export function storefrontOrigins<T>(i: StorefrontOriginsInput<T>): StorefrontOrigins<T> {
  const primary = {
    originId: WEB_ORIGIN,
    domainName: i.primaryDomainName,
    originAccessControlId: i.originAccessControlId,
  };
  if (i.replicaDomainName === undefined) {
    return { origins: [primary], originGroups: [], targetOriginId: WEB_ORIGIN };
  }
  return {
    origins: [
      primary,
      {
        originId: WEB_REPLICA_ORIGIN,
        domainName: i.replicaDomainName,
        originAccessControlId: i.originAccessControlId,
      },
    ],
    originGroups: [
      {
        originId: WEB_GROUP,
        failoverCriteria: { statusCodes: STOREFRONT_FAILOVER_STATUS_CODES },
        // The first member is the primary origin (@pulumi/aws 7.48.0 DistributionOriginGroup).
        members: [{ originId: WEB_ORIGIN }, { originId: WEB_REPLICA_ORIGIN }],
      },
    ],
    targetOriginId: WEB_GROUP,
  };
}
