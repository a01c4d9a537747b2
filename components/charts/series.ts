/** One row of a chart: its category or time (`key`) and a number for each series. */
export type ChartRow = { key: string; [series: string]: string | number | null };

/** A line or a set of bars: the row field it reads and the name the legend and tooltip show. */
export type ChartSeries = { key: string; label: string };

/**
 * The brand colour first (app/globals.css), then hues that stay apart for colour-blind readers
 * and keep at least 3:1 against white. Each is a theme variable with its value as fallback, so a
 * chart keeps its colour whether or not Tailwind emitted the variable.
 */
export const SERIES_COLOURS = [
  "var(--color-brand-600, #2f5bc4)",
  "var(--color-amber-600, #d97706)",
  "var(--color-teal-600, #0d9488)",
  "var(--color-rose-600, #e11d48)",
  "var(--color-violet-600, #7c3aed)",
  "var(--color-slate-600, #475569)",
  "var(--color-lime-700, #4d7c0f)",
  "var(--color-sky-700, #0369a1)",
] as const;

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

/** A chart with no `series` plots each row's `value`, named after the chart. */
export function seriesOf(series: readonly ChartSeries[] | undefined, label: string): ChartSeries[] {
  return series && series.length > 0 ? [...series] : [{ key: "value", label }];
}

/** A row's number for one series, or null when it has none (a gap, not a zero). */
export function valueOf(row: ChartRow, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** A category name short enough for an axis tick; the tooltip and the table show it whole. */
export function shortTick(text: string, max = 14): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The `days` UTC days up to `today` (YYYY-MM-DD), each with its row or a zero: a day with no
 * rows is a day of nothing, and a line drawn straight over it would invent the days between.
 */
export function everyDay(rows: readonly { key: string; value: number }[], days: number, today: string): ChartRow[] {
  const byDay = new Map(rows.map((r) => [r.key, r.value]));
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const key = new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return { key, value: byDay.get(key) ?? 0 };
  });
}

/** Whether every value the series draw is a whole number (counts): then the value axis ticks whole numbers only. */
export function wholeNumbers(data: readonly ChartRow[], series: readonly ChartSeries[]): boolean {
  return data.every((row) => series.every((s) => {
    const v = valueOf(row, s.key);
    return v === null || Number.isInteger(v);
  }));
}
