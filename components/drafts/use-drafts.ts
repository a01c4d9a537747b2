"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { approveDraftAction, batchApproveAction, batchRejectAction, rejectDraftAction, reviseDraftAction, undoApprovalAction } from "@/app/(console)/drafts/actions";
import { draftKeys } from "@/lib/query-keys";
import type { DraftParams } from "./draft-params";
import type { DraftListPage, DraftRecord, DraftView, RejectLabel } from "./types";

/** A refused action or request, with the input field at fault when there is one. */
export class DraftRequestError extends Error {
  constructor(message: string, readonly field?: string, readonly status?: number) {
    super(message);
  }
}

async function getJson<T>(url: string, fallback: string): Promise<T> {
  const response = await fetch(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new DraftRequestError(body?.error?.message ?? fallback, body?.error?.field, response.status);
  return body as T;
}

type Result<T> = ({ ok: true } & T) | { ok: false; error: string; field?: string };

async function unwrap<T extends object>(answer: Promise<Result<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new DraftRequestError(result.error, result.field);
  return result;
}

export function useDraftList(params: DraftParams, initial: InfiniteData<DraftListPage, string | null> | undefined) {
  return useInfiniteQuery({
    queryKey: draftKeys.list(params),
    queryFn: ({ pageParam }) =>
      getJson<DraftListPage>(`/api/drafts?${new URLSearchParams({ ...params, ...(pageParam ? { cursor: pageParam } : {}) })}`, "Drafts could not be loaded."),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: initial,
    placeholderData: keepPreviousData,
    // While an approval waits its undo window, the list follows it to "sent".
    refetchInterval: (query) => (query.state.data?.pages.some((p) => p.rows.some((r) => r.sendAt !== null)) ? 2_000 : false),
  });
}

export function useDraftDetail(id: number | null, initial: DraftView | undefined) {
  return useQuery({
    queryKey: draftKeys.detail(id ?? 0),
    queryFn: () => getJson<DraftView>(`/api/drafts/${id}`, "This draft could not be loaded."),
    enabled: id !== null,
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.pending ? 1_000 : false),
    // A missing draft stays missing; only other failures are worth a second try.
    retry: (count, error) => !(error instanceof DraftRequestError && error.status === 404) && count < 2,
  });
}

/**
 * Decisions are not optimistic: an approval only enters its undo window and a rejection is one
 * quick call, and a form that unmounted and came back on a refusal lost its focus (the reason
 * typed next then ran as shortcuts). The editor stays, says "Approving…", and keeps the focus.
 */
function useDecision<I, T>(run: (input: I) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => client.invalidateQueries({ queryKey: draftKeys.all }),
  });
}

export function useApproveDraft(draft: DraftRecord) {
  return useDecision(async (edit: { subject: string; body: string } | undefined) => (await unwrap(approveDraftAction({ draftId: draft.id, ...(edit ? { edit } : {}) }))).result);
}

export type Rejection = { reason: string; label: RejectLabel | null };

export function useRejectDraft(draft: DraftRecord) {
  return useDecision(async ({ reason, label }: Rejection) => (await unwrap(rejectDraftAction({ draftId: draft.id, reason, label }))).result);
}

/** Redraft with an instruction, or regenerate (null). */
export function useReviseDraft(draft: DraftRecord) {
  return useDecision(async (instruction: string | null) => (await unwrap(reviseDraftAction({ draftId: draft.id, instruction }))).result);
}

export function useBatchApprove() {
  return useDecision(async (draftIds: number[]) => (await unwrap(batchApproveAction({ draftIds }))).results);
}

export function useBatchReject() {
  return useDecision(async ({ draftIds, ...why }: Rejection & { draftIds: number[] }) => (await unwrap(batchRejectAction({ draftIds, ...why }))).results);
}

export function useUndoApproval() {
  return useDecision(async (draftIds: number[]) => (await unwrap(undoApprovalAction({ draftIds }))).results);
}
