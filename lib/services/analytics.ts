import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/client";
import { listQuestionRuns } from "@/db/queries/analytics-history";
import { listCampaigns } from "@/db/queries/outreach";
import { listRunSteps, mergeRunMetadata } from "@/db/queries/runs";
import { VERTICALS, type Vertical } from "@/db/schema";
import type { TextToSqlOutput } from "@/graphs/text-to-sql/graph";
import type { AttributionResult } from "@/graphs/touch-attribution/graph";
import { CATALOGUE, type ChartKind } from "@/lib/analytics/catalogue";
import { executeQuery } from "@/lib/analytics/executor";
import { FUNNEL_STAGES, funnel, matchReport, runReport, withRates, type FunnelRow, type FunnelStage } from "@/lib/analytics/reports";
import type { SessionUser } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/roles";
import { AppError, invalidInput, isAppError, type ErrorCode } from "@/lib/errors";
import type { GraphRunResult, StepStatus } from "@/lib/langgraph/client";
import { GraphRunError } from "@/lib/langgraph/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { parseParams, type RawParams } from "./params";
import type { RunAnswer } from "./runs";

/** Why there is no table: each kind reads as its own plain sentence. */
export type ProblemKind = "rejected" | "timeout" | "database" | "needs_model" | "failed";
export type Problem = { kind: ProblemKind; message: string };
export type AnswerSource = "model" | "catalogue" | "none" | "operator";
export type Attempt = { sql: string; error: string | null; kind: "rejected" | "database" | "timeout" | "ok" };
/** One recorded node step of a run; `ms` is null while it had not ended. */
export type StepView = { node: string; status: string; ms: number | null; error: string | null };

/** What the analytics page shows for a question, a report run directly, or edited SQL. */
export type AnswerView = {
  /** Unique per answer, so the page can tell a new answer from a re-render. */
  id: string;
  origin: "question" | "report" | "sql";
  /** The question asked, the report's title, or the question the edited SQL came from. */
  title: string;
  status: "answered" | "validated" | "failed" | "needs_model";
  summary: string;
  problem: Problem | null;
  sql: string | null;
  source: AnswerSource;
  reportId: string | null;
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  attempts: Attempt[];
  repairs: number;
  /** The CRM tables the question was read as needing (empty for a report or your SQL). */
  tables: string[];
  /** The graph's confidence in the answer; null when nothing was interpreted (a report, your SQL). */
  confidence: number | null;
  reason: string | null;
  runId: string | null;
  steps: StepView[];
};

export type ReportSummary = { id: string; title: string; description: string; chart: ChartKind };
export type HistoryItem = { runId: string; question: string; askedAt: string; status: string };
export type FunnelView = { vertical: Vertical | null; total: FunnelRow; byVertical: FunnelRow[] };

export const AskInput = z.object({
  question: z.string({ error: "Type a question." }).trim().min(3, "Ask a question of at least 3 characters.").max(500, "Keep the question under 500 characters."),
});
export const SqlInput = z.object({
  sql: z.string({ error: "Write some SQL." }).trim().min(1, "Write some SQL to run.").max(20_000, "The SQL is too long (20,000 characters at most)."),
  /** The question or report the SQL was edited from, to label the result. */
  title: z.string().max(500).optional(),
});
export const ReportInput = z.object({ reportId: z.string().min(1, "Choose a report.").max(100) });
export const FunnelQuery = z.object({ vertical: z.enum(VERTICALS, { error: `must be one of ${VERTICALS.join(", ")}` }).optional() });

/** Rows an edited query may return to the page (a question's answer is capped at 50 by the graph). */
export const SQL_MAX_ROWS = 200;
const HISTORY_SIZE = 20;
const SUGGESTIONS = 4;

/** Parses a service input; a bad one is a 400 naming the field, as from a server action. */
function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(result.error.issues, "bad_request:analytics", { named: false });
}

function requireOperator(user: SessionUser): void {
  if (!hasRole(user.role, "operator")) throw new AppError("forbidden:analytics");
}

const GATE_PREFIX = /^Rejected by the SQL gate \([a-z]+\): /;

/** The sentence a person reads for a failed query: the gate's reason, the time limit, or the database's own words. */
export function problemFor(kind: Attempt["kind"] | "failed", error: string): Problem {
  switch (kind) {
    case "rejected":
      return { kind, message: `This SQL was refused: ${error.replace(GATE_PREFIX, "")}` };
    case "timeout":
      return { kind, message: "The query took too long and was stopped. Narrow it with filters (a date range, one vertical or one campaign) and avoid cross joins." };
    case "database":
      return { kind, message: `The database could not run this query: ${error}` };
    default:
      return { kind: "failed", message: error };
  }
}

