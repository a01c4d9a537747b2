"use client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { AttemptsList } from "./attempts-list";
import { ResultChart } from "./result-chart";
import { ResultTable } from "./result-table";
import { RunSteps } from "./run-steps";
import { SqlEditor } from "./sql-editor";
import type { AnswerView, ReportSummary, SchemaTable } from "./types";

const SOURCE: Record<AnswerView["source"], { label: string; tone: BadgeTone }> = {
  catalogue: { label: "Fixed report from the catalogue", tone: "info" },
  metrics: { label: "Read by the metrics layer (no model)", tone: "info" },
  model: { label: "Written by the model", tone: "warn" },
  none: { label: "Needs a model", tone: "neutral" },
  operator: { label: "Your own SQL", tone: "neutral" },
};

type Props = {
  answer: AnswerView;
  sql: { value: string; original: string; onChange: (sql: string) => void; onRun: () => void; running: boolean; schema: SchemaTable[] };
  reports: ReportSummary[];
  onRunReport: (report: ReportSummary) => void;
  busy: boolean;
  canOpenRuns: boolean;
};

/**
 * One answer: the summary or the plain reason there is none, where the SQL came from and how far
 * to trust it, the chart and sortable rows, the SQL to edit and re-run, every attempt, and the
 * steps the run actually recorded.
 */
export function AnswerPanel({ answer, sql, reports, onRunReport, busy, canOpenRuns }: Props) {
  const source = SOURCE[answer.source];
  const report = answer.reportId ? reports.find((r) => r.id === answer.reportId) : undefined;
  return (
    <section aria-label="Answer" className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
      <header className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{answer.origin === "question" ? `“${answer.title}”` : answer.title}</h2>
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="answer-provenance">
          <Badge tone={source.tone}>{source.label}</Badge>
          {report ? <span>{report.title}</span> : null}
          {answer.confidence !== null && answer.status === "answered" ? <span>Confidence {Math.round(answer.confidence * 100)}%</span> : null}
        </div>
        {answer.reason ? <p className="text-xs text-slate-500">{answer.reason}</p> : null}
      </header>

      {answer.problem ? (
        <p role="alert" className={`rounded-md px-3 py-2 text-sm ${answer.problem.kind === "needs_model" ? "bg-amber-50 text-amber-900" : "bg-rose-50 text-rose-800"}`}>
          {answer.problem.message}
        </p>
      ) : (
        <p className="text-sm text-slate-800" data-testid="answer-summary">{answer.summary}</p>
      )}

      {answer.problem?.kind === "needs_model" ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">These reports answer common questions without a model:</p>
          <ul className="flex flex-wrap gap-2">
            {reports.map((r) => (
              <li key={r.id}>
                <button type="button" disabled={busy} onClick={() => onRunReport(r)} title={r.description} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs text-slate-700 hover:border-brand-500 hover:text-brand-700 disabled:opacity-60">
                  {r.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {answer.status === "answered" ? (
        <>
          <ResultChart key={`chart-${answer.id}`} columns={answer.columns} rows={answer.rows} question={answer.title} />
          <ResultTable key={`table-${answer.id}`} title={answer.title} columns={answer.columns} rows={answer.rows} truncated={answer.truncated} />
        </>
      ) : null}

      <SqlEditor {...sql} />

      {answer.origin !== "report" ? <AttemptsList attempts={answer.attempts} repairs={answer.repairs} /> : null}

      {answer.origin === "question" ? (
        <div className="space-y-2">
          <h3 className="text-sm font-medium text-slate-800">Steps of this run</h3>
          <RunSteps steps={answer.steps} runId={answer.runId} canOpenRun={canOpenRuns} />
        </div>
      ) : null}
    </section>
  );
}
