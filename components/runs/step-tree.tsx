import type { TreeStep } from "@/lib/services/run-tree";
import { ModelCallList } from "./model-call-list";
import { duration, elapsed, StatusBadge } from "./run-status";

/** The longest step anywhere in these steps, so every duration bar is drawn to one scale. */
export function longestStep(steps: TreeStep[]): number {
  return Math.max(1, ...steps.map((s) => Math.max(elapsed(s.startedAt, s.endedAt) ?? 0, longestStep(s.steps))));
}

/**
 * A run's nodes in the order they started, each with its model calls beneath it and the nodes of
 * any subgraph it ran indented under it.
 */
export function StepTree({ steps, longest, nested = false }: { steps: TreeStep[]; longest: number; nested?: boolean }) {
  return (
    <ol className={nested ? "mt-1 ml-3 border-l border-slate-200 pl-3" : "divide-y divide-slate-100"} data-testid={nested ? "run-substeps" : "run-steps"}>
      {steps.map((s) => (
        <li key={s.id} className="py-1.5 text-sm" data-testid="run-step" data-node={s.node}>
          <div className="grid grid-cols-[minmax(0,16rem)_minmax(0,1fr)_6rem_5rem] items-center gap-3">
            <div className="min-w-0">
              <span className="font-mono text-slate-900" data-field="node">{s.node}</span>
              {s.steps.length ? <span className="ml-2 text-xs text-slate-500">subgraph</span> : null}
            </div>
            <span className="h-1.5 overflow-hidden rounded bg-slate-100" aria-hidden="true">
              <span
                className={`block h-full rounded ${s.status === "error" ? "bg-rose-400" : "bg-brand-500"}`}
                style={{ width: `${Math.max(1, Math.round(((elapsed(s.startedAt, s.endedAt) ?? 0) / longest) * 100))}%` }}
              />
            </span>
            <span className="justify-self-end"><StatusBadge status={s.status} /></span>
            <span className="text-right tabular-nums text-slate-600">{duration(s.startedAt, s.endedAt)}</span>
          </div>
          {s.error ? <p className="mt-0.5 text-xs text-rose-700">{s.error}</p> : null}
          <ModelCallList calls={s.calls} />
          {s.steps.length ? <StepTree steps={s.steps} longest={longest} nested /> : null}
        </li>
      ))}
    </ol>
  );
}
