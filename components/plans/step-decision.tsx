"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { approveStepAction, rejectStepAction } from "@/app/(console)/plans/actions";

/** Approve (runs the step, then verifies it) or reject with a reason; the page refreshes with the result. */
export function StepDecision({ stepId, label }: { stepId: number; label: string }) {
  const router = useRouter();
  const reasonId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: async (kind: "approve" | "reject") => {
      const result = kind === "approve" ? await approveStepAction({ stepId }) : await rejectStepAction({ stepId, reason });
      if (!result.ok) throw new Error(result.error);
    },
    onSuccess: () => {
      setRejecting(false);
      router.refresh();
    },
  });
  const button = "rounded-md px-3 py-1 text-xs font-medium disabled:opacity-60";
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => decide.mutate("approve")} disabled={decide.isPending} className={`${button} bg-brand-600 text-white hover:bg-brand-700`} aria-label={`Approve: ${label}`}>
        {decide.isPending && !rejecting ? "Running…" : "Approve"}
      </button>
      {rejecting ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate("reject");
          }}
        >
          <label htmlFor={reasonId} className="sr-only">Why reject this step</label>
          <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="Why not?" className="rounded-md border border-slate-300 px-2 py-1 text-xs" />
          <button type="submit" disabled={decide.isPending} className={`${button} border border-rose-300 bg-white text-rose-700 hover:bg-rose-50`}>Reject</button>
        </form>
      ) : (
        <button type="button" onClick={() => setRejecting(true)} className={`${button} border border-slate-300 bg-white text-slate-700 hover:bg-slate-50`} aria-label={`Reject: ${label}`}>
          Reject…
        </button>
      )}
      {decide.error ? <span role="alert" className="text-xs text-rose-700">{decide.error.message}</span> : null}
    </div>
  );
}
