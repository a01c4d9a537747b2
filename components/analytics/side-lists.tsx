"use client";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { HistoryItem, ReportSummary } from "./types";

const CHART: Record<ReportSummary["chart"], string> = { bar: "bar chart", line: "line chart", table: "table" };

/** The person's own questions, newest first; a click asks again. */
export function HistoryList({ items, onAsk, busy, error }: { items: HistoryItem[]; onAsk: (question: string) => void; busy: boolean; error: string | null }) {
  return (
    <Card title="Your questions">
      {error ? <p role="alert" className="mb-2 text-sm text-rose-700">{error}</p> : null}
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">Questions you ask appear here, newest first.</p>
      ) : (
        <ul className="-mx-2 max-h-72 space-y-0.5 overflow-auto" aria-label="Your questions">
          {items.map((item) => (
            <li key={item.runId}>
              <button type="button" disabled={busy} onClick={() => onAsk(item.question)} title="Ask again" className="w-full rounded px-2 py-1.5 text-left hover:bg-slate-50 disabled:opacity-60">
                <span className="block truncate text-sm text-slate-800">{item.question}</span>
                <span className="block text-xs text-slate-500">{formatDateTime(item.askedAt)}{item.status !== "success" ? ` · ${item.status}` : ""}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The whole catalogue; a click runs the report directly, with no question to interpret. */
export function ReportList({ reports, onRun, busy }: { reports: ReportSummary[]; onRun: (report: ReportSummary) => void; busy: boolean }) {
  return (
    <Card title="Reports">
      <ul className="-mx-2 space-y-0.5" aria-label="Reports">
        {reports.map((r) => (
          <li key={r.id}>
            <button type="button" disabled={busy} onClick={() => onRun(r)} className="w-full rounded px-2 py-1.5 text-left hover:bg-slate-50 disabled:opacity-60">
              <span className="block text-sm font-medium text-slate-800">{r.title}</span>
              <span className="block text-xs text-slate-500">{r.description} <span className="text-slate-500">({CHART[r.chart]})</span></span>
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
