import { formatUsd } from "@/lib/format";

/**
 * How a chart or table shows its numbers. A plain value, never a function, so a server component
 * can choose the format of a client chart: a function cannot cross that boundary.
 *
 * - `number`: thousands separators (unless `grouping: false`, for ids and years); `digits` fixed
 *   decimals (absent: at most two).
 * - `percent`: `of: "ratio"` for 0.123 → "12.3%", `of: "hundred"` for a value already in percent.
 * - `usd`: dollars as the console shows them everywhere (lib/format's formatUsd).
 */
export type NumberFormat =
  | { style: "number"; digits?: number; grouping?: false }
  | { style: "percent"; of: "ratio" | "hundred"; digits?: number }
  | { style: "usd" };

/** The common formats by name: counts, a ratio shown as a percentage, dollars. */
export type FormatName = "number" | "percent" | "usd";

export type ChartFormat = FormatName | NumberFormat;

const NAMED: Record<FormatName, NumberFormat> = {
  number: { style: "number" },
  percent: { style: "percent", of: "ratio", digits: 1 },
  usd: { style: "usd" },
};

const cache = new Map<string, Intl.NumberFormat>();
function intl(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = new Intl.NumberFormat("en", options)));
  return found;
}

const fixed = (digits: number, grouping = true) =>
  intl(`fixed-${digits}-${grouping}`, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping });

export function resolveFormat(format: ChartFormat = "number"): NumberFormat {
  return typeof format === "string" ? NAMED[format] : format;
}

/** A value as a person reads it in a table or a tooltip: rounded, never in scientific notation. */
export function formatValue(format: ChartFormat | undefined, n: number): string {
  if (!Number.isFinite(n)) return "—";
  const f = resolveFormat(format);
  switch (f.style) {
    case "usd":
      return formatUsd(n);
    case "percent":
      return `${fixed(f.digits ?? 1).format(f.of === "ratio" ? n * 100 : n)}%`;
    case "number":
      if (f.digits === undefined) return intl(`number-${f.grouping ?? true}`, { maximumFractionDigits: 2, useGrouping: f.grouping ?? true }).format(n);
      return fixed(f.digits, f.grouping ?? true).format(n);
  }
}

/** A value on an axis: short (12.5K, $0.31, 40%), since the tooltip and the table carry the exact figure. */
export function formatTick(format: ChartFormat | undefined, n: number): string {
  if (!Number.isFinite(n)) return "";
  const f = resolveFormat(format);
  switch (f.style) {
    case "usd":
      return intl("usd-tick", { style: "currency", currency: "USD", notation: "compact", maximumSignificantDigits: 3 }).format(n);
    case "percent":
      return `${intl("percent-tick", { maximumFractionDigits: 1 }).format(f.of === "ratio" ? n * 100 : n)}%`;
    case "number":
      return intl("number-tick", { notation: "compact", maximumSignificantDigits: 3 }).format(n);
  }
}
