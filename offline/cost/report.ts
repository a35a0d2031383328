/** How `npm run cost` and `npm start` print an estimate. */
import { PRICES_RECORDED, USAGE } from "./prices";
import { StackEstimate, drPremium, totalsBy } from "./estimate";

export const dollars = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

/** One line per stack for `npm start`. */
export function formatCostLine(e: StackEstimate): string {
  const top = totalsBy(e.items, "component")
    .slice(0, 3)
    .map(([c, v]) => `${c} ${dollars(v)}`)
    .join(", ");
  return `Estimated cost of ${e.stack} (${e.activity.posture}): ${dollars(e.total)} a month on demand (${top}; npm run cost for the breakdown)`;
}

function table(rows: [string, string, string?][], indent = "    "): string {
  const w0 = Math.max(0, ...rows.map((r) => r[0].length));
  const w1 = Math.max(0, ...rows.map((r) => r[1].length));
  return rows
    .map(([a, b, c]) => `${indent}${a.padEnd(w0)}  ${b.padStart(w1)}${c ? `  ${c}` : ""}`)
    .join("\n");
}

/** The breakdown of one stack: by component, by type, and (optionally) every line item. */
export function formatEstimate(e: StackEstimate, items = false): string {
  const lines = [
    `== ${e.stack} (${e.region}, ${e.activity.posture}): ${dollars(e.total)} a month ==`,
    "  by component:",
    table(totalsBy(e.items, "component").map(([k, v]) => [k, dollars(v)])),
    "  by resource type:",
    table(totalsBy(e.items, "type").map(([k, v]) => [k, dollars(v)])),
  ];
  if (items) {
    lines.push(
      "  line items:",
      table(
        [...e.items]
          .sort((a, b) => b.usd - a.usd)
          .map((i) => [`${i.component}/${i.name}`, dollars(i.usd), i.basis]),
      ),
    );
  }
  return lines.join("\n");
}

/** The standby in each DR mode against the primary. */
export function formatPremium(primary: StackEstimate, standbyByMode: StackEstimate[]): string {
  const premium = drPremium(
    primary.total,
    Object.fromEntries(standbyByMode.map((s) => [s.activity.posture, s.total])),
  );
  return [
    `DR premium: what ${standbyByMode[0]?.stack ?? "the standby"} costs in each mode, against ${primary.stack} (${dollars(primary.total)}):`,
    table(
      premium.map((p) => [
        p.mode,
        dollars(p.usd),
        `${p.percentOfPrimary.toFixed(0)} % of the primary`,
      ]),
      "  ",
    ),
  ].join("\n");
}

export function formatAssumptions(): string {
  return [
    `Prices: on-demand list prices per region in offline/cost/prices.ts, recorded ${PRICES_RECORDED}`,
    "(each with its pricing page; re-check before budgeting). Usage assumed for a serving stack:",
    ...Object.values(USAGE).map(
      (u) => `  - ${typeof u.value === "object" ? JSON.stringify(u.value) : u.value}: ${u.why}`,
    ),
  ].join("\n");
}
