"use client";
import { useEffect, useId, useRef, useState } from "react";
import { DraftRejectForm } from "./draft-reject-form";
import { DraftRevise } from "./draft-revise";
import { fieldClass as field, fieldError, Key, primary, secondary } from "./decision-ui";
import { useApproveDraft, useRejectDraft, useReviseDraft, type Rejection } from "./use-drafts";
import { useShortcuts } from "./use-shortcuts";
import type { DecisionResult, DraftRecord } from "./types";

/** What the queue hears when this draft has been decided, so it can move on and offer the undo. */
export type OnDecided = (draftId: number, result: DecisionResult) => void;

/**
 * The decision on one draft: the edit fields, the reject form and the mutations. Keys while the
 * draft waits: a approve, e edit the body, r reject — through the shortcut guard, and never while
 * the reject form or a validation message is open (then every key is the person's text).
 */
export function useDraftDecision(draft: DraftRecord, pending: boolean, onDecided: OnDecided = () => {}) {
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [rejecting, setRejecting] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const approve = useApproveDraft(draft);
  const reject = useRejectDraft(draft);
  const revise = useReviseDraft(draft);
  const busy = approve.isPending || reject.isPending || revise.isPending;
  const edited = subject !== draft.subject || body !== draft.body;
  const waiting = draft.status === "draft" && !pending;

  // A new version (respond / regenerate) replaces what the editor shows.
  const [seenRevisions, setSeenRevisions] = useState(draft.revisions);
  if (draft.revisions !== seenRevisions) {
    setSeenRevisions(draft.revisions);
    setSubject(draft.subject);
    setBody(draft.body);
  }

  const doApprove = () => {
    if (busy || !waiting) return;
    approve.mutate(edited ? { subject, body } : undefined, { onSuccess: (result) => onDecided(draft.id, result) });
  };
  const doReject = (why: Rejection, onRefused: () => void) => {
    if (busy) return;
    reject.mutate(why, { onSuccess: (result) => onDecided(draft.id, result), onError: onRefused });
  };
  const fieldProblem = Boolean(fieldError(approve.error, "subject") || fieldError(approve.error, "body"));

  useShortcuts(
    { a: doApprove, e: () => bodyRef.current?.focus(), r: () => setRejecting(true) },
    { enabled: waiting, blocked: rejecting || fieldProblem || busy },
  );

  return { draft, subject, setSubject, body, setBody, rejecting, setRejecting, bodyRef, approve, reject, revise, busy, edited, waiting, doApprove, doReject };
}

export type Decision = ReturnType<typeof useDraftDecision>;

/** A waiting draft's editor: subject and body, approve (with the edits, if any), reject, and ask for a new version. */
export function DraftDecision({ decision }: { decision: Decision }) {
  const { draft, subject, setSubject, body, setBody, rejecting, setRejecting, bodyRef, approve, reject, revise, busy, edited, doApprove, doReject } = decision;
  const error = approve.error;
  // Labels point at their fields by id rather than wrapping them, so a field's text is never part of its label.
  const id = useId();
  const clear = () => approve.error && approve.reset();
  // Leaving the reject form puts the focus back on its button, never on the page.
  const rejectButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (returnFocus.current && !rejecting) {
      returnFocus.current = false;
      rejectButton.current?.focus();
    }
  }, [rejecting]);

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-subject`} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">Subject</label>
        <input id={`${id}-subject`} className={field} value={subject} maxLength={200} onChange={(e) => { clear(); setSubject(e.target.value); }} aria-invalid={Boolean(fieldError(error, "subject"))} />
        {fieldError(error, "subject") ? <span data-blocks-shortcuts className="mt-1 block text-sm text-rose-700">{fieldError(error, "subject")}</span> : null}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">Body</label>
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          className={`${field} min-h-72 font-sans leading-relaxed`}
          value={body}
          onChange={(e) => { clear(); setBody(e.target.value); }}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          aria-invalid={Boolean(fieldError(error, "body"))}
        />
        {fieldError(error, "body") ? <span data-blocks-shortcuts className="mt-1 block text-sm text-rose-700">{fieldError(error, "body")}</span> : null}
      </div>

      {error && !fieldError(error, "subject") && !fieldError(error, "body") ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{error.message}</p>
      ) : null}

      {rejecting ? (
        <DraftRejectForm
          busy={busy}
          pending={reject.isPending}
          serverError={reject.error}
          onReject={(why, onRefused) => doReject(why, onRefused)}
          onCancel={() => {
            reject.reset();
            returnFocus.current = true;
            setRejecting(false);
          }}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={primary} onClick={doApprove} disabled={busy}>
            {approve.isPending ? "Approving…" : edited ? "Approve with edits" : "Approve"}
          </button>
          {edited ? (
            <button type="button" className={secondary} disabled={busy} onClick={() => { clear(); setSubject(draft.subject); setBody(draft.body); }}>
              Undo edits
            </button>
          ) : null}
          <button ref={rejectButton} type="button" className={secondary} onClick={() => setRejecting(true)} disabled={busy}>
            Reject…
          </button>
          <span className="ml-auto text-xs text-slate-500">
            <Key>a</Key> approve · <Key>e</Key> edit · <Key>r</Key> reject · <Key>?</Key> all keys
          </span>
        </div>
      )}
      {rejecting ? null : <DraftRevise revise={revise} busy={busy} />}
    </div>
  );
}
