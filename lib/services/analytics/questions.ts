import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/db/client";
import { listQuestionRuns } from "@/db/queries/analytics-history";
import { listRunSteps, mergeRunMetadata } from "@/db/queries/runs";
import type { TextToSqlOutput } from "@/graphs/text-to-sql/graph";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";
import type { GraphRunResult, StepStatus } from "@/lib/langgraph/client";
import { GraphRunError } from "@/lib/langgraph/errors";
import { graphClient } from "@/lib/langgraph/instance";
import { visibleText } from "../params";
import type { RunAnswer } from "../runs";
import { parseInput, problemFor, requireOperator, type AnswerView, type Problem, type StepView } from "./answers";

export const AskInput = z.object({
  question: visibleText({ min: 3, max: 500, missing: "Type a question.", empty: "Ask a question of at least 3 characters.", tooLong: "Keep the question under 500 characters." }),
});
const HISTORY_SIZE = 20;

export type HistoryItem = { runId: string; question: string; askedAt: string; status: string };

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

