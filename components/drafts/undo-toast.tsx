"use client";
import { useEffect, useRef, useState } from "react";
import { useSecondsLeft } from "./countdown";
import type { UndoResult } from "./types";
import { useUndoApproval } from "./use-drafts";

/** Approvals made together (one draft, or a batch): one undo covers them all. */
export type PendingSend = {
  key: string;
  draftIds: number[];
  what: string;
  sendAt: string;
  /** What the sender does instead for the ones a campaign holds ("held until the campaign resumes"). */
  held?: string;
};

/**
 * "Email to Ann Lee sending in 18 s — Undo", after the queue has moved on. It leaves when its
 * window has passed; undo answers for each draft (a draft already being sent says so).
 */
export function UndoToast({ send, onUndone, onGone }: { send: PendingSend; onUndone: (results: UndoResult[]) => void; onGone: () => void }) {
  const undo = useUndoApproval();
  const left = useSecondsLeft(send.sendAt);
  const [lastWords, setLastWords] = useState<string | null>(null);
  // The parent's callback changes on every render of the queue; the timers must not restart with it.
  const gone = useRef(onGone);
  useEffect(() => {
    gone.current = onGone;
  });
  const expired = left === 0 && !undo.isPending;
  useEffect(() => {
    if (!expired && !lastWords) return;
    const timer = setTimeout(() => gone.current(), lastWords ? 6_000 : 1_500);
    return () => clearTimeout(timer);
  }, [expired, lastWords]);

  return (
    <div className="flex items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg" data-testid="undo-toast">
      <span>
        {lastWords ?? (send.held ? `${send.what} ${send.held}${left > 0 ? ` · undo within ${left} s` : ""}` : left > 0 ? `${send.what} sending in ${left} s` : `${send.what} sending now`)}
      </span>
      {!lastWords && left > 0 ? (
        <button
          type="button"
          className="rounded px-2 py-1 font-semibold text-brand-100 underline-offset-2 hover:underline disabled:opacity-60"
          disabled={undo.isPending}
          onClick={() =>
            undo.mutate(send.draftIds, {
              onSuccess: (results) => {
                const undone = results.filter((r) => r.status === "undone").length;
                const late = results.filter((r) => r.status !== "undone");
                setLastWords(late.length === 0 ? `Undone: ${undone === 1 ? "the draft is" : `${undone} drafts are`} back in the queue.` : `${undone} undone; ${late.map((r) => r.message).join(" ")}`);
                onUndone(results);
              },
              onError: (e) => setLastWords(e.message),
            })
          }
        >
          {undo.isPending ? "Undoing…" : "Undo"}
        </button>
      ) : null}
    </div>
  );
}
