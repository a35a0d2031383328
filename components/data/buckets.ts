/** Buckets every stack owns; `logs` receives the others' server access logs. */
export const BUCKETS = ["assets", "web"] as const;
export type BucketName = (typeof BUCKETS)[number];

/**
 * The storefront's replica `web` bucket in `region`, named by the primary: its distribution names
 * the bucket as its secondary origin before the standby exists, and the standby creates the bucket
 * under that name (read through the StackReference). 3–63 characters, as S3 requires.
 */
export function storefrontReplicaBucketName(
  primaryPrefix: string,
  region: string,
  accountId: string,
): string {
  const name = `${primaryPrefix}-web-${region}-${accountId}`;
  if (name.length > 63)
    throw new Error(`storefront replica bucket name ${name} exceeds 63 characters`);
  return name;
}
