"use client";
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/format";
import type { LiveStep } from "./use-ask-stream";

const STATUS: Record<LiveStep["status"], { label: string; tone: "neutral" | "good" | "bad" | "info" }> = {
  running: { label: "running", tone: "info" },
  success: { label: "done", tone: "good" },
  error: { label: "failed", tone: "bad" },
  interrupted: { label: "paused", tone: "neutral" },
};

/**
 * The question's steps as the graph runs them: a row when a node starts, its time when it ends.
 * Only what really ran is listed (a repair shows up only if one happened); screen readers hear
 * each new row through the live region.
 */
export function LiveSteps({ question, steps, seconds }: { question: string; steps: LiveStep[]; seconds: number }) {
  return (
    <section aria-label="Progress" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm">
      <div className="flex items-center gap-3 text-slate-700">
        <span className="h-4 w-4 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" aria-hidden="true" />
        <p>
          Answering “{question}”… <span className="tabular-nums text-slate-500">{seconds} s</span>
        </p>
      </div>
      <div aria-live="polite" aria-relevant="additions text">
        {steps.length === 0 ? <p className="text-xs text-slate-500">Starting the text_to_sql graph…</p> : null}
        <ol className="divide-y divide-slate-100" aria-label="Steps so far" data-testid="live-steps">
          {steps.map((s, i) => (
            <li key={s.key} className="grid grid-cols-[1.5rem_minmax(0,1fr)_auto_4.5rem] items-center gap-3 py-1.5" data-node={s.node} data-status={s.status}>
              <span className="text-right text-xs tabular-nums text-slate-500">{i + 1}</span>
              <div className="min-w-0">
                <span className="font-mono text-xs text-slate-900">{s.node}</span>
                {s.error ? <p className="mt-0.5 text-xs text-rose-700">{s.error}</p> : null}
              </div>
              <Badge tone={STATUS[s.status].tone}>{STATUS[s.status].label}</Badge>
              <span className="text-right text-xs tabular-nums text-slate-600">{s.status === "running" ? "…" : formatDuration(s.ms)}</span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
