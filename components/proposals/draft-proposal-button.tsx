"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { draftProposalAction } from "@/app/(console)/drafts/proposal-actions";

type Target = { contactId: number } | { companyId: number };

/**
 * "Draft proposal" on a contact's or a company's page: runs lead_to_proposal and says where the
 * proposal went (the drafts queue), or why the lead stopped (unqualified, no reachable contact).
 */
export function DraftProposalButton({ target }: { target: Target }) {
  const draft = useMutation({
    mutationFn: async () => {
      const answer = await draftProposalAction(target);
      if (!answer.ok) throw new Error(answer.error);
      return answer.result;
    },
  });
  const result = draft.data;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => draft.mutate()}
        disabled={draft.isPending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60"
      >
        {draft.isPending ? "Drafting proposal…" : "Draft proposal"}
      </button>
      <span aria-live="polite" className="text-slate-700">
        {result?.status === "drafted" ? (
          <>
            Proposal drafted{result.flaggedClaims ? ` with ${result.flaggedClaims} flagged claim${result.flaggedClaims === 1 ? "" : "s"}` : ""}.{" "}
            <Link href={`/drafts?id=${result.draftId}`} className="text-brand-700 underline underline-offset-2">Review it in Drafts</Link>
          </>
        ) : result ? (
          <span data-testid="proposal-stopped">{result.reason}</span>
        ) : null}
      </span>
      {draft.error ? <span role="alert" className="text-rose-700">{draft.error.message}</span> : null}
    </div>
  );
}
