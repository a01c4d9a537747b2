"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { scoreSelectedAction } from "@/app/(console)/contacts/actions";

/** Rescores one contact with score_contact, then reloads the page's explanation. */
export function ScoreNowButton({ contactId, scored }: { contactId: number; scored: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={pending}
        className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const answer = await scoreSelectedAction({ contactIds: [contactId] }).catch(() => ({ ok: false as const, error: "The console could not be reached." }));
            if (!answer.ok) setError(answer.error);
            else router.refresh();
          })
        }
      >
        {pending ? "Scoring…" : scored ? "Rescore" : "Score now"}
      </button>
      {error ? <span role="alert" className="text-sm text-rose-700">{error}</span> : null}
    </div>
  );
}
