import * as fs from "fs";
import { rules } from "./policy/rules";
const covered = new Set(rules.flatMap((r) => r.meta.types));
const types = new Set<string>();
for (const st of ["prod-mumbai","dr-singapore"]) { const p = JSON.parse(fs.readFileSync(`/tmp/s18/new/${st}.json`,"utf8")); for (const r of p.resources) types.add(r.type); }
const all=[...types].sort();
console.log("deployed", all.length, "covered", all.filter(t=>covered.has(t)).length);
console.log(all.filter(t=>!covered.has(t)).join("\n"));
