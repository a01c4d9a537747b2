"use client";
import { useEffect, useState } from "react";
import { AnswerPanel } from "./answer-panel";
import { formatSql } from "./format-sql";
import { AttributionPanel } from "./attribution-panel";
import { FunnelPanel } from "./funnel-panel";
import { QuestionBox } from "./question-box";
import { HistoryList, ReportList } from "./side-lists";
import type { AnalyticsHome, AnswerRequest, AnswerView, ReportSummary, SchemaTable } from "./types";
import { AnalyticsRequestError, useAnswer, useHistory } from "./use-analytics";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveSteps } from "./live-steps";
import { useAskStream } from "./use-ask-stream";

/** Seconds since `since`, ticking once a second; the only progress shown is time that really passed. */
function useElapsed(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1_000));
}

type OtherRequest = Exclude<AnswerRequest, { type: "ask" }>;

function Working({ request, seconds }: { request: OtherRequest; seconds: number }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-700">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" aria-hidden="true" />
      <p>
        {request.type === "report" ? `Running the report “${request.title}”` : "Running your SQL"}… <span className="tabular-nums text-slate-500">{seconds} s</span>
      </p>
    </div>
  );
}

/**
 * The analytics page: ask (and watch the graph's steps arrive), read the answer, edit and re-run
 * its SQL beside the tables it may read, run reports, see the funnel.
 */
export function AnalyticsWorkspace({ home, schema, canOpenRuns }: { home: AnalyticsHome; schema: SchemaTable[]; canOpenRuns: boolean }) {
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState<AnswerView | null>(null);
  const [sql, setSql] = useState({ value: "", original: "" });
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const history = useHistory(home.history);
  // Edited SQL keeps the operator's text in the editor; a new question or report brings its own.
  const show = (next: AnswerView, keepSql: boolean) => {
    setAnswer(next);
    if (keepSql) return;
    const text = next.sql ? formatSql(next.sql) : "";
    setSql({ value: text, original: text });
  };
  const asking = useAskStream((next) => show(next, false));
  const other = useAnswer((next, request) => show(next, request.type === "sql"));
  const busy = asking.isPending || other.isPending;
  const seconds = useElapsed(busy ? startedAt : null);

  const ask = (q: string) => {
    setQuestion(q);
    setStartedAt(Date.now());
    other.reset();
    asking.mutate(q);
  };
  const run = (r: OtherRequest) => {
    setStartedAt(Date.now());
    asking.reset();
    other.mutate(r);
  };
  const runReport = (r: ReportSummary) => run({ type: "report", reportId: r.id, title: r.title });
  const runSql = () => run({ type: "sql", sql: sql.value, title: answer?.title ?? "Your SQL" });

  const error = asking.error ?? other.error;
  const questionError = error instanceof AnalyticsRequestError && error.field === "question" ? error.message : null;
  const pending = other.isPending ? (other.variables as OtherRequest | undefined) : undefined;
  // While edited SQL runs the answer stays in view; a question or report replaces it.
  const replacing = asking.isPending || pending?.type === "report";

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <QuestionBox value={question} onChange={setQuestion} onAsk={ask} suggestions={home.suggestions} busy={busy} error={questionError} />
          {error && !questionError ? (
            <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">{error.message}</p>
          ) : null}
          {asking.isPending ? <LiveSteps question={(asking.variables ?? "").trim()} steps={asking.steps} seconds={seconds} /> : null}
          {pending ? <Working request={pending} seconds={seconds} /> : null}
          {answer && !replacing ? (
            <AnswerPanel
              answer={answer}
              sql={{ ...sql, onChange: (value) => setSql((s) => ({ ...s, value })), onRun: runSql, running: pending?.type === "sql", schema }}
              reports={home.reports}
              onRunReport={runReport}
              busy={busy}
              canOpenRuns={canOpenRuns}
            />
          ) : null}
          {!answer && !replacing ? (
            <EmptyState title="Ask a question, or run a report">
              The answer comes with the SQL behind it, which you can edit and run again, and the steps the graph took appear as it takes them. Questions a fixed report answers work without a model.
            </EmptyState>
          ) : null}
        </div>
        <div className="space-y-6">
          <HistoryList items={history.data} onAsk={ask} busy={busy} error={history.error?.message ?? null} />
          <ReportList reports={home.reports} onRun={runReport} busy={busy} />
        </div>
      </div>
      <FunnelPanel verticals={home.verticals} initial={home.funnel} />
      <AttributionPanel campaigns={home.campaigns} canOpenRuns={canOpenRuns} />
    </div>
  );
}