function stepViews(steps: Awaited<ReturnType<typeof listRunSteps>>): StepView[] {
  return steps.map((s) => ({ node: s.node, status: s.status, ms: s.endedAt ? s.endedAt.getTime() - s.startedAt.getTime() : null, error: s.error }));
}

function fromGraph(question: string, values: TextToSqlOutput, runId: string, steps: StepView[]): AnswerView {
  const answer = values.answer ?? { status: "failed" as const, summary: "The graph returned no answer.", error: "No answer." };
  const attempts = values.attempts ?? [];
  const last = attempts.at(-1);
  let problem: Problem | null = null;
  if (answer.status === "needs_model") problem = { kind: "needs_model", message: answer.summary };
  else if (answer.status === "failed") problem = last && last.kind !== "ok" ? problemFor(last.kind, last.error ?? answer.error) : problemFor("failed", answer.error);
  return {
    id: randomUUID(),
    origin: "question",
    title: question,
    status: answer.status,
    summary: answer.summary,
    problem,
    sql: values.sql ?? null,
    source: values.sqlSource ?? "none",
    reportId: values.reportId ?? null,
    columns: answer.status === "answered" ? answer.columns : [],
    rows: answer.status === "answered" ? answer.rows : [],
    truncated: answer.status === "answered" ? answer.truncated : false,
    attempts,
    repairs: values.repairs ?? 0,
    tables: values.tables ?? [],
    confidence: values.provenance?.confidence ?? null,
    reason: values.provenance?.reason ?? null,
    runId: runId || null,
    steps,
  };
}

/** One event of a question being answered, in the order the page shows them. */
export type AskEvent =
  | { type: "started"; runId: string }
  /** A node started (`running`, `ms` null) or ended; a node that runs twice (repair) appears twice. */
  | { type: "step"; node: string; status: StepStatus; ms: number | null; error: string | null }
  | { type: "answer"; answer: AnswerView };

/**
 * One line of POST /api/analytics/ask (NDJSON): an event above, or an error as a plain sentence
 * if the question failed part-way.
 */
export type AskLine = AskEvent | { type: "error"; error: { code: ErrorCode; message: string; field?: string } };

/**
 * Asks the text_to_sql graph a question and yields its steps as they start and end, then the
 * answer. Who may ask and what is checked when this is called, before any graph runs; failures
 * during the run are thrown from the iterator as the console's errors, in plain sentences. The
 * run carries who asked and what, so it becomes the person's history, and keeps the answer
 * (without its rows) for its run page. Stopping early, or aborting `signal`, cancels the run.
 */
export function askQuestionStream(user: SessionUser, input: unknown, opts: { signal?: AbortSignal } = {}): AsyncGenerator<AskEvent> {
  requireOperator(user);
  const { question } = parseInput(AskInput, input);
  return questionEvents(user, question, opts.signal);
}

/** Asks a question and returns only its answer (the same run as the stream's). */
export async function askQuestion(user: SessionUser, input: z.infer<typeof AskInput>): Promise<AnswerView> {
  for await (const event of askQuestionStream(user, input)) if (event.type === "answer") return event.answer;
  throw new AppError("internal:analytics", { message: "The question ended without an answer." });
}

async function* questionEvents(user: SessionUser, question: string, signal?: AbortSignal): AsyncGenerator<AskEvent> {
  const run = graphClient().stream("text_to_sql", { question }, { metadata: { requested_by: user.id, question }, signal });
  let result: GraphRunResult<TextToSqlOutput> | undefined;
  try {
    for await (const event of run) {
      if (event.type === "done") result = event.result;
      else if (event.type === "started") yield event;
      // A step's own error text (a database or model message) stays on the run page for admins.
      else yield { type: "step", node: event.step.node, status: event.step.status, ms: event.step.ms, error: event.step.status === "error" ? "This step failed." : null };
    }
  } catch (e) {
    throw questionFailure(e);
  }
  if (!result) throw new AppError("internal:analytics", { message: "The question ended without an answer." });
  // Steps exist only for runs recorded by this console (the embedded runtime), never made up.
  const steps = result.runId ? stepViews(await listRunSteps(db(), result.runId)) : [];
  const answer = fromGraph(question, result.values, result.runId, steps);
  if (answer.runId) await keepAnswer(answer.runId, answer);
  yield { type: "answer", answer };
}

