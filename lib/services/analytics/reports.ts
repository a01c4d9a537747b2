import "server-only";
import { z } from "zod";
import { VERTICALS, type Vertical } from "@/db/schema";
import { CATALOGUE } from "@/lib/analytics/catalogue";
import { executeQuery } from "@/lib/analytics/executor";
import { FUNNEL_STAGES, funnel, runReport, withRates, type FunnelRow, type FunnelStage } from "@/lib/analytics/reports";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { parseParams, visibleText, type RawParams } from "../params";
import { emptyAnswer, parseInput, problemFor, requireOperator, rowCount, type AnswerView, type ReportSummary } from "./answers";

export const SqlInput = z.object({
  sql: visibleText({ max: 20_000, missing: "Write some SQL.", empty: "Write some SQL to run.", tooLong: "The SQL is too long (20,000 characters at most)." }),
  /** The question or report the SQL was edited from, to label the result. */
  title: z.string().max(500).optional(),
});
export const ReportInput = z.object({ reportId: z.string().min(1, "Choose a report.").max(100) });
export const FunnelQuery = z.object({ vertical: z.enum(VERTICALS, { error: `must be one of ${VERTICALS.join(", ")}` }).optional() });

/** Rows an edited query may return to the page (a question's answer is capped at 50 by the graph). */
export const SQL_MAX_ROWS = 200;
const SUGGESTIONS = 4;

/** Questions the metrics layer answers without a model (a test reads each one), offered under the question box. */
export const OFFLINE_SUGGESTIONS = [
  "Reply rate by vertical, last 30 days",
  "Top 10 companies by replies",
  "Emails sent per week",
  "Meetings booked by campaign",
];

export type FunnelView = { vertical: Vertical | null; total: FunnelRow; byVertical: FunnelRow[] };

/** Runs SQL an operator wrote or edited, through the same gate and read-only path as the graph's. */
export async function runEditedSql(user: SessionUser, input: z.infer<typeof SqlInput>): Promise<AnswerView> {
  requireOperator(user);
  const { sql, title } = parseInput(SqlInput, input);
  const base = { ...emptyAnswer("sql", title || "Your SQL", "operator"), sql };
  const result = await executeQuery(sql, { maxRows: SQL_MAX_ROWS });
  if (!result.ok) {
    const problem = problemFor(result.kind, result.error);
    return { ...base, status: "failed", summary: problem.message, problem, attempts: [{ sql, error: result.error, kind: result.kind }] };
  }
  const { columns, rows, truncated } = result;
  // "0.15 ms", "12 ms": a person reads a timing, not the float the clock gave.
  const ms = result.ms < 10 ? Number(result.ms.toPrecision(2)) : Math.round(result.ms);
  const summary = rows.length === 0 ? `Your SQL ran in ${ms} ms and matched no records.` : `Your SQL returned ${rowCount(rows.length, truncated)} in ${ms} ms${truncated ? ` (only the first ${SQL_MAX_ROWS} are shown)` : ""}.`;
  return { ...base, status: "answered", summary, problem: null, columns, rows, truncated, attempts: [{ sql: result.sql, error: null, kind: "ok" }] };
}

/** Runs a catalogue report by id, without a question or a model. */
export async function runCatalogueReport(user: SessionUser, input: z.infer<typeof ReportInput>): Promise<AnswerView> {
  requireOperator(user);
  const { reportId } = parseInput(ReportInput, input);
  const known = CATALOGUE.find((r) => r.id === reportId);
  if (!known) throw new AppError("not_found:analytics", { field: "reportId", message: "There is no such report." });
  const base = { ...emptyAnswer("report", known.title, "catalogue"), sql: known.sql, reportId, reason: "A fixed report from the catalogue, run as written; no question was interpreted." };
  try {
    const { report, rows } = await runReport(reportId);
    const columns = Object.keys(rows[0] ?? {});
    const summary = `${report.description} ${rows.length === 0 ? "No records matched." : `${rowCount(rows.length, false)}.`}`;
    return { ...base, status: "answered", summary, problem: null, columns, rows: rows.map((row) => columns.map((c) => row[c])) };
  } catch (e) {
    if (!isAppError(e) || e.type !== "timeout") throw e;
    const problem = problemFor("timeout", e.message);
    return { ...base, status: "failed", summary: problem.message, problem };
  }
}

export function parseFunnelQuery(params: RawParams): z.infer<typeof FunnelQuery> {
  return parseParams(FunnelQuery, params, "analytics");
}

/** The funnel for one vertical, or for all of them summed (with each vertical's own row). */
export async function funnelView(user: SessionUser, query: z.infer<typeof FunnelQuery>): Promise<FunnelView> {
  requireOperator(user);
  const rows = await funnel(query.vertical ? { by: "vertical", vertical: query.vertical } : { by: "vertical" });
  const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, rows.reduce((sum, r) => sum + r.counts[stage], 0)])) as Record<FunnelStage, number>;
  return { vertical: query.vertical ?? null, total: withRates(query.vertical ?? "all", counts), byVertical: query.vertical ? [] : rows };
}

/** The catalogue as the page lists it. */
export function catalogueFor(user: SessionUser): ReportSummary[] {
  requireOperator(user);
  return CATALOGUE.map(({ id, title, description, chart }) => ({ id, title, description, chart }));
}

/** Report titles that, asked as questions, find their own report even without a model. */
export function suggestionsFor(user: SessionUser): string[] {
  requireOperator(user);
  return OFFLINE_SUGGESTIONS.slice(0, SUGGESTIONS);
}

