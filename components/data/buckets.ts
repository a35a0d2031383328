/** Buckets every stack owns; `logs` receives the others' server access logs. */
export const BUCKETS = ["assets", "web"] as const;
export type BucketName = (typeof BUCKETS)[number];