/** A failed question in the analytics vocabulary: what happened, said so a person can act on it. */
function questionFailure(e: unknown): unknown {
  if (!isAppError(e)) return e;
  if (e.type === "timeout") {
    return new AppError("timeout:analytics", { message: "Answering took too long and was stopped. Try a narrower question, or run a report from the catalogue.", cause: e });
  }
  if (e.field?.startsWith("input.question")) return new AppError("bad_request:analytics", { field: "question", message: e.message, cause: e });
  if (e instanceof GraphRunError) {
    return new AppError("internal:analytics", { message: "Answering failed part-way and was stopped. Try again, or run a report from the catalogue; the run page has the details.", cause: e });
  }
  return e;
}

/**
 * Keeps the answer on its run, for the run page: a stateless run keeps no state of its own. A
 * failed write is logged and the person still gets the answer.
 */
async function keepAnswer(runId: string, answer: AnswerView): Promise<void> {
  const record: RunAnswer = {
    status: answer.status,
    summary: answer.summary,
    sql: answer.sql,
    row_count: answer.rows.length,
    truncated: answer.truncated,
    confidence: answer.confidence,
    source: answer.source,
    report_id: answer.reportId,
    tables: answer.tables,
    repairs: answer.repairs,
  };
  try {
    await mergeRunMetadata(db(), runId, { answer: record });
  } catch (e) {
    console.error(`[analytics] could not keep the answer on run ${runId}`, e);
  }
}

function emptyAnswer(origin: AnswerView["origin"], title: string, source: AnswerSource): Omit<AnswerView, "status" | "summary" | "problem"> {
  return { id: randomUUID(), origin, title, sql: null, source, reportId: null, columns: [], rows: [], truncated: false, attempts: [], repairs: 0, tables: [], confidence: null, reason: null, runId: null, steps: [] };
}

const rowCount = (n: number, truncated: boolean) => `${n}${truncated ? "+" : ""} row${n === 1 && !truncated ? "" : "s"}`;

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
  const { columns, rows, truncated, ms } = result;
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

/** The person's own questions, newest first, each once (its latest asking). */
export async function questionHistory(user: SessionUser): Promise<HistoryItem[]> {
  requireOperator(user);
  const seen = new Set<string>();
  const items: HistoryItem[] = [];
  for (const run of await listQuestionRuns(db(), user.id, HISTORY_SIZE * 5)) {
    const key = run.question.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ runId: run.runId, question: run.question, askedAt: run.startedAt.toISOString(), status: run.status });
    if (items.length === HISTORY_SIZE) break;
  }
  return items;
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
  return CATALOGUE.filter((r) => matchReport(r.title)?.id === r.id).slice(0, SUGGESTIONS).map((r) => r.title);
}

/** Everything the page paints first. */
export async function analyticsHome(user: SessionUser) {
  requireOperator(user);
  const [history, funnelAll, campaigns] = await Promise.all([questionHistory(user), funnelView(user, {}), listCampaigns(db())]);
  return { reports: catalogueFor(user), suggestions: suggestionsFor(user), verticals: VERTICALS, history, funnel: funnelAll, campaigns };
}

const positiveId = (what: string) => z.coerce.number({ error: `must be a ${what} id` }).int(`must be a whole number`).positive("must be a positive id");
export const AttributionQuery = z
  .object({ campaignId: positiveId("campaign").optional(), contactId: positiveId("contact").optional() })
  .refine((q) => (q.campaignId === undefined) !== (q.contactId === undefined), { message: "Choose a campaign or a contact (one of them).", path: ["campaignId"] });

export function parseAttributionQuery(params: RawParams): z.infer<typeof AttributionQuery> {
  return parseParams(AttributionQuery, params, "analytics");
}

export type AttributionView = AttributionResult & { runId: string | null };

/**
 * Which emails earned a campaign's or a contact's conversions: the touch_attribution graph,
 * model-weighted for the latest conversions when a model may answer, last touch otherwise.
 */
export async function attributionView(user: SessionUser, query: z.infer<typeof AttributionQuery>): Promise<AttributionView> {
  requireOperator(user);
  const input = query.campaignId !== undefined ? { campaignId: query.campaignId } : { contactId: query.contactId! };
  const { values, runId } = await graphClient().run("touch_attribution", input, { metadata: { requested_by: user.id } });
  if (!values.result) throw new AppError("internal:analytics", { message: "The attribution ended without a result." });
  return { ...values.result, runId: runId || null };
}
