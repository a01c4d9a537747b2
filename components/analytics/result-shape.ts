import { humanize } from "@/lib/format";
import { measureName, type Cell } from "./column-format";

/** What a result is drawn as; `measures` are the numeric columns that can be plotted. */
export type ChartPlan =
  | { kind: "line" | "bar"; x: number; measures: number[]; measure: number }
  | { kind: "table" };

const TIME_NAME = /^(day|date|week|month|year|quarter|period|hour|time)s?$|_(at|date|day|week|month)$/i;
// 2026-11-21, 2026-11, 2026-47 (year-week), 2026-W47, 2026-11-21 10:00, 2026-11-21T10:00:00Z
const TIME_VALUE = /^\d{4}-(W?\d{1,2})(-\d{2})?([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/;

const isNumber = (v: Cell) => typeof v === "number" && Number.isFinite(v);
const present = (rows: Cell[][], col: number) => rows.map((r) => r[col]).filter((v) => v !== null && v !== undefined);

/** A column every non-empty cell of which is a number (and at least one is). */
export function isNumericColumn(rows: Cell[][], col: number): boolean {
  const values = present(rows, col);
  return values.length > 0 && values.every(isNumber);
}

function isTimeColumn(name: string, rows: Cell[][], col: number): boolean {
  const values = present(rows, col);
  if (values.length === 0) return false;
  if (values.every((v) => typeof v === "string" && TIME_VALUE.test(v))) return true;
  return TIME_NAME.test(name) && values.every((v) => typeof v === "string" || isNumber(v));
}

/**
 * Picks a chart from the result's shape: a time-like first column (dates, weeks) is a line, a
 * text first column with a numeric second column is a bar, anything else stays a table. The
 * plotted measure defaults to a numeric column the question names ("…most replies" → replies,
 * "open rate by vertical" → open_rate_pct), else the second column.
 */
export function planChart(columns: string[], rows: Cell[][], question = ""): ChartPlan {
  if (columns.length < 2 || rows.length === 0) return { kind: "table" };
  const measures = columns.map((_, i) => i).filter((i) => i > 0 && isNumericColumn(rows, i));
  if (measures.length === 0) return { kind: "table" };
  const asked = ` ${question.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  const named = measures.find((i) => asked.includes(` ${measureName(columns[i]!).toLowerCase()} `));
  if (isTimeColumn(columns[0]!, rows, 0)) return { kind: "line", x: 0, measures, measure: named ?? measures[0]! };
  const first = present(rows, 0);
  if (first.length > 0 && first.every((v) => typeof v === "string") && isNumericColumn(rows, 1)) {
    return { kind: "bar", x: 0, measures, measure: named ?? 1 };
  }
  return { kind: "table" };
}

/** "Reply rate by vertical": the chart's accessible name, from its columns (reply_rate_pct, vertical). */
export function chartLabel(columns: string[], x: number, measure: number): string {
  return `${humanize(measureName(columns[measure]!))} by ${columns[x]!.replace(/_/g, " ")}`;
}

/** The points to draw: a line runs in time order whatever the table's order; a bar keeps it. */
export function chartPoints(plan: Extract<ChartPlan, { kind: "line" | "bar" }>, rows: Cell[][], limit = 50): { key: string; value: number }[] {
  const points = rows
    .filter((r) => r[plan.x] !== null && r[plan.x] !== undefined)
    .map((r) => ({ key: String(r[plan.x]), value: isNumber(r[plan.measure]) ? (r[plan.measure] as number) : 0 }));
  if (plan.kind === "line") points.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return points.slice(0, limit);
}

export type SortState = { column: number; direction: "asc" | "desc" } | null;

/** Compares two cells: numbers as numbers, text in natural order, empty cells last either way. */
function compareCells(a: Cell, b: Cell): number {
  if (isNumber(a) && isNumber(b)) return (a as number) - (b as number);
  return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
}

export function sortRows(rows: Cell[][], sort: SortState): Cell[][] {
  if (!sort) return rows;
  const sign = sort.direction === "asc" ? 1 : -1;
  const empty = (v: Cell) => v === null || v === undefined;
  return [...rows].sort((x, y) => {
    const a = x[sort.column];
    const b = y[sort.column];
    if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
    return sign * compareCells(a, b);
  });
}

/** Next state when a header is clicked: ascending, then descending, then the original order. */
export function nextSort(current: SortState, column: number): SortState {
  if (current?.column !== column) return { column, direction: "asc" };
  return current.direction === "asc" ? { column, direction: "desc" } : null;
}

// A text cell starting with one of these is read as a formula by spreadsheet programs.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV: a header row, CRLF line ends, fields with commas, quotes or line breaks quoted. */
export function toCsv(columns: string[], rows: Cell[][]): string {
  return [columns, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** "Which campaign gets the most replies?" → "which-campaign-gets-the-most-replies". */
export function fileSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "result";
}
