"use client";
import { useEffect, useId, useRef, useState } from "react";
import { fieldError, secondary } from "./decision-ui";
import { REJECT_LABEL_TEXT, type RejectLabel } from "./types";
import type { Rejection } from "./use-drafts";

const LABELS = Object.entries(REJECT_LABEL_TEXT) as [RejectLabel, string][];

/** The rule the server applies (app/(console)/drafts/actions.ts), checked before sending: a label, words, or both; "other" needs words. */
export function rejectionProblem({ reason, label }: Rejection): string | null {
  if (reason.trim()) return null;
  if (label === null) return "Choose a reason or say why you are rejecting it.";
  return label === "other" ? "Say what the other reason is." : null;
}

type Props = {
  busy: boolean;
  pending: boolean;
  /** The server's refusal, if any (its field is `reason` when the reason was at fault). */
  serverError: Error | null;
  onReject: (why: Rejection, onRefused: () => void) => void;
  onCancel: () => void;
  /** The submit button's words ("Reject draft", "Reject 3 drafts"). */
  submitText?: string;
};

/**
 * Why a draft is rejected: a preset label (stored as a structured label, for evaluation) and/or
 * the rep's words. An empty submission is refused here, and the focus stays in the reason field
 * with the message beside it; the whole form holds the page's shortcuts while it is open, so
 * whatever the rep types next is the reason, never a command.
 */
export function DraftRejectForm({ busy, pending, serverError, onReject, onCancel, submitText = "Reject draft" }: Props) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [label, setLabel] = useState<RejectLabel | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);
  const message = problem ?? fieldError(serverError, "reason");
  const otherError = serverError && !fieldError(serverError, "reason") ? serverError.message : null;
  const keepFocus = () => reasonRef.current?.focus();

  return (
    <form
      data-blocks-shortcuts
      aria-label="Reject the draft"
      className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        const why = { reason, label };
        const refused = rejectionProblem(why);
        setProblem(refused);
        if (refused) return keepFocus();
        onReject(why, keepFocus);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) onCancel();
      }}
    >
      <div>
        <label htmlFor={`${id}-reason`} className="mb-1 block text-sm font-medium text-slate-700">Why reject it?</label>
        <input
          ref={reasonRef}
          id={`${id}-reason`}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500"
          value={reason}
          maxLength={500}
          placeholder="Already spoke to them, the pilot ended…"
          aria-invalid={Boolean(message)}
          aria-describedby={message ? `${id}-problem` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setProblem(null);
          }}
        />
        {message ? (
          <span id={`${id}-problem`} role="alert" className="mt-1 block text-sm text-rose-700">{message}</span>
        ) : null}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">Reason</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {LABELS.map(([value, text]) => (
            <label key={value} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="radio"
                name={`${id}-label`}
                value={value}
                className="size-4 accent-brand-600"
                checked={label === value}
                onChange={() => {
                  setLabel(value);
                  setProblem(null);
                }}
              />
              {text}
            </label>
          ))}
        </div>
      </fieldset>
      {otherError ? <p role="alert" className="text-sm text-rose-700">{otherError}</p> : null}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-rose-600 px-4 py-2 text-sm font-medium text-white hover:bg-rose-700 disabled:opacity-60" disabled={busy}>
          {pending ? "Rejecting…" : submitText}
        </button>
        <button type="button" className={secondary} onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
