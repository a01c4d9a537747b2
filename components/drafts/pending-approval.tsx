"use client";
import { SendingIn } from "./countdown";
import { secondary } from "./decision-ui";
import type { DraftView } from "./types";
import { useUndoApproval } from "./use-drafts";

/**
 * A draft approved in the console, in its undo window: the text that will go, the countdown and
 * Undo. Nothing of the send path has started yet; undo returns it to the queue as a draft.
 */
export function PendingApproval({ view }: { view: DraftView }) {
  const pending = view.pending!;
  const undo = useUndoApproval();
  const decision = pending.decision;
  const text = decision.type === "edit" ? { subject: decision.subject, body: decision.body } : { subject: view.draft.subject, body: view.draft.body };
  const outcome = undo.data?.[0];
  return (
    <div className="space-y-3">
      <div role="status" className="flex flex-wrap items-center gap-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        <span className="font-medium">
          Approved{decision.type === "edit" ? " with edits" : ""} — {pending.state === "queued" ? <SendingIn at={pending.sendAt} /> : "sending now"}.
        </span>
        {pending.state === "queued" ? (
          <button type="button" className={`${secondary} ml-auto py-1`} disabled={undo.isPending} onClick={() => undo.mutate([view.draft.id])}>
            {undo.isPending ? "Undoing…" : "Undo"}
          </button>
        ) : null}
      </div>
      {outcome && outcome.status !== "undone" ? <p role="alert" className="text-sm text-amber-800">{outcome.message}</p> : null}
      {undo.error ? <p role="alert" className="text-sm text-rose-700">{undo.error.message}</p> : null}
      <div className="rounded-md border border-slate-200 p-3">
        <p className="text-sm font-medium text-slate-900">{text.subject}</p>
        <pre className="mt-2 whitespace-pre-wrap font-sans text-sm leading-relaxed text-slate-700">{text.body}</pre>
      </div>
    </div>
  );
}
