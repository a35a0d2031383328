/**
 * What must hold at every step of a game day, checked against the world and its deployed plans.
 * Each violation names its invariant and says what breaks it in the plans' own terms.
 */
import { replicationLinks } from "./facts";
import { servingInputs } from "./servingPaths";
import { World, answers, liveWriters, up, writePath } from "./world";

export const INVARIANTS = {
  oneWriter: "at most one writer",
  writesToWriter: "DNS never sends writes to a Region without a writer",
  noLostDependency: "no serving path depends on a lost Region",
  pathBack: "data written after failover has a path back",
  stepRuns: "every step runs with the lost Region gone",
} as const;
export type Invariant = keyof typeof INVARIANTS;

export interface Violation {
  invariant: Invariant;
  message: string;
}

export function oneWriter(w: World): Violation[] {
  const writers = liveWriters(w);
  if (writers.length <= 1) return [];
  return [
    {
      invariant: "oneWriter",
      message: `${writers.length} Aurora writers: ${writers.map((c) => `${c.key} in ${c.region} (${c.role === "detached" ? "detached from the global cluster" : "global primary"})`).join(" and ")}`,
    },
  ];
}

/**
 * Between operations, the Region each failover record answers with must hold the live writer and
 * its services must reach it. While no Region has a live writer (the outage before a promotion)
 * there is nothing to send writes to, so nothing to misroute.
 */
export function writesToWriter(w: World): Violation[] {
  const writers = liveWriters(w);
  if (writers.length === 0) return [];
  const at = writers.map((c) => c.region);
  return answers(w).flatMap((a) => {
    if (a.region === undefined) return [];
    const path = writePath(w, a.region);
    if (at.includes(a.region) && path.ok) return [];
    return [
      {
        invariant: "writesToWriter" as const,
        message: `Route 53 answers ${a.name} with ${a.region} (${a.role}; ${a.steering}) while the writer is in ${at.join(", ")}; writes from ${a.region}: ${path.why}`,
      },
    ];
  });
}

export function noLostDependency(w: World): Violation[] {
  if (w.lost.size === 0) return [];
  const serving = [
    ...new Set(
      answers(w)
        .map((a) => a.region)
        .filter((r): r is string => r !== undefined && up(w, r)),
    ),
  ];
  const seen = new Set<string>();
  return serving.flatMap((region) =>
    servingInputs(w.plans, region).flatMap((input) => {
      const dead =
        input.alternatives.length > 0 &&
        input.alternatives.every((a) => a.some((r) => w.lost.has(r)));
      const key = `${input.path}|${input.what}`;
      if (!dead || seen.has(key)) return [];
      seen.add(key);
      const lost = [...new Set(input.alternatives.flat().filter((r) => w.lost.has(r)))];
      return [
        {
          invariant: "noLostDependency" as const,
          message: `${input.path} served from ${region}: ${input.what} needs ${lost.join(", ")}`,
        },
      ];
    }),
  );
}

/** Once the writer is away from home, every store must replicate back to home. */
export function pathBack(w: World): Violation[] {
  const writer = liveWriters(w)[0];
  if (!writer || writer.region === w.home) return [];
  const from = writer.region;
  const out: Violation[] = [];
  const homeMember = w.clusters.some(
    (c) => c.global !== undefined && c.global === writer.global && c.region === w.home,
  );
  if (writer.role === "detached" || !homeMember)
    out.push({
      invariant: "pathBack",
      message: `Aurora: ${writer.key} writes in ${from} ${writer.role === "detached" ? "outside any global cluster" : "in a global cluster with no member"} in ${w.home}; nothing replicates its writes back (a promoted cluster cannot rejoin)`,
    });
  const links = replicationLinks(w.plans);
  for (const f of links.filter((l) => l.from === w.home && l.to === from)) {
    const back = links.some(
      (l) =>
        l.from === from && l.to === w.home && (l.store === f.store || l.source === f.destination),
    );
    if (!back)
      out.push({
        invariant: "pathBack",
        message: `${f.store.startsWith("s3:") ? "S3" : "DynamoDB"}: ${f.what} replicates ${w.home} → ${from} only; nothing replicates ${f.destination} back to ${w.home}, so objects written after failover are stranded at failback`,
      });
  }
  return out;
}

/** `transient`: inside one operation (a switch workflow's steps), where DNS and writer move in turn. */
export function checkAll(w: World, transient = false): Violation[] {
  return [
    ...oneWriter(w),
    ...(transient ? [] : writesToWriter(w)),
    ...noLostDependency(w),
    ...pathBack(w),
  ];
}
