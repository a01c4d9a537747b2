import type { NumberFormat } from "@/components/charts/number-format";

/** One value of a result row, as the database returned it. */
export type Cell = unknown;

const PERCENT_NAME = /(^|_)(pct|percent|percentage)$/i;
const RATIO_NAME = /(^|_)(rate|ratio|share|conversion)(_|$)/i;
const PLAIN_NAME = /(^|_)(id|year)$/i;
const MONEY_NAME = /(^|_)(usd|cost|spend|price|revenue)(_|$)/i;

const numbers = (values: readonly Cell[]) => values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/**
 * How a result column is shown, from its name and its values; the CSV keeps the exact values.
 * `reply_rate_pct` (already in percent) and a `…rate` between 0 and 1 read as percentages to
 * one decimal; money columns as dollars; whole numbers with thousands separators (not ids or
 * years); any other
 * fraction to one decimal, or two when every value is below 1 (a mean confidence of 0.87).
 */
export function columnFormat(name: string, values: readonly Cell[]): NumberFormat {
  const ns = numbers(values);
  if (PERCENT_NAME.test(name)) return { style: "percent", of: "hundred", digits: 1 };
  if (RATIO_NAME.test(name) && ns.length > 0 && ns.every((n) => n >= 0 && n <= 1)) return { style: "percent", of: "ratio", digits: 1 };
  if (MONEY_NAME.test(name)) return { style: "usd" };
  if (ns.every(Number.isInteger)) return PLAIN_NAME.test(name) ? { style: "number", digits: 0, grouping: false } : { style: "number", digits: 0 };
  return { style: "number", digits: ns.every((n) => Math.abs(n) < 1) ? 2 : 1 };
}

/** "reply_rate_pct" → "reply rate": what a column measures, in words, for the chart's caption. */
export function measureName(column: string): string {
  return column.replace(PERCENT_NAME, "").replace(/_+/g, " ").trim() || column;
}
