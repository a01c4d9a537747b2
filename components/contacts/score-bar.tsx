"use client";
import { TierBadge } from "./tier-badge";
import { useScoreContacts, type ScoreOutcome } from "./use-score-contacts";

/**
 * The contacts list's scoring controls: "Score selected", "Score all" (operators and admins: it
 * rescores every contact in the CRM, other reps' too), progress while they run, then what they did.
 */
export function ScoreBar({ selectedIds, names, scoresEveryone }: { selectedIds: number[]; names: ReadonlyMap<number, string>; scoresEveryone: boolean }) {
  const scoring = useScoreContacts();
  const busy = scoring.isPending;
  const { progress } = scoring;
  return (
    <div className="mb-4 space-y-2" data-testid="score-bar">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
          disabled={busy || selectedIds.length === 0}
          onClick={() => scoring.mutate({ kind: "selected", ids: selectedIds })}
        >
          {selectedIds.length ? `Score selected (${selectedIds.length})` : "Score selected"}
        </button>
        {scoresEveryone ? (
          <button
            type="button"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
            disabled={busy}
            onClick={() => scoring.mutate({ kind: "all" })}
          >
            Score all
          </button>
        ) : null}
        {busy && progress ? (
          <div role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-slate-700">
            <span>Scoring {progress.done.toLocaleString("en")} of {progress.total.toLocaleString("en")}…</span>
            <span className="h-1.5 w-48 overflow-hidden rounded bg-slate-200">
              <span className="block h-full rounded bg-brand-500 transition-all" style={{ width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 0}%` }} />
            </span>
          </div>
        ) : null}
        {scoring.data && !busy ? (
          <button type="button" className="text-sm text-slate-600 underline hover:text-slate-900" onClick={() => scoring.reset()}>
            Dismiss
          </button>
        ) : null}
      </div>
      {scoring.data && !busy ? <ScoreSummaryView outcome={scoring.data} names={names} /> : null}
    </div>
  );
}

function ScoreSummaryView({ outcome, names }: { outcome: ScoreOutcome; names: ReadonlyMap<number, string> }) {
  return (
    <div role="status" className="space-y-1 text-sm" data-testid="score-summary">
      {outcome.kind === "all" ? (
        <p className="font-medium text-slate-900">{outcome.scored.toLocaleString("en")} contacts scored by the rules.</p>
      ) : (
        <>
          <p className="font-medium text-slate-900">{outcome.scores.length} contact{outcome.scores.length === 1 ? "" : "s"} scored, highest first.</p>
          <ul className="space-y-0.5">
            {outcome.scores.map((s) => (
              <li key={s.contactId} className="flex items-center gap-2">
                <TierBadge tier={s.tier} />
                <span>{names.get(s.contactId) ?? `Contact ${s.contactId}`}: {s.score.toFixed(2)}</span>
                <span className="text-xs text-slate-500">{s.source === "model" ? "role fit by the model" : s.source === "rule_based_fallback" ? "rule-based fallback (model unavailable)" : "rules"}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.failed ? <p role="alert" className="text-rose-700">Stopped: {outcome.failed}</p> : null}
    </div>
  );
}
