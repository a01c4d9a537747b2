"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { approveProposalAction, rejectProposalAction, saveProposalAction } from "@/app/(console)/drafts/proposal-actions";
import { DraftRequestError, type Rejection } from "@/components/drafts/use-drafts";
import { draftKeys } from "@/lib/query-keys";
import type { ProposalEdit } from "@/lib/outreach/proposal";

type Result<T> = ({ ok: true } & T) | { ok: false; error: string; field?: string };
async function unwrap<T extends object>(answer: Promise<Result<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new DraftRequestError(result.error, result.field);
  return result;
}

/** Save, approve and reject for one proposal; each refreshes the queue (lists and details) by key. */
export function useProposalDecision(draftId: number) {
  const client = useQueryClient();
  const settle = { onSettled: () => client.invalidateQueries({ queryKey: draftKeys.all }) };
  const save = useMutation({ mutationFn: async (edit: ProposalEdit) => (await unwrap(saveProposalAction({ draftId, edit }))).result, ...settle });
  const approve = useMutation({ mutationFn: async () => (await unwrap(approveProposalAction({ draftId }))).result, ...settle });
  const reject = useMutation({ mutationFn: async (why: Rejection) => (await unwrap(rejectProposalAction({ draftId, ...why }))).result, ...settle });
  return { save, approve, reject, busy: save.isPending || approve.isPending || reject.isPending };
}
