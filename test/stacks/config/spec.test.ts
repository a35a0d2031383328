import { expect } from "chai";
import * as fs from "fs";
import { CONFIG_DOCS, renderConfigDocs } from "../../../scripts/configDocs";
import { CONFIG_SPEC, ECOMMERCE_KEYS, ECOMMERCE_SPEC } from "../../../stacks/config";
import { KeySpec, documentedKeys } from "../../../stacks/config/spec";
import { SERVICE_NAMES } from "../../../services/catalog";
import { primaryRaw, problemsOrNone, standbyRaw, withKey } from "./fixtures";

/** Every key path the spec declares, `<name>` replaced by a real service name. */
function declaredPaths(path: string, spec: KeySpec): { path: string; spec: KeySpec }[] {
  const own = { path, spec };
  if (spec.each) return [own, ...declaredPaths(`${path}.${spec.each.names[0]}`, spec.each.node)];
  return [
    own,
    ...Object.entries(spec.keys ?? {}).flatMap(([k, v]) => declaredPaths(`${path}.${k}`, v)),
  ];
}

const ecommercePaths = Object.entries(ECOMMERCE_SPEC).flatMap(([k, v]) =>
  declaredPaths(`ecommerce:${k}`, v),
);
/** Keys inside a section (a top-level scalar has no sibling the parser could refuse). */
const nested = ecommercePaths.filter((p) => p.path.includes("."));

describe("stacks/config/spec (docs, unknown-key check and parsers agree)", () => {
  it("keeps docs/configuration.md generated from the specs (npm run docs)", () => {
    const docs = fs.readFileSync(CONFIG_DOCS, "utf8");
    expect(docs).to.equal(renderConfigDocs());
  });

  it("documents every key in the reference, one row each", () => {
    const docs = fs.readFileSync(CONFIG_DOCS, "utf8");
    const rows = [...docs.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    const documented = Object.entries(CONFIG_SPEC).flatMap(([ns, spec]) =>
      Object.entries(spec.keys ?? {}).flatMap(([k, v]) => documentedKeys(`${ns}:${k}`, v)),
    );
    expect(documented.length).to.be.greaterThan(90);
    expect(rows).to.deep.equal(documented.map((k) => k.path));
    // The checks the parser runs on the ecommerce: namespace are the reference's sections.
    const sections = ECOMMERCE_KEYS.map((k) => k.slice("ecommerce:".length));
    for (const name of sections)
      expect(rows.some((r) => r.startsWith(`ecommerce:${name}`))).to.equal(true);
  });

  it("describes every value key: a one-line doc, a type and a default", () => {
    const leaves = ecommercePaths.filter((p) => !p.spec.keys && !p.spec.each);
    expect(leaves.length).to.be.greaterThan(80);
    for (const { path, spec } of leaves) {
      // Contract keys of a canary or mirror are described once, on the track.
      const underDocumented = ecommercePaths.some(
        (p) => p.spec.doc && path.startsWith(`${p.path}.`),
      );
      if (underDocumented) continue;
      expect(spec.doc, path).to.be.a("string").and.not.equal("");
      expect(spec.doc, path).to.not.include("\n");
      expect(spec.type, path).to.be.a("string");
      expect(spec.default !== undefined || spec.defaultText !== undefined, path).to.equal(true);
    }
  });

  it("derives ECOMMERCE_KEYS, the unknown-key check's list, from the spec", () => {
    expect(ECOMMERCE_KEYS).to.deep.equal(Object.keys(ECOMMERCE_SPEC).map((k) => `ecommerce:${k}`));
    for (const key of ECOMMERCE_KEYS) {
      for (const base of [primaryRaw, standbyRaw]) {
        expect(
          problemsOrNone({ ...base, [key]: base[key] ?? {} }).filter((p) =>
            p.includes("is not a key of this program"),
          ),
        ).to.deep.equal([]);
      }
    }
  });

  it("has the parsers accept every key the spec declares", () => {
    expect(nested.length).to.be.greaterThan(100);
    for (const { path } of nested) {
      for (const base of [primaryRaw, standbyRaw]) {
        const unknown = problemsOrNone(withKey(base, path, "x")).filter((p) =>
          p.includes("unknown key"),
        );
        expect(unknown, path).to.deep.equal([]);
      }
    }
  });

  it("has the parsers refuse a key the spec does not declare, naming the accepted ones", () => {
    // Each object's spec: a key beside its declared ones is refused with the spec's list.
    const objects: { path: string; spec: KeySpec }[] = [
      ...Object.entries(ECOMMERCE_SPEC).map(([k, v]) => ({
        path: `ecommerce:${k}`,
        spec: v as KeySpec,
      })),
      ...nested,
    ].filter((p) => p.spec.keys || p.spec.each);
    expect(objects.length).to.be.greaterThan(25);
    for (const { path, spec } of objects) {
      const raw = withKey(primaryRaw, `${path}.notAKey`, 1);
      const accepted = spec.each ? spec.each.names : Object.keys(spec.keys ?? {});
      expect(problemsOrNone(raw), path).to.include(
        `${path}.notAKey: unknown key; accepted keys: ${accepted.join(", ")}`,
      );
    }
  });

  it("lists the services by name under ecommerce:services", () => {
    expect(ECOMMERCE_SPEC.services.each.names).to.equal(SERVICE_NAMES);
  });
});
