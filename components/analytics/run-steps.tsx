import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/format";
import type { StepView } from "./types";


/** The steps the runtime recorded for the run, in order, drawn to one scale so the slow one stands out. */
export function RunSteps({ steps, runId, canOpenRun }: { steps: StepView[]; runId: string | null; canOpenRun: boolean }) {
  if (steps.length === 0) {
    return <p className="text-sm text-slate-500">No steps were recorded for this run by this console (a remote LangGraph server keeps its own).</p>;
  }
  const longest = Math.max(1, ...steps.map((s) => s.ms ?? 0));
  const total = steps.reduce((sum, s) => sum + (s.ms ?? 0), 0);
  return (
    <div className="space-y-2">
      <ol className="divide-y divide-slate-100" data-testid="run-steps" aria-label="Steps of this run">
        {steps.map((s, i) => (
          <li key={`${s.node}-${i}`} className="grid grid-cols-[1.5rem_minmax(0,11rem)_minmax(0,1fr)_auto_4.5rem] items-center gap-3 py-1.5 text-sm">
            <span className="text-right text-xs tabular-nums text-slate-500">{i + 1}</span>
            <div className="min-w-0">
              <span className="font-mono text-xs text-slate-900">{s.node}</span>
              {s.error ? <p className="mt-0.5 text-xs text-rose-700">{s.error}</p> : null}
            </div>
            <span className="h-1.5 overflow-hidden rounded bg-slate-100" aria-hidden="true">
              <span className={`block h-full rounded ${s.status === "error" ? "bg-rose-400" : "bg-brand-500"}`} style={{ width: `${Math.max(1, Math.round(((s.ms ?? 0) / longest) * 100))}%` }} />
            </span>
            {s.status === "success" ? <span className="text-xs text-slate-500">done</span> : <Badge tone={s.status === "error" ? "bad" : "neutral"}>{s.status}</Badge>}
            <span className="text-right text-xs tabular-nums text-slate-600">{formatDuration(s.ms)}</span>
          </li>
        ))}
      </ol>
      <p className="text-xs text-slate-500">
        {steps.length} steps, {formatDuration(total)} in all.
        {runId && canOpenRun ? (
          <Link href={`/runs/${runId}`} className="ml-2 text-brand-700 hover:underline">Open the run</Link>
        ) : runId ? (
          <span className="ml-2 font-mono">run {runId.slice(0, 8)}</span>
        ) : null}
      </p>
    </div>
  );
}
