/** Compares a role policy's granted actions with an upstream reference policy's. */
import { Document, expandAction } from "./catalog";

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Every action an Allow statement of the document names, patterns expanded, sorted. */
export async function allowedActions(document: Document): Promise<string[]> {
  const actions = new Set<string>();
  for (const s of document.Statement.filter((s) => s.Effect === "Allow")) {
    for (const a of list(s.Action)) {
      const expanded = await expandAction(a);
      if (expanded.length === 0) throw new Error(`${a} matches no action`);
      expanded.forEach((e) => actions.add(e.toLowerCase()));
    }
  }
  return [...actions].sort();
}

export interface Comparison {
  /** Upstream grants it, we do not. */
  missing: string[];
  /** We grant it, upstream does not. */
  beyond: string[];
}

export async function compareWithUpstream(
  ours: Document,
  upstream: Document[],
): Promise<Comparison> {
  const mine = new Set(await allowedActions(ours));
  const theirs = new Set((await Promise.all(upstream.map(allowedActions))).flat());
  return {
    missing: [...theirs].filter((a) => !mine.has(a)).sort(),
    beyond: [...mine].filter((a) => !theirs.has(a)).sort(),
  };
}
