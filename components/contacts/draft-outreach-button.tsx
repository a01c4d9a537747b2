"use client";
import { OutreachProgressBar, OutreachSummary } from "./outreach-summary";
import { useDraftOutreach } from "./use-draft-outreach";

/** "Draft outreach" on a contact's page: runs the orchestrator for this one contact. */
export function DraftOutreachButton({ contact }: { contact: { id: number; name: string } }) {
  const outreach = useDraftOutreach();
  return (
    <div className="space-y-3">
      <button
        type="button"
        className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        disabled={outreach.isPending}
        onClick={() => outreach.mutate([contact])}
      >
        {outreach.isPending ? "Drafting…" : "Draft outreach"}
      </button>
      {outreach.isPending && outreach.progress ? <OutreachProgressBar progress={outreach.progress} /> : null}
      {outreach.data ? (
        <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <OutreachSummary outcomes={outreach.data} />
        </div>
      ) : null}
    </div>
  );
}
