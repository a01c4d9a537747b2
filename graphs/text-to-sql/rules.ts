import { QUERYABLE_TABLES, type TextToSqlStateType } from "./state";

/** The version stamped on what these rules decide where no model did (tables by keyword, a catalogue report, a row count). */
export const RULES_VERSION = "text-to-sql-rules-v1-2026-11";

const TABLE_WORDS: Record<(typeof QUERYABLE_TABLES)[number], RegExp> = {
  companies: /\b(compan(y|ies)|vertical|industr(y|ies)|country|countries|account)/i,
  contacts: /\b(contacts?|people|person|leads?|seniorit|titles?|reps?|owners?)/i,
  company_facts: /\bfacts?\b/i,
  email_campaigns: /\bcampaigns?\b/i,
  campaign_enrollments: /\b(enrol|sequences?|steps?|touch(es)?)/i,
  emails: /\b(e-?mails?|opens?|opened|repl(y|ies|ied)|bounce|sent|send)/i,
  outcomes: /\b(outcomes?|meetings?|interested|convert|unsubscrib|labels?)/i,
};

/** The keyword reading of a question's tables, used when no model is available. */
export function tablesFromKeywords(question: string): string[] {
  const found = QUERYABLE_TABLES.filter((t) => TABLE_WORDS[t].test(question));
  return found.length ? found : ["contacts", "companies"];
}

/** The model wrote the SQL and has repairs left; a catalogue query is never "repaired" by guesswork. */
export function canRepair(state: Pick<TextToSqlStateType, "sqlSource" | "repairs">, maxRepairs: number): boolean {
  return state.sqlSource === "model" && (state.repairs ?? 0) < maxRepairs;
}

/**
 * The answer's confidence, a documented rule: a fixed report is trusted most (0.9); a metrics
 * reading takes the metrics layer's own rule (0.95 when the question named its window, 0.9 when
 * "all time" was assumed; lib/analytics/metrics/parse.ts); model SQL starts at 0.85 and loses
 * 0.15 per repair it took, never below 0.3; no SQL, 0.
 */
export function confidenceOf(state: Pick<TextToSqlStateType, "sqlSource" | "repairs"> & { offline?: TextToSqlStateType["offline"] }): number {
  if (state.sqlSource === "catalogue") return 0.9;
  if (state.sqlSource === "metrics") return state.offline?.kind === "metrics" ? state.offline.confidence : 0;
  if (state.sqlSource !== "model") return 0;
  return Math.max(0.3, Math.round((0.85 - 0.15 * (state.repairs ?? 0)) * 100) / 100);
}

const plural = (noun: string) => (noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`);
const formatValue = (value: number, percent: boolean) => (percent ? `${value.toFixed(1)} %` : new Intl.NumberFormat("en").format(value));

/**
 * A summary of a metrics-layer answer read off its rows, for when no model may write one: the
 * largest and smallest value of the plotted measure, by the breakdown, or the total. Only facts the
 * rows hold; null when the answer has no such shape (then the row count is the summary).
 */
export function metricsSummary(state: Pick<TextToSqlStateType, "offline">, columns: string[], rows: unknown[][]): string | null {
  const reading = state.offline;
  if (reading?.kind !== "metrics" || rows.length === 0) return null;
  const measure = reading.plan.measures[0]!;
  const column = measure.ratio ? `${measure.id}_pct` : measure.id;
  const m = columns.indexOf(column);
  if (m < 0) return null;
  const percent = measure.format === "percent";
  const label = measure.label.replace(/ \(.*\)$/, "");
  const dimension = reading.plan.dimension;
  if (!dimension) {
    const value = Number(rows[0]![m]);
    return Number.isFinite(value) ? `${label[0]!.toUpperCase()}${label.slice(1)}: ${formatValue(value, percent)} (${reading.plan.window.label}).` : null;
  }
  const d = columns.indexOf(dimension.id);
  const valued = rows.map((row) => ({ key: String(row[d]), value: Number(row[m]) })).filter((r) => d >= 0 && Number.isFinite(r.value));
  if (valued.length === 0) return null;
  const sorted = [...valued].sort((a, b) => b.value - a.value);
  const [top, bottom] = [sorted[0]!, sorted.at(-1)!];
  if (valued.length === 1) return `${top.key}: ${label} ${formatValue(top.value, percent)} (${reading.plan.window.label}).`;
  return `Highest ${label}: ${top.key} (${formatValue(top.value, percent)}); lowest: ${bottom.key} (${formatValue(bottom.value, percent)}), over ${valued.length} ${plural(dimension.label)} shown (${reading.plan.window.label}).`;
}
