"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { handleObjectionAction } from "@/app/(console)/contacts/objection-actions";
import { formatPercent } from "@/lib/format";
import { isObjectionKind, OBJECTION_LABELS } from "@/lib/objections/kinds";
import type { ObjectionRequest, ObjectionResult } from "@/lib/services/objections";

class ObjectionError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

function useHandleObjection() {
  return useMutation({
    mutationFn: async (request: ObjectionRequest): Promise<ObjectionResult> => {
      const answer = await handleObjectionAction(request);
      if (!answer.ok) throw new ObjectionError(answer.error, answer.field);
      return answer.result;
    },
  });
}

/** What the coach did, in words, with a link to the draft when there is one. */
function Outcome({ result }: { result: ObjectionResult }) {
  if (result.status === "drafted") {
    const label = isObjectionKind(result.objection) ? OBJECTION_LABELS[result.objection] : result.objection;
    const gate = [result.removed ? `${result.removed} unsupported sentence${result.removed === 1 ? "" : "s"} removed` : null, result.flagged ? `${result.flagged} flagged` : null].filter(Boolean).join(", ");
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {label} objection ({formatPercent(result.confidence)}). A reply is waiting in your queue{gate ? ` (${gate})` : ""}:{" "}
        <Link href={`/drafts?id=${result.draftId}`} className="font-medium underline">review the draft</Link>. Nothing is sent until you approve it.
      </p>
    );
  }
  if (result.status === "no_objection") return <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">No objection found, so nothing was drafted. {result.reason}</p>;
  return <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Not drafted: {result.reason}</p>;
}

/** "Handle objection" on one of the contact's inbound emails. */
export function HandleObjectionButton({ emailId }: { emailId: number }) {
  const coach = useHandleObjection();
  return (
    <div className="mt-3 space-y-2">
      <button
        type="button"
        onClick={() => coach.mutate({ emailId, by: "rep" })}
        disabled={coach.isPending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {coach.isPending ? "Handling…" : "Handle objection"}
      </button>
      {coach.error ? <p role="alert" className="text-sm text-rose-700">{coach.error.message}</p> : null}
      {coach.data ? <Outcome result={coach.data} /> : null}
    </div>
  );
}

/** An objection heard on a call or in a meeting, written down by the rep, for the coach to answer by email. */
export function ObjectionNoteForm({ contactId }: { contactId: number }) {
  const [note, setNote] = useState("");
  const coach = useHandleObjection();
  const problem = coach.error;
  return (
    <form
      className="space-y-2"
      aria-label="Handle an objection from a note"
      onSubmit={(event) => {
        event.preventDefault();
        coach.mutate({ contactId, note, by: "rep" });
      }}
    >
      <label htmlFor="objection-note" className="block text-sm text-slate-600">What did they say? The coach drafts a reply from the playbook for you to approve.</label>
      <textarea
        id="objection-note"
        value={note}
        maxLength={2_000}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
        aria-invalid={Boolean(problem)}
        aria-describedby={problem ? "objection-note-error" : undefined}
        placeholder="e.g. They said it is too expensive for this year's budget."
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
      />
      {problem ? <p id="objection-note-error" role="alert" className="text-sm text-rose-700">{problem.message}</p> : null}
      <button type="submit" disabled={coach.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {coach.isPending ? "Handling…" : "Handle objection"}
      </button>
      {coach.data ? <Outcome result={coach.data} /> : null}
    </form>
  );
}
