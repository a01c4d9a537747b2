"use client";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { approveDraftAction, batchApproveAction, rejectDraftAction } from "@/app/(console)/drafts/actions";
import { draftKeys } from "@/lib/query-keys";
import type { DraftParams } from "./draft-params";
import type { DraftListPage, DraftListRow, DraftRecord, DraftView } from "./types";

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
  });
}

export function useDraftDetail(id: number | null, initial: DraftView | undefined) {
  return useQuery({
    queryKey: draftKeys.detail(id ?? 0),
    queryFn: () => getJson<DraftView>(`/api/drafts/${id}`, "This draft could not be loaded."),
    enabled: id !== null,
    initialData: initial,
    // A missing draft stays missing; only other failures are worth a second try.
    retry: (count, error) => !(error instanceof DraftRequestError && error.status === 404) && count < 2,
  });
}

type Snapshot = [readonly unknown[], unknown][];

/**
 * Applies a decision to every cached copy of the drafts at once (all list pages and the detail),
 * returning what was there so a failed action can put it back.
 */
async function patchCached(client: QueryClient, ids: number[], patch: Partial<DraftRecord>): Promise<Snapshot> {
  await client.cancelQueries({ queryKey: draftKeys.all });
  const snapshot = client.getQueriesData({ queryKey: draftKeys.all });
  const wanted = new Set(ids);
  client.setQueriesData<InfiniteData<DraftListPage>>({ queryKey: draftKeys.lists() }, (data) =>
    data && {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        rows: page.rows.map((row): DraftListRow => (wanted.has(row.id) ? { ...row, status: patch.status ?? row.status, editedSubject: patch.editedSubject ?? row.editedSubject } : row)),
      })),
    },
  );
  for (const id of ids) {
    client.setQueryData<DraftView>(draftKeys.detail(id), (view) => view && { ...view, draft: { ...view.draft, ...patch } });
  }
  return snapshot;
}

function restore(client: QueryClient, snapshot: Snapshot | undefined) {
  for (const [key, data] of snapshot ?? []) client.setQueryData(key, data);
}

export function useApproveDraft(draft: DraftRecord) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (edit: { subject: string; body: string } | undefined) => unwrap(approveDraftAction({ draftId: draft.id, edit })),
    onMutate: (edit) =>
      patchCached(client, [draft.id], {
        status: "approved",
        ...(edit && (edit.subject !== draft.subject || edit.body !== draft.body) ? { editedSubject: edit.subject, editedBody: edit.body } : {}),
      }),
    onError: (_error, _edit, snapshot) => restore(client, snapshot),
    onSettled: () => client.invalidateQueries({ queryKey: draftKeys.all }),
  });
}

export function useRejectDraft(draft: DraftRecord) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => unwrap(rejectDraftAction({ draftId: draft.id, reason })),
    onMutate: (reason) => patchCached(client, [draft.id], { status: "rejected", rejectReason: reason }),
    onError: (_error, _reason, snapshot) => restore(client, snapshot),
    onSettled: () => client.invalidateQueries({ queryKey: draftKeys.all }),
  });
}

export function useBatchApprove() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (draftIds: number[]) => (await unwrap(batchApproveAction({ draftIds }))).results,
    onMutate: (draftIds) => patchCached(client, draftIds, { status: "approved" }),
    onError: (_error, _ids, snapshot) => restore(client, snapshot),
    onSettled: () => client.invalidateQueries({ queryKey: draftKeys.all }),
  });
}
