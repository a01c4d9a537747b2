"use client";
import { useId, useState } from "react";
import { fieldError, secondary } from "./decision-ui";
import type { useReviseDraft } from "./use-drafts";

/**
 * Agent Inbox's fourth action, respond: the rep tells the orchestrator how to redraft ("shorter,
 * mention the pilot"), or regenerates. The graph keeps the previous version; offline, nothing can
 * follow free text and the answer says so.
 */
export function DraftRevise({ revise, busy }: { revise: ReturnType<typeof useReviseDraft>; busy: boolean }) {
  const id = useId();
  const [instruction, setInstruction] = useState("");
  const problem = fieldError(revise.error, "instruction");
  return (
    <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">Ask for a new version</summary>
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && instruction.trim()) revise.mutate(instruction.trim(), { onSuccess: () => setInstruction("") });
        }}
      >
        <label htmlFor={`${id}-instruction`} className="block text-slate-600">How should it change?</label>
        <input
          id={`${id}-instruction`}
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          value={instruction}
          maxLength={500}
          placeholder="Shorter, mention the pilot"
          aria-invalid={Boolean(problem)}
          onChange={(e) => {
            setInstruction(e.target.value);
            if (revise.error) revise.reset();
          }}
        />
        {problem ? <span data-blocks-shortcuts className="block text-rose-700">{problem}</span> : null}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={secondary} disabled={busy || !instruction.trim()}>
            {revise.isPending && revise.variables ? "Redrafting…" : "Redraft"}
          </button>
          <button type="button" className={secondary} disabled={busy} onClick={() => revise.mutate(null)}>
            {revise.isPending && revise.variables === null ? "Regenerating…" : "Regenerate"}
          </button>
        </div>
        {revise.data ? <p role="status" className={revise.data.status === "revised" ? "text-emerald-800" : "text-amber-800"}>{revise.data.message}</p> : null}
        {revise.error && !problem ? <p role="alert" className="text-rose-700">{revise.error.message}</p> : null}
      </form>
    </details>
  );
}
