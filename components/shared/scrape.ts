/**
 * The pod annotations Prometheus's `kubernetes-pods` job keeps a pod by and reads its metrics port
 * and path from (the job's relabelling: components/observability/values.ts).
 */
export function podScrapeAnnotations(port: number, path?: string): Record<string, string> {
  return {
    "prometheus.io/scrape": "true",
    "prometheus.io/port": String(port),
    ...(path !== undefined ? { "prometheus.io/path": path } : {}),
  };
}
