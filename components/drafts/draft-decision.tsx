"use client";
import { useEffect, useId, useRef, useState } from "react";
import { DraftRequestError, useApproveDraft, useRejectDraft } from "./use-drafts";
import type { DraftRecord } from "./types";

const field = "w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500";
const primary = "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60";
const secondary = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/** Keys typed into a field are text, never shortcuts (a focused checkbox or button takes no text). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit"].includes(target.type);
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

function fieldError(error: unknown, name: string): string | null {
  return error instanceof DraftRequestError && error.field?.endsWith(name) ? error.message : null;
}

/**
 * The decision on one draft: the edit fields, the reject reason and the two mutations. It lives
 * above the editor so an optimistic update that rolls back (the editor unmounts and returns)
 * keeps the rep's edits and shows the error. Keys while the draft waits: a approve, e edit the
 * body, r reject.
 */
export function useDraftDecision(draft: DraftRecord) {
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const approve = useApproveDraft(draft);
  const reject = useRejectDraft(draft);
  const busy = approve.isPending || reject.isPending;
  const edited = subject !== draft.subject || body !== draft.body;
  const waiting = draft.status === "draft";

  const doApprove = () => {
    if (!busy && waiting) approve.mutate(edited ? { subject, body } : undefined);
  };
  const openReject = () => {
    setRejecting(true);
    setTimeout(() => reasonRef.current?.focus(), 0);
  };

  // The latest handlers, so the listener is registered once per draft.
  const keys = useRef({ doApprove, openReject });
  useEffect(() => {
    keys.current = { doApprove, openReject };
  });
  useEffect(() => {
    if (!waiting) return;
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === "a") keys.current.doApprove();
      else if (event.key === "e") bodyRef.current?.focus();
      else if (event.key === "r") keys.current.openReject();
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [waiting]);

  return { draft, subject, setSubject, body, setBody, rejecting, setRejecting, reason, setReason, bodyRef, reasonRef, approve, reject, busy, edited, doApprove, openReject };
}

export type Decision = ReturnType<typeof useDraftDecision>;

/** A waiting draft's editor: subject and body, approve (with the edits, if any) and reject. */
export function DraftDecision({ decision }: { decision: Decision }) {
  const { draft, subject, setSubject, body, setBody, rejecting, setRejecting, reason, setReason, bodyRef, reasonRef, approve, reject, busy, edited, doApprove, openReject } = decision;
  const error = approve.error ?? reject.error;
  // Labels point at their fields by id rather than wrapping them, so a field's text is never part of its label.
  const id = useId();
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-subject`} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">Subject</label>
        <input id={`${id}-subject`} className={field} value={subject} maxLength={200} onChange={(e) => setSubject(e.target.value)} aria-invalid={Boolean(fieldError(error, "subject"))} />
        {fieldError(error, "subject") ? <span className="mt-1 block text-sm text-rose-700">{fieldError(error, "subject")}</span> : null}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="mb-1 block text-xs font-semibold uppercase tracking-wide text-slate-500">Body</label>
        <textarea
          ref={bodyRef}
          id={`${id}-body`}
          className={`${field} min-h-72 font-sans leading-relaxed`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          aria-invalid={Boolean(fieldError(error, "body"))}
        />
        {fieldError(error, "body") ? <span className="mt-1 block text-sm text-rose-700">{fieldError(error, "body")}</span> : null}
      </div>

      {error && !fieldError(error, "subject") && !fieldError(error, "body") && !fieldError(error, "reason") ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">{error.message}</p>
      ) : null}

      {rejecting ? (
        <form
          className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) reject.mutate(reason);
          }}
        >
          <div>
            <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium text-slate-700">Why reject it?</label>
            <input
              ref={reasonRef}
              id={`${id}-reason`}
              className={field}
              value={reason}
              maxLength={500}
              placeholder="Wrong contact, tone is off, already spoke to them…"
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Escape") setRejecting(false);
              }}
            />
            {fieldError(error, "reason") ? <span className="mt-1 block text-sm text-rose-700">{fieldError(error, "reason")}</span> : null}
          </div>
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-rose-600 px-4 py-2 text-sm font-medium text-white hover:bg-rose-700 disabled:opacity-60" disabled={busy}>
              {reject.isPending ? "Rejecting…" : "Reject draft"}
            </button>
            <button type="button" className={secondary} onClick={() => setRejecting(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={primary} onClick={doApprove} disabled={busy}>
            {approve.isPending ? "Approving…" : edited ? "Approve with edits" : "Approve"}
          </button>
          {edited ? (
            <button type="button" className={secondary} disabled={busy} onClick={() => { setSubject(draft.subject); setBody(draft.body); }}>
              Undo edits
            </button>
          ) : null}
          <button type="button" className={secondary} onClick={openReject} disabled={busy}>
            Reject…
          </button>
          <span className="ml-auto text-xs text-slate-500">
            <Key>a</Key> approve · <Key>e</Key> edit · <Key>r</Key> reject
          </span>
        </div>
      )}
    </div>
  );
}

export function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[11px] text-slate-600">{children}</kbd>;
}
