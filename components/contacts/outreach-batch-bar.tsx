"use client";
import { OutreachProgressBar, OutreachSummary } from "./outreach-summary";
import { useDraftOutreach, type OutreachTarget } from "./use-draft-outreach";

type Props = { selected: OutreachTarget[]; onClear: () => void };

/** The contacts list's batch control: "Draft outreach for N", progress while it runs, then a summary. */
export function OutreachBatchBar({ selected, onClear }: Props) {
  const outreach = useDraftOutreach();
  if (selected.length === 0 && !outreach.isPending && !outreach.data) return null;
  return (
    <div className="mb-4 space-y-3 rounded-lg border border-brand-100 bg-brand-50/60 px-4 py-3" data-testid="outreach-bar">
      <div className="flex flex-wrap items-center gap-3">
        {selected.length ? (
          <>
            <span className="text-sm text-slate-700">{selected.length} contact{selected.length === 1 ? "" : "s"} selected</span>
            <button
              type="button"
              className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
              disabled={outreach.isPending}
              onClick={() => outreach.mutate(selected, { onSuccess: onClear })}
            >
              Draft outreach for {selected.length}
            </button>
            <button type="button" className="text-sm text-slate-600 underline hover:text-slate-900 disabled:opacity-60" disabled={outreach.isPending} onClick={onClear}>
              Clear selection
            </button>
          </>
        ) : null}
        {outreach.data && !outreach.isPending ? (
          <button type="button" className="ml-auto text-sm text-slate-600 underline hover:text-slate-900" onClick={() => outreach.reset()}>
            Dismiss
          </button>
        ) : null}
      </div>
      {outreach.isPending && outreach.progress ? <OutreachProgressBar progress={outreach.progress} /> : null}
      {outreach.data && !outreach.isPending ? <OutreachSummary outcomes={outreach.data} /> : null}
    </div>
  );
}
