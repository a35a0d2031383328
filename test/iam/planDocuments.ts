/** Every IAM policy document in a plan: any string input that parses to `{ Statement: [...] }`. */
import { PlannedResource, StackPlan } from "../../offline/plan";
import { Document } from "./catalog";

/** Both stacks with the FIS drill templates on (off by default), so their role is checked too. */
export const WITH_DRILLS = ["prod-mumbai", "dr-singapore"].map((s) => `${s}:ecommerce:dr.fis=true`);

export interface FoundDocument {
  resource: PlannedResource;
  /** Where in the inputs, e.g. `policy` or `inlinePolicies[0].policy`. */
  path: string;
  document: Document;
}

export function planDocuments(p: StackPlan): FoundDocument[] {
  const found: FoundDocument[] = [];
  const walk = (value: unknown, path: string, resource: PlannedResource): void => {
    if (typeof value === "string") {
      if (!value.includes('"Statement"')) return;
      try {
        const parsed = JSON.parse(value) as Partial<Document>;
        if (Array.isArray(parsed.Statement))
          found.push({ resource, path, document: parsed as Document });
      } catch {
        // Not JSON: a description that mentions statements.
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, resource));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, resource);
    }
  };
  for (const r of p.resources) walk(r.inputs, "", r);
  return found;
}

/** The policy document of the role policy (or other resource) named `name` of type `type`. */
export function documentOf(p: StackPlan, type: string, name: string): Document {
  const found = planDocuments(p).filter(
    (d) => d.resource.type === type && d.resource.name === name,
  );
  if (found.length !== 1) throw new Error(`${found.length} documents on ${type} ${name}`);
  return found[0].document;
}
